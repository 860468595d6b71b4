/**
 * A call client over the leak harness's socket ledger and a fake lpTag, in virtual time, with the
 * jsdom document (so accepted calls create the real `lp_cobrowse_callscreen_container`).
 */
import { VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { createCallClient } from '../../lib/client/create-call-client';
import type { CallClient, CallClientConfig } from '../../lib/client/types';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import type { FakeSocket } from '../../lib/testing/fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { advance, containers, socketLedger, type CountingLpTag, type SocketLedger } from './harness';

export interface ClientFixture {
  readonly client: CallClient;
  readonly scheduler: VirtualTimeScheduler;
  readonly lpTag: FakeLpTag | CountingLpTag;
  readonly sockets: SocketLedger;
  advance(ms: number): void;
  /** The server sends conversation `conv-1` holding call dialog `dialogId` in `sessionState`. */
  sendCall(sessionState: 'INVITED' | 'ACCEPTED' | 'CLOSED', dialogId?: string): void;
}

export interface FixtureParts {
  readonly scheduler?: VirtualTimeScheduler;
  readonly lpTag?: FakeLpTag | CountingLpTag;
  readonly sockets?: SocketLedger;
  /** Client config to override (e.g. `callScreen`). */
  readonly config?: Partial<CallClientConfig>;
}

/** The config of every leak-check client: a fake socket URL and JWT, the jsdom document. */
export function leakClientConfig(parts: Pick<CallClientConfig, 'webSocketFactory' | 'lpTag'> & Partial<CallClientConfig>): CallClientConfig {
  return {
    accountId: '12345678',
    auth: { jwt: () => 'test.jwt.token' },
    endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
    document,
    visitor: { name: 'Leak Tester' },
    ...parts,
  };
}

/** A client; pass `parts` to share the scheduler, lpTag or socket ledger between clients. */
export function clientFixture(parts: FixtureParts = {}): ClientFixture {
  const scheduler = parts.scheduler ?? new VirtualTimeScheduler(VirtualAction, Infinity);
  const lpTag = parts.lpTag ?? createFakeLpTag();
  const sockets = parts.sockets ?? socketLedger({ scheduler });
  const client = createCallClient(leakClientConfig({ webSocketFactory: sockets.webSocketFactory, scheduler, lpTag, ...parts.config }));
  let ts = 1000;
  const sendCall = (sessionState: string, dialogId = 'call-1'): void => {
    ts += 1;
    sendCallOn(sockets.latest(), { sessionState, dialogId, ts, expiresAt: scheduler.now() + 120_000 });
    advance(scheduler, 0);
  };
  return { client, scheduler, lpTag, sockets, advance: (ms) => advance(scheduler, ms), sendCall };
}

/** The server sends, on `socket`, conversation `conv-1` holding one call dialog (a full snapshot, `ts` newer each time). */
export function sendCallOn(
  socket: FakeSocket,
  call: { readonly sessionState: string; readonly dialogId: string; readonly ts: number; readonly expiresAt: number; readonly creationTs?: number },
): void {
  const { sessionState, dialogId, ts, expiresAt, creationTs = 500 } = call;
  const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
  const dialog = callDialog({
    dialogId,
    sessionState,
    mode: 'VIDEO_CALL',
    creationTs,
    expiresAt,
    metaDataLastUpdateTs: ts,
    ...(sessionState === 'CLOSED' ? { state: 'CLOSE' } : {}),
  });
  const conversation = conversationUpsert({ conversationId: 'conv-1', metaDataLastUpdateTs: ts, dialogs: [mainDialog({ conversationId: 'conv-1' }), dialog] });
  socket.receive(exConversationNotification({ subscriptionId: `sub-${socket.index}-${subscribe?.id ?? '?'}`, changes: [conversation] }));
}

/**
 * One call on `f`'s client: invite → accept (the container appears) → ACCEPTED, then CLOSED when
 * `hangUp`. Returns the session's status when it was left.
 */
export function takeCall(f: ClientFixture, hangUp: boolean): string {
  let status = '';
  const subscription = f.client.session$.subscribe((s) => (status = s.status));
  f.advance(10);
  f.sendCall('INVITED');
  f.client.accept('call-1').subscribe();
  f.advance(0);
  f.sendCall('ACCEPTED');
  if (containers() !== 1) throw new Error(`expected the container while the call is active, found ${containers()}`);
  if (hangUp) f.sendCall('CLOSED');
  subscription.unsubscribe();
  return status;
}
