/**
 * @jest-environment node
 */
// Node's own timers (jsdom's wrap the delay to 32 bits silently): Node warns on overflow.
/**
 * Time that cannot overflow, on REAL timers: delays above 2^31−1 ms (what `setTimeout` /
 * `setInterval` hold) must neither fire at once nor re-arm in a hot loop. Each case counts the
 * timer calls over a few hundred real milliseconds and listens for `TimeoutOverflowWarning`.
 */
import { asyncScheduler, NEVER, type Subscription } from 'rxjs';
import { createCallClient } from '../../lib/client/create-call-client';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionConfig, ConnectionState } from '../../lib/connection/types';
import type { ClosedCall } from '../../lib/core/types';
import type { CallInvitation } from '../../lib/dialog/types';
import { waitForLpTag } from '../../lib/lptag/wait-for-lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';
import { createFakeSocketFactory, defaultAutoReplies, type FakeSocketOptions } from '../../lib/testing/fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { countTimers, sleep, type TimerCount } from './timer-count';

const DAY_MS = 86_400_000;
const THIRTY_DAYS_MS = 30 * DAY_MS;
/** Real time each case watches. */
const WATCH_MS = 600;
/** More timer calls than this in WATCH_MS is a spin (a healthy connection needs a handful). */
const FEW = 40;

const { GetClock: _unanswered, ...noClock } = defaultAutoReplies;

