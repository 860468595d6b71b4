/**
 * Leak checks of the public building blocks other than the client: lpTag streams (bound and still
 * waiting for the tag), lpCoBrowse publishing, the call-screen container, readiness streams, and
 * the call core's operators (`callCore`, `callStreams`, `runCallEffects`, `callCommand`) composed
 * as the README's "compose your own client" recipe does — 1,000 subscribe/unsubscribe cycles each,
 * and the retained heap of that composition.
 */
import { map, merge, Observable, Subject, throwError, VirtualAction, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { callCommand } from '../../lib/core/command';
import { callCore } from '../../lib/core/call-core';
import { runCallEffects, type CallPorts } from '../../lib/core/effects';
import { callStreams, type CallStreams } from '../../lib/core/streams';
import type { CallInput } from '../../lib/core/types';
import { callScreenContainer } from '../../lib/dom/call-screen-container';
import { RequestError } from '../../lib/errors';
import { fromSessionError, fromSessionResume } from '../../lib/lptag/call-events';
import { fromLpTagEvent } from '../../lib/lptag/from-lptag-event';
import type { LpTagLike } from '../../lib/lptag/lptag-like';
import { publishLpCoBrowse } from '../../lib/lptag/publish-lpcobrowse';
import { decode } from '../../lib/protocol/decode-frame';
import type { InboundFrame } from '../../lib/protocol/types';
import { callReadiness } from '../../lib/readiness/call-readiness';
import { checkIceServers } from '../../lib/readiness/check-ice-servers';
import { requestCallPermission } from '../../lib/readiness/request-call-permission';
import { retryRequest } from '../../lib/rpc/retry';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { callDialog, conversationUpsert, exConversationNotification, frameText, mainDialog } from '../../lib/testing/frames';
import { fakeBrowser, fakePeerConnections } from '../readiness/fakes';
import { advance, containers, countingLpTag, cycle, CYCLES, heapGrowth, pending } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

const quietly = (stream: Observable<unknown>): Subscription => stream.subscribe({ error: () => undefined });

function virtual(): VirtualTimeScheduler {
  return new VirtualTimeScheduler(VirtualAction, Infinity);
}

/** A frame of call `call-1` in `sessionState` (expiring 120 s from now), decoded as the connection would hand it on. */
function callFrame(scheduler: VirtualTimeScheduler, sessionState: 'INVITED' | 'ACCEPTED' = 'INVITED'): InboundFrame {
  const ts = sessionState === 'INVITED' ? 1001 : 1002;
  const dialog = callDialog({ dialogId: 'call-1', sessionState, mode: 'VIDEO_CALL', creationTs: 500, expiresAt: scheduler.now() + 120_000, metaDataLastUpdateTs: ts });
  const change = conversationUpsert({ conversationId: 'conv-1', metaDataLastUpdateTs: ts, dialogs: [mainDialog({ conversationId: 'conv-1' }), dialog] });
  const decoded = decode(frameText(exConversationNotification({ subscriptionId: 'sub-1', changes: [change] })));
  if (!decoded.ok) throw new Error(`the ${sessionState} frame does not decode`);
  return decoded.frame;
}

const invitationFrame = (scheduler: VirtualTimeScheduler): InboundFrame => callFrame(scheduler, 'INVITED');

/** Every public view of the core, held. */
function holdViews(calls: CallStreams): Subscription {
  const all = quietly(calls.step$);
  for (const view of [calls.dialog$, calls.invitation$, calls.accepted$, calls.closed$, calls.error$, calls.resume$, calls.session$]) all.add(quietly(view));
  return all;
}

/**
 * The core composed as the README's recipe (and the client) compose it: frames → `callCore` (lpTag
 * resume / sessionError and the private input subject as its inputs) → `runCallEffects` (publishes
 * to `lpTag`, the jsdom call screen) → `callStreams`; commands through `callCommand`.
 */
function composeCore(lpTag: () => LpTagLike | undefined, scheduler: VirtualTimeScheduler) {
  const frameSubject$ = new Subject<InboundFrame>();
  const inputSubject$ = new Subject<CallInput>();
  const dispatch = (input: CallInput): void => inputSubject$.next(input);
  const lpTagConfig = { scheduler };
  const ports: CallPorts = {
    publish: (request) => publishLpCoBrowse(lpTag, request, { ...lpTagConfig, visitorName: 'Leak Tester' }),
    callScreen: () => callScreenContainer(document),
  };
  const inputs = merge(
    fromSessionResume(lpTag, lpTagConfig).pipe(map((resume): CallInput => ({ type: 'resume', resume }))),
    fromSessionError(lpTag, lpTagConfig).pipe(map((error): CallInput => ({ type: 'session-error', error }))),
    inputSubject$,
  );
  const calls = callStreams(frameSubject$.pipe(callCore({ scheduler, inputs }), runCallEffects(ports, dispatch)));
  const accept = () => callCommand(calls.step$, dispatch, 'accept', 'call-1');
  return { calls, accept, frameSubject$, inputSubject$ };
}

/**
 * One call through the composition, every view held: invitation, `accept()` (the container
 * appears), ACCEPTED (the accept is done, the call is on); then everything is unsubscribed
 * mid-call, which must remove the container at once.
 */
function callCycles(core: ReturnType<typeof composeCore>, scheduler: VirtualTimeScheduler, cycles: number): { readonly accepted: number } {
  let accepted = 0;
  let held: Subscription | undefined;
  cycle(
    cycles,
    () => (held = holdViews(core.calls)),
    () => {
      core.frameSubject$.next(callFrame(scheduler, 'INVITED'));
      held?.add(core.accept().subscribe({ next: (state) => (accepted += state.status === 'active' ? 1 : 0), error: () => undefined }));
      advance(scheduler, 0);
      if (containers() !== 1) throw new Error(`expected the call screen while accepting, found ${containers()}`);
      core.frameSubject$.next(callFrame(scheduler, 'ACCEPTED'));
      advance(scheduler, 10);
      if (containers() !== 1) throw new Error(`expected the call screen while the call is on, found ${containers()}`);
    },
    () => {
      if (containers() !== 0) throw new Error(`expected no call screen once unsubscribed, found ${containers()}`);
    },
  );
  return { accepted };
}

describe(`lpTag adapters, ${CYCLES} cycles each: no binding and nothing scheduled afterwards`, () => {
  const streams: readonly (readonly [string, (lpTag: () => FakeLpTag | undefined, scheduler: VirtualTimeScheduler) => Observable<unknown>])[] = [
    ['fromLpTagEvent', (source, scheduler) => fromLpTagEvent(source, 'cobrowse', 'anything', { scheduler })],
    ['fromLpTagEvent (replay)', (source, scheduler) => fromLpTagEvent(source, 'cobrowse', 'anything', { scheduler, replay: true })],
    ['fromSessionError', (source, scheduler) => fromSessionError(source, { scheduler })],
    ['fromSessionResume', (source, scheduler) => fromSessionResume(source, { scheduler })],
  ];

  it.each(streams)('%s, bound and fired', (_name, make) => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    let heard = 0;
    cycle(
      CYCLES,
      () => make(() => lpTag, scheduler).subscribe(() => (heard += 1)),
      () => {
        lpTag.fire('cobrowse', 'anything', {});
        lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'No camera' });
        lpTag.fire('cobrowse', 'sessionResume', {});
      },
    );
    expect(heard).toBeGreaterThanOrEqual(CYCLES);
    expect(lpTag.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it.each(streams)('%s, unsubscribed while still waiting for lpTag (polling)', (_name, make) => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    cycle(
      CYCLES,
      () => quietly(make(() => undefined, scheduler)),
      () => advance(scheduler, 1000),
    );
    expect(lpTag.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('publishLpCoBrowse: published, and abandoned while waiting for lpTag', () => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    lpTag.events.bind('lpCoBrowse', '*', () => undefined);
    const request = { event: 'cobrowseOffered', dialog: { serviceId: 'svc-1', agentId: '12345678.356285412', mode: 'VIDEO_CALL' } } as const;
    const config = { scheduler, visitorName: 'Leak Tester' };
    cycle(CYCLES, () => quietly(publishLpCoBrowse(() => lpTag, request, config)), () => advance(scheduler, 0));
    cycle(CYCLES, () => quietly(publishLpCoBrowse(() => undefined, request, config)), () => advance(scheduler, 1000));
    expect(lpTag.publishes()).toHaveLength(CYCLES);
    expect(lpTag.bindingCount()).toBe(1); // the test's own listener
    expect(pending(scheduler)).toBe(0);
  });
});

describe(`the call-screen container, ${CYCLES} cycles`, () => {
  it('is removed when its last holder leaves', () => {
    cycle(
      CYCLES,
      () => {
        const held = callScreenContainer(document).subscribe();
        held.add(callScreenContainer(document).subscribe());
        return held;
      },
      () => expect(containers()).toBe(1),
    );
    expect(containers()).toBe(0);
  });
});

describe(`readiness streams, ${CYCLES} cycles each: no listener, no open device, no open peer connection`, () => {
  it('callReadiness leaves no permission or devicechange listener and nothing scheduled', () => {
    const scheduler = virtual();
    const browser = fakeBrowser(scheduler, { permissions: { delay: 5 }, devices: { enumerateDelay: 5 } });
    cycle(CYCLES, () => quietly(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler })), () => advance(scheduler, 10));
    cycle(CYCLES, () => quietly(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler })), () => advance(scheduler, 1));
    advance(scheduler, 10); // the fake browser's own answers still due
    expect(browser.permissions.changeListeners()).toBe(0);
    expect(browser.mediaDevices.listenerCount('devicechange')).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('requestCallPermission stops every track it got, also when unsubscribed before getUserMedia answered', async () => {
    const scheduler = virtual();
    const browser = fakeBrowser(scheduler, { devices: { getUserMediaDelay: 5 } });
    cycle(CYCLES, () => quietly(requestCallPermission('VIDEO_CALL', { environment: browser.environment })), () => advance(scheduler, 10));
    cycle(CYCLES, () => quietly(requestCallPermission('VIDEO_CALL', { environment: browser.environment })), () => undefined);
    advance(scheduler, 10);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(browser.mediaDevices.tracks).toHaveLength(4 * CYCLES);
    expect(browser.mediaDevices.tracks.filter((track) => !track.stopped)).toHaveLength(0);
  });

  it('checkIceServers closes every peer connection and its timeout', () => {
    const scheduler = virtual();
    const { RTCPeerConnection, made } = fakePeerConnections(scheduler);
    const environment = () => ({ RTCPeerConnection });
    cycle(CYCLES, () => quietly(checkIceServers([{ urls: 'turn:turn.invalid:3478' }], { environment, scheduler })), () => advance(scheduler, 10));
    expect(made).toHaveLength(CYCLES);
    expect(made.filter((pc) => !pc.closed)).toHaveLength(0);
    expect(made.reduce((sum, pc) => sum + pc.listenerCount('icecandidate'), 0)).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });
});

