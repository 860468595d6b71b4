// Scale: CLIENTS createCallClient instances in this one process against the emulator (in a child
// process), each gets a conversation, is invited and accepts, and the agent joins: every invitation
// and every acceptance must be delivered. Retained heap per client is taken then. Then the emulator
// drops every socket at once: each client's reconnect attempt is timed (its `connecting` state) and
// the largest share of clients in any 100 ms window reported; every client must be open again with
// a new subscription, and none may see its invitation or acceptance twice.
import { callClient, clientConversation, whenOpen } from './consumers.mjs';
import { forkEmulator } from './emulator-process.mjs';
import { lib, rxjs } from './lib.mjs';
import { heapAfterGc, log, nowMs, round, section } from './measure.mjs';

const CLIENTS = Number(process.env.BENCH_SCALE_CLIENTS ?? 1_000);
const WINDOW_MS = 100;
const TIMEOUT_MS = 120_000;

/** Resolves once `done()` is true (checked every 20 ms), or rejects after `ms`. */
function until(done, what, ms = TIMEOUT_MS) {
  const start = nowMs();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (done()) resolve();
      else if (nowMs() - start > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(check, 20);
    };
    check();
  });
}

/** Runs `task(i)` for 0..n-1 with at most `width` at a time. */
async function inBatches(n, width, task) {
  for (let i = 0; i < n; i += width) await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => task(i + k)));
}

section(async () => {
  const emu = await forkEmulator({ idleTimeoutMs: 600_000 });
  const items = new Map();
  const storage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => items.set(k, v), removeItem: (k) => items.delete(k) };
  const fetchFn = lib.rememberServices(storage, { fetch: (url, init) => fetch(url, init) }); // one Domain API lookup for all
  try {
    const heapBefore = heapAfterGc();
    const started = nowMs();
    const clients = Array.from({ length: CLIENTS }, () => {
      const { client } = callClient(emu, { fetch: fetchFn });
      const record = { client, invitations: [], accepted: 0, states: [], subscriptions: new Set(), conversationId: undefined };
      record.subscriptions$ = [
        client.invitation$.subscribe((i) => record.invitations.push(i)),
        client.accepted$.subscribe(() => (record.accepted += 1)),
        client.connection$.subscribe((s) => record.states.push({ status: s.status, at: nowMs(), delayMs: s.status === 'reconnecting' ? s.delayMs : undefined })),
        client.connection.subscribeConversations().subscribe((n) => n.body.subscriptionId !== undefined && record.subscriptions.add(n.body.subscriptionId)),
      ];
      return record;
    });
    await Promise.all(clients.map((c) => whenOpen(c.client)));
    log(`scale: ${CLIENTS} clients open in ${((nowMs() - started) / 1000).toFixed(1)} s`);

    await inBatches(CLIENTS, 50, async (i) => (clients[i].conversationId = await clientConversation(clients[i].client)));
    for (const c of clients) await emu.call('invite', { mode: 'VIDEO_CALL', conversationId: c.conversationId });
    await until(() => clients.every((c) => c.invitations.length > 0), 'every invitation');
    for (const c of clients) c.client.accept(c.invitations[0]).subscribe();
    for (const c of clients) await emu.call('accept', { conversationId: c.conversationId });
    await until(() => clients.every((c) => c.accepted > 0), 'every acceptance');
    const delivered = { invitations: clients.filter((c) => c.invitations.length > 0).length, accepted: clients.filter((c) => c.accepted > 0).length };
    const heapBytes = heapAfterGc() - heapBefore;
    log(`scale: invited and accepted in ${((nowMs() - started) / 1000).toFixed(1)} s; ${(heapBytes / CLIENTS / 1024).toFixed(1)} KB heap per client`);

    // The mass drop.
    const subscriptionsBefore = clients.map((c) => c.subscriptions.size);
    const dropAt = nowMs();
    const dropped = await emu.call('dropSockets');
    await until(
      () => clients.every((c, i) => c.states.at(-1).status === 'open' && c.states.some((s) => s.at > dropAt && s.status === 'connecting') && c.subscriptions.size > subscriptionsBefore[i]),
      'every client open and re-subscribed',
    );
    const recoveredMs = nowMs() - dropAt;
    // Planned: when each client's policy said to reconnect (the `reconnecting` state + its delay).
    // Observed: when its attempt started (`connecting`): here one event loop serves every client,
    // so timers that fall due while it is busy fire together; separate pages would not bunch up.
    const planned = clients.map((c) => {
      const r = c.states.find((s) => s.at > dropAt && s.status === 'reconnecting');
      return r.at + r.delayMs - dropAt;
    });
    const observed = clients.map((c) => c.states.find((s) => s.at > dropAt && s.status === 'connecting').at - dropAt);
    const busiestOf = (times) => {
      const windows = new Map();
      for (const at of times) windows.set(Math.floor(at / WINDOW_MS), (windows.get(Math.floor(at / WINDOW_MS)) ?? 0) + 1);
      return Math.max(...windows.values());
    };
    const busiest = busiestOf(planned);
    const busiestObserved = busiestOf(observed);
    const duplicates = clients.filter((c) => c.invitations.length > 1 || c.accepted > 1).length;
    log(`scale: all back in ${(recoveredMs / 1000).toFixed(1)} s, busiest ${WINDOW_MS} ms window: ${busiest} clients planned, ${busiestObserved} observed`);

    for (const c of clients) c.subscriptions$.forEach((s) => s.unsubscribe());
    return {
      clients: CLIENTS,
      delivered,
      heapPerClientKB: round(heapBytes / CLIENTS / 1024, 1),
      drop: {
        dropped,
        windowMs: WINDOW_MS,
        busiestWindowClients: busiest,
        busiestWindowShare: round(busiest / CLIENTS, 3),
        plannedFirstAttemptMs: { min: round(Math.min(...planned), 0), max: round(Math.max(...planned), 0) },
        observedBusiestWindowShare: round(busiestObserved / CLIENTS, 3),
        observedFirstAttemptMs: { min: round(Math.min(...observed), 0), max: round(Math.max(...observed), 0) },
        allBackMs: round(recoveredMs, 0),
        resubscribed: clients.filter((c, i) => c.subscriptions.size > subscriptionsBefore[i]).length,
        duplicateInvitationsOrAcceptances: duplicates,
      },
    };
  } finally {
    await emu.close();
  }
});
