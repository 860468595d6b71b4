// Throughput, growth and retained heap of the dialog pipeline, every contender in this one process.
//
// Throughput: R rounds over the seeded stream (bench/stream.mjs); in each round the contenders take
// turns on slices of SLICE frames (the order rotates per slice), so machine drift hits all alike.
// Slices are timed in CPU time of the main thread (bench/measure.mjs cpuMs), not wall time: on a
// shared machine wall time also counts the time other processes held the CPU.
// Cost per band of the stream (how many dialogs were seen by then) is each contender's time over
// the floor's, median over rounds. Every contender's events are checked against the ground truth.
//
// Growth: (b) and (d) preloaded with 0, 10 000 and 100 000 finished calls, then timed side by side
// on the same fresh stream; cost after N over cost after 0.
//
// Heap: retained heap of (b) and (d) after N finished calls, after forced GC.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CONTENDERS } from './contenders.mjs';
import { cpuMs, heapAfterGc, log, median, nowMs, round, section } from './measure.mjs';
import { preload } from './preload.mjs';
import { createStream } from './stream.mjs';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLICE = 250;
const PROBE_FRAMES = 20_000; // growth: frames of the fresh stream timed after each preload
const BANDS = [10_000, 50_000, 100_000, FRAMES].filter((end, i, all) => end <= FRAMES && all.indexOf(end) === i);
const ORDER = ['floor', 'decodeOnly', 'handWritten', 'plainRxjs', 'ours'];

/** Feeds `frames` to `contender`; returns the CPU time it took (ms; see cpuMs). */
function timed(contender, frames, clock) {
  const start = cpuMs();
  for (const frame of frames) {
    clock.now = frame.now;
    contender.feed(frame.text);
  }
  return cpuMs() - start;
}

/** Same events as the ground truth? Returns a list of mismatches (empty: all good). */
function check(name, counts, truth) {
  if (name === 'floor' || name === 'decodeOnly') return [];
  const wrong = ['invited', 'accepted', 'updated', 'closed'].filter((k) => counts[k] !== truth[k]).map((k) => `${k}: ${counts[k]} ≠ ${truth[k]}`);
  if (counts.reasons !== undefined) {
    for (const [reason, n] of Object.entries(truth.reasons)) if (counts.reasons[reason] !== n) wrong.push(`${reason}: ${counts.reasons[reason] ?? 0} ≠ ${n}`);
  }
  return wrong.map((w) => `${name} ${w}`);
}

/** One pass over the stream with every contender; time per band per contender. */
function pass(options) {
  const stream = createStream(options);
  const clock = { now: 0 };
  const contenders = ORDER.map((name) => CONTENDERS[name](clock));
  const bands = BANDS.map((end) => ({ end, dialogs: 0, ms: ORDER.map(() => 0) }));
  let frame = 0;
  let turn = 0;
  while (!stream.done) {
    const frames = stream.next(SLICE);
    const band = bands.find((b) => frame < b.end);
    for (let k = 0; k < ORDER.length; k++) {
      const i = (k + turn) % ORDER.length;
      band.ms[i] += timed(contenders[i], frames, clock);
    }
    turn += 1;
    frame += frames.length;
    band.dialogs = stream.dialogsSeen;
  }
  const truth = stream.summary();
  const mismatches = contenders.flatMap((c, i) => check(ORDER[i], c.counts(), truth));
  contenders.forEach((c) => c.dispose());
  return { bands, truth, mismatches };
}

// ─── growth ──────────────────────────────────────────────────────────────────────────────────────

function growth() {
  const sizes = [0, 10_000, 100_000];
  const clock = { now: 0 };
  const instances = [];
  for (const name of ['handWritten', 'ours']) {
    for (const n of sizes) {
      const contender = CONTENDERS[name](clock);
      log(`growth: preloading ${name} with ${n} calls`);
      preload(contender, n, clock);
      instances.push({ name, n, contender });
    }
  }
  const probes = [101, 102, 103].map((seed) => {
    const stream = createStream({ seed, frames: PROBE_FRAMES });
    const ms = instances.map(() => 0);
    let turn = 0;
    while (!stream.done) {
      const frames = stream.next(SLICE);
      for (let k = 0; k < instances.length; k++) {
        const i = (k + turn) % instances.length;
        ms[i] += timed(instances[i].contender, frames, clock);
      }
      turn += 1;
    }
    return ms.map((m) => (1000 * m) / PROBE_FRAMES); // µs per frame
  });
  instances.forEach(({ contender }) => contender.dispose());
  const rows = instances.map(({ name, n }, i) => ({ contender: name, dialogsSeen: n, usPerFrame: round(median(probes.map((p) => p[i]))) }));
  for (const name of ['handWritten', 'ours']) {
    // Cost after N over cost after 0: per probe (same stream, same moment), then the median.
    const empty = instances.findIndex((x) => x.name === name && x.n === 0);
    for (const r of rows.filter((x) => x.contender === name)) {
      const i = instances.findIndex((x) => x.name === name && x.n === r.dialogsSeen);
      r.vsEmpty = round(median(probes.map((p) => p[i] / p[empty])), 3);
    }
  }
  return rows;
}

