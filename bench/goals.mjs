// The goals of the performance issue, evaluated on the benchmark results: one row per figure with
// its value, its baseline (measured in the same run, or the protocol's minimum) and whether the
// goal is met. Used for the console table, bench/results.json and the README table.

const x = (ratio) => (ratio === undefined ? '–' : `${ratio.toFixed(2)}×`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function throughputRows(t) {
  return t.bands.map((band) => ({
    id: `throughput-${band.frames}`,
    what: `throughput, frames ${band.frames} (${band.dialogsSeenAtEnd.toLocaleString('en-US')} dialogs seen by then): cost per frame over JSON.parse`,
    value: `${x(band.ratios.ours)} (${band.usPerFrame.ours} µs); decodeCallFrame alone ${x(band.ratios.decodeOnly)}`,
    baseline: `JSON.parse 1.00× (${band.floorUsPerFrame} µs); hand-written ${x(band.ratios.handWritten)}; plain RxJS ${x(band.ratios.plainRxjs)}`,
    goal: '≤ 1.25× (stretch 1.12×)',
    met: band.ratios.ours <= 1.25,
  }));
}

function growthRow(t) {
  const at = (who, n) => t.growth.find((g) => g.contender === who && g.dialogsSeen === n);
  return {
    id: 'growth',
    what: 'growth: per-frame cost after 10 000 / 100 000 finished calls, over the cost after none',
    value: `${x(at('ours', 10_000).vsEmpty)} / ${x(at('ours', 100_000).vsEmpty)} (${at('ours', 0).usPerFrame} → ${at('ours', 100_000).usPerFrame} µs)`,
    baseline: `hand-written ${x(at('handWritten', 10_000).vsEmpty)} / ${x(at('handWritten', 100_000).vsEmpty)} (${at('handWritten', 0).usPerFrame} → ${at('handWritten', 100_000).usPerFrame} µs)`,
    goal: '≤ 1.10× after 100 000',
    met: at('ours', 100_000).vsEmpty <= 1.1,
  };
}

function heapRow(t) {
  const at = (who, n) => t.heap.find((h) => h.contender === who && h.calls === n);
  const ours10 = at('tracker', 10_000);
  const ours100 = at('tracker', 100_000);
  const hand10 = at('handWritten', 10_000);
  const hand100 = at('handWritten', 100_000);
  return {
    id: 'heap',
    what: 'retained heap per remembered dialog (after 10 000 / 100 000 finished calls)',
    value: `${ours10.bytesPerRemembered} / ${ours100.bytesPerRemembered} B; total ${kb(ours10.retainedBytes)} / ${kb(ours100.retainedBytes)} (bounded: ${ours100.remembered.toLocaleString('en-US')} remembered)`,
    baseline: `hand-written Map ${hand10.bytesPerRemembered} / ${hand100.bytesPerRemembered} B; total ${kb(hand10.retainedBytes)} / ${kb(hand100.retainedBytes)} (unbounded)`,
    goal: '≤ the hand-written Map\'s, bounded',
    met: ours10.bytesPerRemembered <= hand10.bytesPerRemembered && ours100.bytesPerRemembered <= hand100.bytesPerRemembered && ours100.remembered < ours100.calls,
  };
}

function latencyRows(l) {
  const rows = [
    {
      id: 'latency',
      what: `latency, emulator → invitation$ over loopback (${l.client.samples.toLocaleString('en-US')} invitations): p50 / p99`,
      value: `${l.client.p50Us} / ${l.client.p99Us} µs`,
      baseline: `raw ws message ${l.raw.p50Us} / ${l.raw.p99Us} µs`,
      goal: 'p99 ≤ raw p99 + 100 µs (stretch + 50 µs)',
      met: l.client.p99Us <= l.raw.p99Us + 100,
    },
  ];
  if (l.arrivalToHandler !== undefined) {
    const a = l.arrivalToHandler;
    rows.push({
      id: 'latency-arrival',
      what: "latency, the frame's arrival at the socket (message event) → the host's invitation$ handler: p50 / p99",
      value: `${a.p50Us} / ${a.p99Us} µs`,
      baseline: 'the library\'s own work on the frame, whatever the network did',
      goal: 'p50 ≤ 100 µs, p99 ≤ 500 µs (stretch p99 ≤ 150 µs)',
      met: a.p50Us <= 100 && a.p99Us <= 500,
    });
  }
  return rows;
}

function memoryRow(m) {
  const first = m.checkpoints[0];
  const last = m.checkpoints.at(-1);
  const steady = m.checkpoints.every((c) => c.bindings === first.bindings && c.pendingActions === first.pendingActions);
  return {
    id: 'memory',
    what: `memory, ${m.cycles.toLocaleString('en-US')} invite → accept → hang-up calls through createCallClient (test kit)`,
    value: `heap ${kb(first.heapBytes)} after ${first.calls} calls, ${kb(m.checkpoints.find((c) => c.calls === 10_000)?.heapBytes ?? 0)} after 10,000, ${kb(last.heapBytes)} after ${last.calls.toLocaleString('en-US')} (${m.bytesPerCallPastBound} B per call from 10,000 on); ${last.bindings} lpTag bindings; ${last.pendingActions} pending action(s); after teardown ${m.afterTeardown.bindings} / ${m.afterTeardown.pendingActions}`,
    baseline: `${first.bindings} bindings and ${first.pendingActions} action(s) after the first ${first.calls} calls`,
    goal: 'bounded heap (the same from 10,000 to 20,000 calls, ± 20 B per call); bindings and actions do not pile up; none after teardown',
    met: steady && m.afterTeardown.bindings === 0 && m.afterTeardown.pendingActions === 0 && Math.abs(m.bytesPerCallPastBound ?? Infinity) <= 20,
  };
}

function readyRow(r) {
  return {
    id: 'ready',
    what: `time to ready (open + conversation listing) behind a proxy adding ${r.delayEachWayMs} ms each way: first visit / reload`,
    value: `${r.firstVisit.roundTrips} / ${r.reload.roundTrips} round trips (${Math.round(r.firstVisit.ms)} / ${Math.round(r.reload.ms)} ms)${r.tokenOnlyReload === undefined ? '' : `; reload remembering the token only ${r.tokenOnlyReload.roundTrips}`}`,
    baseline: `protocol minimum ${r.minimum.firstVisit.roundTrips} / ${r.minimum.reload.roundTrips} round trips`,
    goal: 'reload at the protocol\'s minimum',
    met: r.reload.roundTrips <= r.minimum.reload.roundTrips + 0.5,
  };
}

function bundleRows(b) {
  const rows = [
    {
      id: 'bundle-call-client',
      what: 'bundle: import { createCallClient } (min+gzip, webpack)',
      value: `${b.rxjsExternal['call-client'].gzipKB} KB rxjs external; ${b.rxjsBundled['call-client'].gzipKB} KB rxjs bundled`,
      baseline: `rxjs's own webSocket, rxjs bundled: ${b.rxjsBundled['rxjs-websocket'].gzipKB} KB`,
      goal: '≤ 12 KB rxjs external (stretch 10 KB)',
      met: b.rxjsExternal['call-client'].gzipBytes <= 12 * 1024,
    },
  ];
  const e = b.esbuild?.['call-client'];
  if (e !== undefined) {
    rows.push({
      id: 'bundle-call-client-esbuild',
      what: 'bundle: import { createCallClient } by esbuild (minified; min+gzip), rxjs external',
      value: `${(e.minBytes / 1024).toFixed(1)} KB minified; ${(e.gzipBytes / 1024).toFixed(1)} KB min+gzip`,
      baseline: `by folder (minified): ${Object.entries(e.byFolder).slice(0, 6).map(([folder, bytes]) => `${folder} ${(bytes / 1024).toFixed(1)}`).join(', ')} KB`,
      goal: '≤ 58 KB minified (the call core); ≤ 12 KB min+gzip (the size budget)',
      met: e.minBytes <= 58 * 1024 && e.gzipBytes <= 12 * 1024,
    });
  }
  return rows;
}

function scaleRow(s) {
  const d = s.drop;
  return {
    id: 'scale',
    what: `scale: ${s.clients.toLocaleString('en-US')} createCallClient in one process, invited and accepted; then every socket dropped at once`,
    value: `delivered ${s.delivered.invitations} invitations, ${s.delivered.accepted} acceptances; ${s.heapPerClientKB} KB heap per client; busiest 100 ms: ${(100 * d.busiestWindowShare).toFixed(1)} % planned, ${(100 * d.observedBusiestWindowShare).toFixed(1)} % observed; ${d.resubscribed} re-subscribed in ${(d.allBackMs / 1000).toFixed(1)} s; ${d.duplicateInvitationsOrAcceptances} duplicates`,
    baseline: `${s.clients} clients`,
    goal: 'all delivered; no 100 ms window above 5 % of reconnects; all re-subscribed; no duplicate',
    met:
      s.delivered.invitations === s.clients &&
      s.delivered.accepted === s.clients &&
      d.busiestWindowShare <= 0.05 &&
      d.resubscribed === s.clients &&
      d.duplicateInvitationsOrAcceptances === 0,
  };
}

/** Every goal that the available sections allow to evaluate. */
export function evaluateGoals(sections) {
  const rows = [];
  if (sections.throughput) rows.push(...throughputRows(sections.throughput), growthRow(sections.throughput), heapRow(sections.throughput));
  if (sections.latency) rows.push(...latencyRows(sections.latency));
  if (sections.memory) rows.push(memoryRow(sections.memory));
  if (sections.ready) rows.push(readyRow(sections.ready));
  if (sections.bundle) rows.push(...bundleRows(sections.bundle));
  if (sections.scale) rows.push(scaleRow(sections.scale));
  return rows;
}
