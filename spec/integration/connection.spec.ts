/** @jest-environment node */
import { filter, firstValueFrom, type Observable, ReplaySubject, type Subscription, take, timeout } from 'rxjs';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import type { Connection, ConnectionConfig, ConnectionState } from '../../lib/connection/types';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import type { ExConversationChangeNotification, MessagingEventChange } from '../../lib/protocol/types';
import { overEmulator } from './over-emulator';

const fastReconnect = { floorMs: 20, baseMs: 40, capMs: 200, stableAfterMs: 2_000 };

/** The first value of `source$` matching `predicate`, or a timeout error. */
function next<T>(source$: Observable<T>, predicate: (value: T) => boolean = () => true, ms = 5_000): Promise<T> {
  return firstValueFrom(source$.pipe(filter(predicate), take(1), timeout(ms)));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a ReplaySubject holds right now. */
function valuesSoFar<T>(replay: ReplaySubject<T>): T[] {
  const values: T[] = [];
  replay.subscribe((value) => values.push(value)).unsubscribe();
  return values;
}

const isOpen = (state: ConnectionState): boolean => state.status === 'open';
/** Open on the n-th socket (the state streams here replay their whole history). */
const isOpenOn = (generation: number) => (state: ConnectionState): boolean => state.status === 'open' && state.generation === generation;

/** Dialog ids and `metaDataLastUpdateTs` of the COBROWSE dialogs in a notification. */
function cobrowseUpdates(notification: ExConversationChangeNotification): string[] {
  return notification.body.changes.flatMap((change) =>
    change.type === 'UPSERT'
      ? change.result.conversationDetails.dialogs.filter((dialog) => dialog.channelType === 'COBROWSE').map((dialog) => `${dialog.dialogId}@${dialog.metaDataLastUpdateTs ?? 0}`)
      : [],
  );
}

describe('integration: createConnection against the emulator (real sockets)', () => {
  let emulator: RunningEmulator;
  let connection: Connection | undefined;
  const subscriptions: Subscription[] = [];
  const diagnostics: ConnectionDiagnostic[] = [];

  async function connect(config: Partial<ConnectionConfig> = {}, emulatorOptions: Parameters<typeof startEmulator>[0] = {}): Promise<Connection> {
    emulator = await startEmulator({ ...emulatorOptions, port: 0 });
    const created = createConnection({
      ...overEmulator(emulator),
      reconnect: fastReconnect,
      navigator: { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36' },
      ...config,
    });
    subscriptions.push(created.diagnostic$.subscribe((diagnostic) => diagnostics.push(diagnostic)));
    connection = created;
    return created;
  }

  /** Collects every value of `source$` (replayed) while the test runs. */
  function collect<T>(source$: Observable<T>): ReplaySubject<T> {
    const seen = new ReplaySubject<T>(1_000);
    subscriptions.push(source$.subscribe(seen));
    return seen;
  }

  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    connection?.close();
    connection = undefined;
    diagnostics.length = 0;
    await emulator.close();
  });

  it('Domain API + signup + connect: the socket URL comes from the Domain API, InitConnection opens the gate', async () => {
    const conn = await connect();
    const states = collect(conn.state$);
    const notifications = collect(conn.subscribeConversations());
    await next(states, isOpen);
    const snapshot = await next(notifications);
    expect(snapshot.body.changes).toEqual([]);
    const created = await firstValueFrom(conn.request('cm.ConsumerRequestConversation', undefined));
    expect(created.code).toBe(200);
    const upsert = await next(notifications, (n) => n.body.changes.some((change) => change.result.convId === created.body.conversationId));
    expect(upsert.body.subscriptionId).toBe(snapshot.body.subscriptionId);
    const connections = emulator.state().connections;
    expect(connections).toHaveLength(1);
    expect(JSON.stringify(connections)).toContain('CO_BROWSE');
    expect(diagnostics).toEqual([]);
  });

  it('peers §3.1 + §3.7: dropSockets() mid-subscription → re-handshake, re-subscribe, notifications continue, no duplicates', async () => {
    const conn = await connect();
    const states = collect(conn.state$);
    const notifications = collect(conn.subscribeConversations());
    await next(states, isOpen);
    const { body } = await firstValueFrom(conn.request('cm.ConsumerRequestConversation', undefined));
    const firstSnapshot = await next(notifications);
    const invite = emulator.agent.invite({ mode: 'VIDEO_CALL', conversationId: body.conversationId });
    await next(notifications, (n) => cobrowseUpdates(n).some((update) => update.startsWith(invite.dialogId)));

    expect(emulator.dropSockets()).toBe(1);
    await next(states, (state) => state.status === 'reconnecting');
    await next(states, isOpenOn(2));
    // The re-subscription's first frame: a full snapshot under a new subscription id.
    const resubscribed = await next(notifications, (n) => n.body.subscriptionId !== firstSnapshot.body.subscriptionId);
    expect(resubscribed.body.changes.map((change) => change.result.convId)).toEqual([body.conversationId]);

    // A change after the reconnect arrives exactly once.
    const hangup = emulator.agent.hangup({ conversationId: body.conversationId });
    const closedUpdate = await next(notifications, (n) => n.body.subscriptionId === resubscribed.body.subscriptionId && n !== resubscribed);
    await sleep(200);
    const seen = valuesSoFar(notifications);
    const afterReconnect = seen.slice(seen.indexOf(resubscribed));
    expect(afterReconnect).toEqual([resubscribed, closedUpdate]);
    expect(hangup.sessionState).toBe('CLOSED');
    expect(new Set(seen.map((n) => n.body.subscriptionId)).size).toBe(2);
    const connectionsNow = emulator.state().connections;
    expect(connectionsNow).toHaveLength(1);
    expect(diagnostics.filter((d) => d.type !== 'disconnected')).toEqual([]);
  });

  it('peers §3.7: messagingEvents re-subscribes from the last seen sequence + 1 after a drop, without duplicates', async () => {
    const conn = await connect();
    const states = collect(conn.state$);
    subscriptions.push(conn.connect().subscribe());
    await next(states, isOpen);
    const { body } = await firstValueFrom(conn.request('cm.ConsumerRequestConversation', undefined));
    const events = collect(conn.messagingEvents(body.conversationId, body.conversationId));
    emulator.agent.message({ text: 'one', conversationId: body.conversationId });
    await next(events, (change) => JSON.stringify(change.event).includes('one'));

    emulator.dropSockets();
    await next(states, (state) => state.status === 'reconnecting');
    await next(states, isOpenOn(2));
    emulator.agent.message({ text: 'two', conversationId: body.conversationId });
    await next(events, (change) => JSON.stringify(change.event).includes('two'));
    await sleep(100);
    const seen: MessagingEventChange[] = valuesSoFar(events);
    const sequences = seen.map((change) => change.sequence);
    expect(sequences).toEqual([...new Set(sequences)]);
    expect(seen.filter((change) => JSON.stringify(change.event).includes('one'))).toHaveLength(1);
  });

  it('peers §3.6: expireTokens() → 4401 → a fresh token → open again, and subscriptions continue', async () => {
    const conn = await connect();
    const states = collect(conn.state$);
    const notifications = collect(conn.subscribeConversations());
    await next(states, isOpen);
    const first = await next(notifications);

    emulator.expireTokens();
    const reconnecting = await next(states, (state) => state.status === 'reconnecting');
    expect(reconnecting).toMatchObject({ status: 'reconnecting', lastClose: { code: 4401 }, delayMs: 0 });
    expect(await next(states, isOpenOn(2))).toEqual({ status: 'open', generation: 2 });
    const again = await next(notifications, (n) => n.body.subscriptionId !== first.body.subscriptionId);
    expect(again.body.changes).toEqual([]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ type: 'disconnected', close: expect.objectContaining({ code: 4401 }), next: expect.objectContaining({ refresh: 'token' }) }));
  });

  it('peers §3.3: a short idle limit on the server is survived thanks to the keep-alive', async () => {
    const conn = await connect({ keepAlive: { idleMs: 100, deadlineMs: 500 } }, { idleTimeoutMs: 300 });
    const states = collect(conn.state$);
    subscriptions.push(conn.connect().subscribe());
    await next(states, isOpen);
    await sleep(1_200);
    expect(valuesSoFar(states).map((state) => state.status)).toEqual(['idle', 'connecting', 'handshaking', 'open']);
    expect(emulator.state().connections).toHaveLength(1);
  });

  it('control: without a keep-alive under the idle limit, the server does cut the socket (and we reconnect)', async () => {
    const conn = await connect({ keepAlive: { idleMs: 60_000, deadlineMs: 500 } }, { idleTimeoutMs: 300 });
    const states = collect(conn.state$);
    subscriptions.push(conn.connect().subscribe());
    await next(states, isOpen);
    const reconnecting = await next(states, (state) => state.status === 'reconnecting', 2_000);
    expect(reconnecting).toMatchObject({ lastClose: { code: 1000 } });
    expect(await next(states, (state) => state.status === 'open' && state.generation === 2)).toEqual({ status: 'open', generation: 2 });
  });
});