function connect(config: Partial<ConnectionConfig>, socket: FakeSocketOptions = {}) {
  const fake = createFakeSocketFactory({ scheduler: asyncScheduler, ...socket });
  const connection = createConnection({
    accountId: '123',
    auth: { jwt: () => 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' },
    endpoint: { socketUrl: 'wss://fake.example/ws_api/account/123/messaging/consumer?v=3' },
    webSocketFactory: fake.webSocketFactory,
    navigator: { userAgent: 'jest' },
    ...config,
  });
  const states: ConnectionState[] = [];
  return { fake, connection, states, held: connection.connect().subscribe((state) => states.push(state)) };
}

describe('real timers: delays above 2^31−1 ms neither fire early nor spin', () => {
  let timers: TimerCount;
  const subscriptions: Subscription[] = [];
  beforeEach(() => {
    timers = countTimers();
  });
  afterEach(() => {
    // TIMER_REPORT=1 prints the counts (the numbers in the connection README).
    if (process.env['TIMER_REPORT'] !== undefined) process.stdout.write(`${expect.getState().currentTestName ?? '?'}: ${timers.calls()} timer calls, ${timers.overflowWarnings.length} overflow warnings\n`);
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    timers.restore();
  });

  const expectCalm = (): void => {
    expect(timers.calls()).toBeLessThanOrEqual(FEW);
    expect(timers.overflowWarnings).toEqual([]);
  };

  it('keep-alive: idleMs of 30 days probes never (not every millisecond)', async () => {
    const { fake, held } = connect({ keepAlive: { idleMs: THIRTY_DAYS_MS, deadlineMs: 10_000 } });
    subscriptions.push(held);
    await sleep(WATCH_MS);
    expect(fake.requests('GetClock')).toHaveLength(0);
    expectCalm();
  });

  it('keep-alive: deadlineMs of 30 days never declares an unanswered probe half-open early', async () => {
    const { fake, states, held } = connect({ keepAlive: { idleMs: 50, deadlineMs: THIRTY_DAYS_MS } }, { autoReply: noClock });
    subscriptions.push(held);
    await sleep(WATCH_MS);
    expect(fake.requests('GetClock')).toHaveLength(1);
    expect(states.map((state) => state.status)).toEqual(['idle', 'connecting', 'handshaking', 'open']);
    expectCalm();
  });

  it.each([
    ['request(): a timeout of 30 days keeps the request pending', { requestTimeoutMs: THIRTY_DAYS_MS }, { autoReply: noClock }],
    ['the offline queue: a ttl of 30 days keeps a command waiting', { queue: { maxSize: 5, ttlMs: THIRTY_DAYS_MS } }, { autoOpen: false as const }],
  ])('%s', async (_name, config: Partial<ConnectionConfig>, socket: FakeSocketOptions) => {
    const { connection, held } = connect(config, socket);
    subscriptions.push(held);
    const outcome: string[] = [];
    subscriptions.push(connection.request('GetClock', undefined).subscribe({ next: () => outcome.push('response'), error: (error: unknown) => outcome.push(error instanceof Error ? error.name : String(error)) }));
    await sleep(WATCH_MS);
    expect(outcome).toEqual([]);
    expectCalm();
  });

  it('handshake and token timeouts of 30 days wait (no early timeout, no reconnect loop)', async () => {
    const slowToken = connect({ tokenTimeoutMs: THIRTY_DAYS_MS, auth: { jwt: () => NEVER } });
    const silentServer = connect({ handshakeTimeoutMs: THIRTY_DAYS_MS }, { autoReply: {} });
    subscriptions.push(slowToken.held, silentServer.held);
    await sleep(WATCH_MS);
    expect(slowToken.states.map((state) => state.status)).toEqual(['idle', 'connecting', 'handshaking']);
    expect(silentServer.states.map((state) => state.status)).toEqual(['idle', 'connecting', 'handshaking']);
    expect(slowToken.fake.sockets).toHaveLength(1);
    expect(silentServer.fake.sockets).toHaveLength(1);
    expectCalm();
  });

  it('reconnect: a backoff of 30 days waits (no socket storm)', async () => {
    const { fake, states, held } = connect({ reconnect: { floorMs: THIRTY_DAYS_MS, baseMs: THIRTY_DAYS_MS, capMs: THIRTY_DAYS_MS } });
    subscriptions.push(held);
    await sleep(50);
    fake.latest().drop();
    await sleep(WATCH_MS);
    expect(fake.sockets).toHaveLength(1);
    expect(states.at(-1)).toMatchObject({ status: 'reconnecting', delayMs: THIRTY_DAYS_MS });
    expectCalm();
  });

  it('waitForLpTag: waiting 30 days for the tag polls, but never times out early', async () => {
    const outcome: string[] = [];
    subscriptions.push(
      waitForLpTag(() => undefined, { scheduler: asyncScheduler, waitMs: THIRTY_DAYS_MS, pollMs: 100 }).subscribe({ error: (error: unknown) => outcome.push(error instanceof Error ? error.name : String(error)) }),
    );
    await sleep(WATCH_MS);
    expect(outcome).toEqual([]);
    expectCalm();
  });

  describe('call client: invitations far in the future', () => {
    function callClient() {
      const fake = createFakeSocketFactory({ scheduler: asyncScheduler });
      const client = createCallClient({
        accountId: '12345678',
        auth: { jwt: () => 'test.jwt.token' },
        endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
        webSocketFactory: fake.webSocketFactory,
        lpTag: createFakeLpTag(),
        visitor: { name: 'Jane' },
        callScreen: () => NEVER,
      });
      const seen = { invitations: [] as CallInvitation[], closed: [] as ClosedCall[] };
      subscriptions.push(client.invitation$.subscribe((invitation) => seen.invitations.push(invitation)));
      subscriptions.push(client.closed$.subscribe((closed) => seen.closed.push(closed)));
      const send = async (expiresAt: number): Promise<void> => {
        for (let i = 0; i < 50 && fake.requests('cqm.SubscribeExConversations').length === 0; i += 1) await sleep(10);
        await sleep(50); // the subscription's answer is in
        const socket = fake.latest();
        const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
        const now = Date.now();
        const dialog = callDialog({ dialogId: 'call-1', sessionState: 'INVITED', creationTs: now, expiresAt, metaDataLastUpdateTs: now });
        const conversation = conversationUpsert({ conversationId: 'conv-1', metaDataLastUpdateTs: now, dialogs: [mainDialog({ conversationId: 'conv-1' }), dialog] });
        socket.receive(exConversationNotification({ subscriptionId: `sub-${socket.index}-${subscribe?.id ?? '?'}`, changes: [conversation] }));
      };
      return { seen, send };
    }

    it('an invitation expiring in 30 days is shown, not closed, and costs a handful of timers', async () => {
      const { seen, send } = callClient();
      await send(Date.now() + THIRTY_DAYS_MS);
      const before = timers.calls();
      await sleep(WATCH_MS);
      expect(seen.invitations).toHaveLength(1);
      expect(seen.closed).toEqual([]);
      expect(timers.calls() - before).toBeLessThanOrEqual(FEW);
      expectCalm();
    });

    it('an expiry sent in milliseconds instead of seconds (1000× too far) costs a handful of timers', async () => {
      const { seen, send } = callClient();
      // `expires` on the wire is seconds; this one carries milliseconds.
      await send((Date.now() + 120_000) * 1000);
      const before = timers.calls();
      await sleep(WATCH_MS);
      expect(seen.invitations).toHaveLength(1);
      expect(seen.closed.filter((closed) => closed.reason === 'expired')).toEqual([]);
      expect(timers.calls() - before).toBeLessThanOrEqual(FEW);
      expectCalm();
    });
  });
});
