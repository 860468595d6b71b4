// Memory: CYCLES invite → accept → hang-up calls through createCallClient, driven by the test kit
// (createTestCallClient: fake socket, fake lpTag, virtual time). At checkpoints: retained heap after
// a forced GC, live lpTag bindings, pending scheduler actions. A leak shows as heap that keeps
// growing per call after the dialog memory's bound is reached, or as bindings/actions that pile up.
import { testing } from './lib.mjs';
import { heapAfterGc, log, nowMs, round, section } from './measure.mjs';

// 20 000: the 10 000 the issue asks for, and as many again. The dialog memory keeps at least the
// 10 000 most recent closed dialogs and at most 20 000, in two generations: after 10 000 and after
// 20 000 calls it holds the same 10 000 tombstones, so the heap must be the same there.
const CYCLES = Number(process.env.BENCH_MEMORY_CYCLES ?? 20_000);
const CHECKPOINTS = [100, 1_000, 5_000, 10_000, 15_000, 20_000].filter((n) => n <= CYCLES);

/** An lpTag event bus that keeps nothing but its bindings. */
function quietLpTag() {
  const bindings = new Map();
  let next = 0;
  return {
    events: {
      bind(appName, eventName, func) {
        const id = `evId_${++next}`;
        bindings.set(id, { appName, eventName, func });
        return id;
      },
      unbind: (id) => bindings.delete(id),
      publish(appName, eventName, data) {
        let delivered = false;
        for (const b of [...bindings.values()]) {
          if ((b.appName === '*' || b.appName === appName) && (b.eventName === '*' || b.eventName === eventName)) {
            b.func(data, { appName, eventName });
            delivered = true;
          }
        }
        return delivered;
      },
    },
    taglets: { lp_monitoringSDK: { getSid: () => 'sid-1', getVid: () => 'vid-1' } },
    bindingCount: () => bindings.size,
  };
}

section(async () => {
  const lpTag = quietLpTag();
  const t = testing.createTestCallClient({ lpTag });
  let invitation;
  let accepted = 0;
  let closed = 0;
  const subscriptions = [
    t.client.invitation$.subscribe((i) => (invitation = i)),
    t.client.accepted$.subscribe(() => (accepted += 1)),
    t.client.closed$.subscribe(() => (closed += 1)),
  ];
  t.advance(10); // connect, handshake, subscribe
  const rows = [];
  const started = nowMs();
  let before;
  for (let i = 1; i <= CYCLES; i++) {
    const dialogId = `call-${i}`;
    t.sendCall('INVITED', { dialogId });
    t.client.accept(invitation).subscribe();
    t.advance(0);
    t.sendCall('ACCEPTED', { dialogId, notificationKey: 'accepted' });
    t.sendCall('CLOSED', { dialogId, state: 'CLOSE' });
    t.advance(1);
    if (i === CHECKPOINTS[0]) before = heapAfterGc();
    if (CHECKPOINTS.includes(i)) {
      const heap = heapAfterGc();
      rows.push({ calls: i, heapBytes: heap, bindings: lpTag.bindingCount(), pendingActions: t.scheduler.actions.length });
      log(`memory: ${i} calls, heap ${(heap / 1e6).toFixed(1)} MB, ${((nowMs() - started) / 1000).toFixed(1)} s`);
    }
  }
  const last = rows.at(-1);
  const first = rows[0];
  subscriptions.forEach((s) => s.unsubscribe());
  t.advance(0);
  const afterTeardown = { bindings: lpTag.bindingCount(), pendingActions: t.scheduler.actions.length };
  const at = (n) => rows.find((r) => r.calls === n);
  return {
    cycles: CYCLES,
    // Heap per call from 10 000 to 20 000 calls: both hold the same 10 000 tombstones (see above).
    bytesPerCallPastBound: at(10_000) && at(20_000) ? round((at(20_000).heapBytes - at(10_000).heapBytes) / 10_000, 1) : undefined,
    accepted,
    closed,
    checkpoints: rows,
    bytesPerCallAfterFirstCheckpoint: round((last.heapBytes - before) / (last.calls - first.calls), 1),
    afterTeardown,
  };
});