// ─── retained heap ───────────────────────────────────────────────────────────────────────────────

// The dialog state of (b) and of the library's core (decode + createDialogTracker: the same state
// callDialogs keeps, without the rxjs wiring) after N finished calls, after forced GC. Each case
// runs in a fresh process (this file with `heap <contender> <n>`), so nothing else is on its heap.
function heapCase(name, n) {
  const clock = { now: 0 };
  const before = heapAfterGc();
  const contender = CONTENDERS[name](clock);
  preload(contender, n, clock);
  const retainedBytes = heapAfterGc() - before;
  const remembered = name === 'tracker' ? contender.memory().closedDialogs + contender.memory().openDialogs : contender.seen.size;
  contender.dispose();
  return { contender: name, calls: n, retainedBytes, remembered, bytesPerRemembered: round(retainedBytes / remembered, 1), bytesPerCall: round(retainedBytes / n, 1) };
}

function heap() {
  const rows = [];
  for (const n of [10_000, 100_000]) {
    for (const name of ['handWritten', 'tracker']) {
      const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), 'heap', name, String(n)], { encoding: 'utf8' });
      rows.push(JSON.parse(out.trim().split('\n').at(-1)));
    }
  }
  return rows;
}

if (process.argv[2] === 'heap') {
  process.stdout.write(`${JSON.stringify(heapCase(process.argv[3], Number(process.argv[4])))}\n`);
  process.exit(0);
}

section(async () => {
  log(`throughput: ${FRAMES} frames × ${ROUNDS} rounds, slices of ${SLICE}, contenders ${ORDER.join(', ')}`);
  pass({ seed: 7, frames: Math.min(20_000, FRAMES) }); // warm-up (JIT), not recorded
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = nowMs();
    rounds.push(pass({ frames: FRAMES }));
    log(`round ${r + 1}/${ROUNDS}: ${((nowMs() - t0) / 1000).toFixed(1)} s${rounds[r].mismatches.length ? `, MISMATCHES ${rounds[r].mismatches.join('; ')}` : ''}`);
  }
  const first = rounds[0];
  const bands = BANDS.map((end, b) => {
    const start = b === 0 ? 0 : BANDS[b - 1];
    const floorMs = median(rounds.map((r) => r.bands[b].ms[0]));
    return {
      frames: `${start}–${end}`,
      dialogsSeenAtEnd: first.bands[b].dialogs,
      floorUsPerFrame: round((1000 * floorMs) / (end - start)),
      ratios: Object.fromEntries(ORDER.map((name, i) => [name, round(median(rounds.map((r) => r.bands[b].ms[i] / r.bands[b].ms[0])), 3)])),
      usPerFrame: Object.fromEntries(ORDER.map((name, i) => [name, round(median(rounds.map((r) => (1000 * r.bands[b].ms[i]) / (end - start))))])),
    };
  });
  const whole = Object.fromEntries(
    ORDER.map((name, i) => [name, round(median(rounds.map((r) => r.bands.reduce((a, band) => a + band.ms[i], 0) / r.bands.reduce((a, band) => a + band.ms[0], 0))), 3)]),
  );
  log('growth');
  const growthRows = growth();
  log('heap');
  const heapRows = heap();
  return {
    stream: { ...first.truth, frames: FRAMES },
    rounds: ROUNDS,
    slice: SLICE,
    bands,
    whole,
    checked: rounds.every((r) => r.mismatches.length === 0),
    mismatches: [...new Set(rounds.flatMap((r) => r.mismatches))],
    growth: growthRows,
    heap: heapRows,
  };
});
