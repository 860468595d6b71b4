/**
 * A client over the fake socket and the fake lpTag in virtual time (a VirtualTimeScheduler that
 * tests advance by hand), with the jsdom document.
 */
import type { Subscription, VirtualTimeScheduler } from 'rxjs';
import type { CallClient, CallClientConfig } from '../../lib/client';
import type { CallState, ClosedCall } from '../../lib/core/types';
import type { AcceptedCall, CallInvitation } from '../../lib/dialog/types';
import type { CallError } from '../../lib/lptag/call-error';
import type { ClientDiagnostic } from '../../lib/client/types';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import type { FakeSocketFactory } from '../../lib/testing/fake-socket';
import { createTestCallClient } from '../../lib/testing/test-call-client';
import { CALL_SCREEN_CLASS } from '../../lib/dom/call-screen-container';

export const CONVERSATION = 'conv-1';
export const DIALOG = 'call-1';

export interface Harness {
  readonly scheduler: VirtualTimeScheduler;
  readonly fake: FakeSocketFactory;
  readonly lpTag: FakeLpTag;
  readonly client: CallClient;
  readonly seen: {
    invitations: CallInvitation[];
    accepted: AcceptedCall[];
    closed: ClosedCall[];
    errors: CallError[];
    states: CallState[];
    diagnostics: ClientDiagnostic[];
  };
  /** What the LivePerson call app heard on `lpCoBrowse`, with `+screen` when the container existed then. */
  readonly heard: string[];
  advance(ms: number): void;
  /** Sends a conversation snapshot holding a call dialog in `sessionState`. */
  snapshot(sessionState: string, options?: { state?: string; expiresInMs?: number }): void;
  subscribeAll(): Subscription;
  containers(): NodeListOf<Element>;
  statuses(): string[];
}

export function createHarness(overrides: Partial<CallClientConfig> = {}, lpTag: FakeLpTag = createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' })): Harness {
  const heard: string[] = [];
  lpTag.events.bind('lpCoBrowse', '*', (_data: unknown, info: unknown) => {
    const name = typeof info === 'object' && info !== null && 'eventName' in info ? String(info.eventName) : '?';
    heard.push(`${name}${document.querySelector(`.${CALL_SCREEN_CLASS}`) ? ' +screen' : ''}`);
  });
  const t = createTestCallClient({ fakeLpTag: lpTag, visitor: { name: 'Jane' }, document, ...overrides });
  const { client } = t;
  const seen: Harness['seen'] = { invitations: [], accepted: [], closed: [], errors: [], states: [], diagnostics: [] };
  return {
    scheduler: t.scheduler,
    fake: t.sockets,
    lpTag,
    client,
    seen,
    heard,
    advance: t.advance,
    snapshot: (sessionState, options = {}) =>
      t.sendCall(sessionState, {
        dialogId: DIALOG,
        conversationId: CONVERSATION,
        ...(options.state === undefined ? {} : { state: options.state }),
        ...(options.expiresInMs === undefined ? {} : { expiresInMs: options.expiresInMs }),
      }),
    subscribeAll: () => {
      const subscription = client.invitation$.subscribe((i) => seen.invitations.push(i));
      subscription.add(client.accepted$.subscribe((a) => seen.accepted.push(a)));
      subscription.add(client.closed$.subscribe((c) => seen.closed.push(c)));
      subscription.add(client.error$.subscribe((e) => seen.errors.push(e)));
      subscription.add(client.session$.subscribe((s) => seen.states.push(s)));
      subscription.add(client.diagnostic$.subscribe((d) => seen.diagnostics.push(d)));
      return subscription;
    },
    containers: () => document.querySelectorAll(`.${CALL_SCREEN_CLASS}`),
    statuses: () => seen.states.map((s) => s.status),
  };
}