describe(`the call core's operators, ${CYCLES} cycles each: sources unobserved, lpTag unbound, no container and nothing scheduled afterwards`, () => {
  it('callCore and callStreams, every view held (the open invitation arms an expiry timer)', () => {
    const scheduler = virtual();
    const frames = new Subject<InboundFrame>();
    const inputs = new Subject<CallInput>();
    const calls = callStreams(frames.pipe(callCore({ scheduler, inputs })));
    let invitations = 0;
    cycle(
      CYCLES,
      () => {
        const all = holdViews(calls);
        all.add(calls.invitation$.subscribe(() => (invitations += 1)));
        return all;
      },
      () => {
        frames.next(invitationFrame(scheduler));
        expect(pending(scheduler)).toBe(1); // the expiry alarm
        advance(scheduler, 10);
      },
    );
    expect(invitations).toBe(CYCLES);
    expect(frames.observed || inputs.observed).toBe(false);
    expect(pending(scheduler)).toBe(0);
  });

  it('runCallEffects and callCommand: a call accepted, then everything unsubscribed mid-call (the container is held while the call is on)', () => {
    const scheduler = virtual();
    const lpTag = createFakeLpTag();
    lpTag.events.bind('lpCoBrowse', '*', () => undefined);
    const core = composeCore(() => lpTag, scheduler);
    const { accepted } = callCycles(core, scheduler, CYCLES);
    expect(accepted).toBe(CYCLES);
    expect(lpTag.publishes().map((p) => p.eventName).slice(0, 4)).toEqual(['cobrowseOffered', 'cobrowseAccepted', 'cobrowseOffered', 'cobrowseAccepted']);
    expect(lpTag.publishes()).toHaveLength(2 * CYCLES);
    expect(core.frameSubject$.observed || core.inputSubject$.observed).toBe(false);
    expect(lpTag.bindingCount()).toBe(1); // the test's own listener
    expect(containers()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('runCallEffects, unsubscribed while its publish and the lpTag streams still wait for lpTag (polling)', () => {
    const scheduler = virtual();
    const core = composeCore(() => undefined, scheduler);
    cycle(
      CYCLES,
      () => holdViews(core.calls),
      () => {
        core.frameSubject$.next(invitationFrame(scheduler));
        advance(scheduler, 1000);
      },
    );
    expect(core.frameSubject$.observed || core.inputSubject$.observed).toBe(false);
    expect(pending(scheduler)).toBe(0);
  });

  it(`the composition, ${CYCLES} calls after a warm-up: retained heap grows by less than 1 MB`, () => {
    const scheduler = virtual();
    const lpTag = countingLpTag(); // keeps no history of its own
    const core = composeCore(() => lpTag, scheduler);
    let accepted = 0;
    const { growth } = heapGrowth((cycles) => (accepted += callCycles(core, scheduler, cycles).accepted), CYCLES / 2, CYCLES);
    expect(accepted).toBe(CYCLES / 2 + CYCLES);
    expect(growth).toBeLessThan(1024 * 1024);
    expect(lpTag.bindingCount()).toBe(0);
    expect(containers()).toBe(0);
    expect(pending(scheduler)).toBe(0);
  });

  it('retryRequest, unsubscribed while waiting to retry a 5xx', () => {
    const scheduler = virtual();
    let attempts = 0;
    const failing = throwError(() => {
      attempts += 1;
      return new RequestError('GetClock', 503, 'busy');
    });
    cycle(CYCLES, () => quietly(failing.pipe(retryRequest({ scheduler }))), () => advance(scheduler, 6000));
    expect(attempts).toBe(2 * CYCLES);
    expect(pending(scheduler)).toBe(0);
  });
});
