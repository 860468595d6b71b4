import { NEVER, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { createCallClient } from '../client/create-call-client';
import type { CallClient, CallClientConfig } from '../client/types';
import { createFakeLpTag, type FakeLpTag } from './fake-lptag';
import { createFakeSocketFactory, type FakeSocketFactory, type FakeSocketOptions } from './fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from './frames';

/** Options of {@link createTestCallClient}: client config to override, plus the fakes to use. */
export interface TestCallClientOptions extends Partial<CallClientConfig> {
  /** Default: a fresh `createFakeLpTag()`. */
  readonly fakeLpTag?: FakeLpTag;
  /** Options of the fake sockets (auto-replies, latency, auto-open); they run on the test client's scheduler. */
  readonly socket?: Omit<FakeSocketOptions, 'scheduler'>;
}

/** What the server sends about the test call with {@link TestCallClient.sendCall}. */
export interface TestCallOptions {
  /** Default `'call-1'`. */
  readonly dialogId?: string;
  /** Default `'conv-1'`. */
  readonly conversationId?: string;
  /** Default `'VIDEO_CALL'`. */
  readonly mode?: string;
  /** The dialog's own `state` (`'OPEN'` by default; `'CLOSE'` with a hang-up). */
  readonly state?: string;
  /** Expiry relative to the virtual clock. Default 120 000 ms (LivePerson's 2 minutes). */
  readonly expiresInMs?: number;
  readonly notificationKey?: string;
}

/** A call client wired to the test kit's fakes in hand-driven virtual time. */
export interface TestCallClient {
  readonly client: CallClient;
  /** Drives every timer of the client and of the fake socket. */
  readonly scheduler: VirtualTimeScheduler;
  readonly sockets: FakeSocketFactory;
  readonly lpTag: FakeLpTag;
  /** Runs everything due in the next `ms` of virtual time (`0`: what is due now). */
  advance(ms: number): void;
  /** The server sends the conversation holding one call dialog in `sessionState` (a full snapshot, newer each time). */
  sendCall(sessionState: 'INVITED' | 'ACCEPTED' | 'CLOSED' | (string & {}), options?: TestCallOptions): void;
}

/**
 * A `createCallClient` over `createFakeSocketFactory` and `createFakeLpTag`, on a
 * `VirtualTimeScheduler` you advance by hand: the quickest way to test code built on the client
 * (a service, a hook, an epic) without a server or real time. It has no DOM container unless you
 * pass `callScreen` or `document`. Sockets auto-open and auto-answer InitConnection, GetClock and
 * the subscriptions.
 *
 * @example
 * import type { CallInvitation } from 'lp-call-streams';
 * import { createTestCallClient } from 'lp-call-streams/testing';
 * const t = createTestCallClient();
 * const invitations: CallInvitation[] = [];
 * t.client.invitation$.subscribe((i) => invitations.push(i));
 * t.advance(10);                 // connect, handshake, subscribe
 * t.sendCall('INVITED');         // the agent invites to a video call
 * t.client.accept(invitations[0]).subscribe(); // done once the server says ACCEPTED
 * t.advance(0);
 * expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
 * t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined: the call is on
 */
export function createTestCallClient(options: TestCallClientOptions = {}): TestCallClient {
  const { fakeLpTag, socket: socketOptions, ...overrides } = options;
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const sockets = createFakeSocketFactory({ ...socketOptions, scheduler });
  const lpTag = fakeLpTag ?? createFakeLpTag();
  const client = createCallClient({
    accountId: '12345678',
    auth: { jwt: () => 'test.jwt.token' },
    endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
    webSocketFactory: sockets.webSocketFactory,
    scheduler,
    lpTag,
    visitor: { name: 'Test Visitor' },
    ...(overrides.document === undefined ? { callScreen: () => NEVER } : {}),
    ...overrides,
  });
  const advance = (ms: number): void => {
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
    scheduler.frame = scheduler.maxFrames;
  };
  let ts = 1000;
  const sendCall = (sessionState: string, call: TestCallOptions = {}): void => {
    ts += 1;
    const conversationId = call.conversationId ?? 'conv-1';
    const socket = sockets.latest();
    const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
    const dialog = callDialog({
      dialogId: call.dialogId ?? 'call-1',
      sessionState,
      mode: call.mode ?? 'VIDEO_CALL',
      creationTs: 500,
      expiresAt: scheduler.frame + (call.expiresInMs ?? 120_000),
      metaDataLastUpdateTs: ts,
      ...(call.state === undefined ? {} : { state: call.state }),
      ...(call.notificationKey === undefined ? {} : { notificationKey: call.notificationKey }),
    });
    const conversation = conversationUpsert({ conversationId, metaDataLastUpdateTs: ts, dialogs: [mainDialog({ conversationId }), dialog] });
    // The fake answers SubscribeExConversations with `sub-<socket>-<reqId>`: keep that subscription.
    socket.receive(exConversationNotification({ subscriptionId: `sub-${socket.index}-${subscribe?.id ?? '?'}`, changes: [conversation] }));
    advance(0);
  };
  return { client, scheduler, sockets, lpTag, advance, sendCall };
}
