/** @jest-environment node */
/**
 * createCallClient in Node over real sockets against the emulator, driven by its agent control:
 * the whole flow of the tutorial, nothing faked but lpTag (there is no LivePerson tag in Node).
 */
import { filter, firstValueFrom, Observable, timeout, type Subscription } from 'rxjs';
import { createCallClient, type CallClient } from '../../lib';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing';
import type { ClosedCall } from '../../lib/core/types';
import { ACCOUNT, overEmulator } from './over-emulator';

const WAIT = { first: 5000 };

let emulator: RunningEmulator;
let lpTag: FakeLpTag;
let client: CallClient;
let subscription: Subscription;
let heard: string[];
let screen: string[];

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, browserAssets: false });
  lpTag = createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' });
  heard = [];
  screen = [];
  lpTag.events.bind('lpCoBrowse', '*', (_data: unknown, info: unknown) => {
    heard.push(typeof info === 'object' && info !== null && 'eventName' in info ? String(info.eventName) : '?');
  });
  client = createCallClient({
    ...overEmulator(emulator),
    lpTag,
    visitor: { name: 'Jane' },
    callScreen: () =>
      new Observable<never>(() => {
        screen.push('created');
        return () => screen.push('removed');
      }),
  });
  subscription = client.session$.subscribe();
  await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open'), timeout(WAIT)));
});

afterEach(async () => {
  subscription.unsubscribe();
  await emulator.close();
});

async function requestConversation(): Promise<string> {
  const response = await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined));
  return response.body.conversationId;
}

describe('createCallClient against the emulator', () => {
  it('invite → offered → accept → container → ACCEPTED (once) → hang-up → container removed → closed hangup; teardown closes the socket', async () => {
    const closed: ClosedCall[] = [];
    subscription.add(client.closed$.subscribe((c) => closed.push(c)));
    const accepted: string[] = [];
    subscription.add(client.accepted$.subscribe((a) => accepted.push(a.dialogId)));
    const conversationId = await requestConversation();

    const invitation$ = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    const invite = emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const invitation = await invitation$;
    expect(invitation).toMatchObject({ dialogId: invite.dialogId, conversationId, kind: 'video', isCall: true, serviceId: invite.serviceId });
    expect(invitation.agentId).toBe(`${ACCOUNT}.356285412`);
    await firstValueFrom(client.session$.pipe(filter((s) => s.status === 'offered'), timeout(WAIT)));
    expect(heard).toEqual(['cobrowseOffered']);
    expect(lpTag.publishes()[0]?.data).toMatchObject({ serviceId: invite.serviceId, mode: 'VIDEO_CALL', visitorName: 'Jane', ssid: 'sid-1', svid: 'vid-1' });

    const states: string[] = [];
    const done = new Promise<void>((resolve, reject) => client.accept(invitation).subscribe({ next: (s) => states.push(s.status), complete: resolve, error: reject }));
    await firstValueFrom(client.session$.pipe(filter((s) => s.status === 'joining'), timeout(WAIT)));
    expect(screen).toEqual(['created']);
    expect(heard).toEqual(['cobrowseOffered', 'cobrowseAccepted']);

    // LivePerson's call app joins (no call app in Node: the agent side says ACCEPTED, then joined).
    const joined = firstValueFrom(client.dialog$.pipe(filter((e) => e.type === 'updated' && e.dialog.notificationKey === 'joined'), timeout(WAIT)));
    emulator.agent.accept({ dialogId: invite.dialogId });
    await done;
    expect(states).toEqual(['accepting', 'joining', 'active']);
    await joined;
    expect(accepted).toEqual([invite.dialogId]);

    const closed$ = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    emulator.agent.hangup({ dialogId: invite.dialogId });
    expect((await closed$).reason).toBe('hangup');
    expect(closed.map((c) => c.reason)).toEqual(['hangup']);
    expect(screen).toEqual(['created', 'removed']);

    subscription.unsubscribe();
    await waitFor(() => emulator.state().connections.length === 0);
    expect(lpTag.bindingCount()).toBe(1);
  });

  it('cancel and expiry close the invitation with their reasons', async () => {
    await requestConversation();
    const first = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    emulator.agent.invite({ mode: 'VOICE_CALL' });
    expect((await first).kind).toBe('voice');
    const cancelled = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    emulator.agent.cancel();
    expect((await cancelled).reason).toBe('cancelled');

    const second = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await second;
    const expired = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    emulator.agent.expire();
    expect((await expired).reason).toBe('expired');
  });

  it('decline publishes cobrowseDeclined and closes as declined', async () => {
    await requestConversation();
    const invitation$ = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const invitation = await invitation$;
    await firstValueFrom(client.session$.pipe(filter((s) => s.status === 'offered'), timeout(WAIT)));
    const closed$ = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    const state = await firstValueFrom(client.decline(invitation));
    expect(state.status).toBe('declined');
    expect((await closed$).reason).toBe('declined');
    expect(heard).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
  });

  it('sockets dropped mid-invite: the client reconnects and the invitation is not announced twice', async () => {
    await requestConversation();
    const invitations: string[] = [];
    subscription.add(client.invitation$.subscribe((i) => invitations.push(i.dialogId)));
    const first = firstValueFrom(client.invitation$.pipe(timeout(WAIT)));
    emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await first;
    emulator.dropSockets();
    await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'reconnecting'), timeout(WAIT)));
    await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open'), timeout(10_000)));
    // a change after the reconnect still arrives, and the invitation was announced once
    const closed$ = firstValueFrom(client.closed$.pipe(timeout(WAIT)));
    emulator.agent.cancel();
    expect((await closed$).reason).toBe('cancelled');
    expect(invitations).toHaveLength(1);
  });

  it('chat over the client: messagingEvents() decodes the messaging events the call path leaves untouched, on demand', async () => {
    const diagnostics: string[] = [];
    subscription.add(client.diagnostic$.subscribe((d) => diagnostics.push(d.diagnostic.type)));
    const conversationId = await requestConversation();
    const texts: string[] = [];
    subscription.add(client.connection.messagingEvents(conversationId, conversationId).subscribe((change) => texts.push(change.event.type === 'ContentEvent' ? change.event.message : change.event.type)));
    const notifications: string[] = [];
    subscription.add(client.connection.notification$.subscribe((n) => notifications.push(n.type === 'unknown' ? `unknown:${n.notificationType}` : n.type)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    emulator.agent.message({ text: 'hello', conversationId });
    await firstValueFrom(client.connection.messagingEvents(conversationId, conversationId).pipe(filter((c) => c.event.type === 'ContentEvent'), timeout(WAIT)));
    expect(texts).toContain('hello');
    // The client's connection left the body as it came: decoded only for messagingEvents().
    expect(notifications).toContain('unknown:ms.MessagingEventNotification');
    expect(diagnostics).not.toContain('decode-error');
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
