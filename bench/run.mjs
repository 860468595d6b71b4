// `npm run bench`: speed and memory of the library's hot paths, each side by side with a baseline
// measured in the same run, reported as ratios. Not a test: numbers vary by machine; ratios less so.
//
//   1. decode      lp-call-streams `decode(text)` (total, typed, path-naming errors)
//                  vs baseline `JSON.parse(text)` (what a hand-written integration does)
//   2. snapshot    decode + `reduceDialogs` (dedupe, staleness, expiry, close reasons) per
//                  ExConversationChangeNotification vs baseline: the tutorial's hand-written
//                  check (JSON.parse, find the COBROWSE dialog, sessionState === 'INVITED', a Set of seen ids)
//   3. memory      retained heap per call dialog after 20 000 invite→close cycles through
//                  `reduceDialogs` vs the baseline's Set of seen dialog ids
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';

const require = createRequire(import.meta.url);
const lib = require('../dist/cjs/index.js');
const frames = require('../dist/cjs/testing/index.js');

const conversation = (dialogId, sessionState, ts) =>
  frames.frameText(
    frames.exConversationNotification({
      subscriptionId: 'sub-1',
      changes: [
        frames.conversationUpsert({
          conversationId: 'conv-1',
          metaDataLastUpdateTs: ts,
          dialogs: [
            frames.mainDialog({ conversationId: 'conv-1' }),
            frames.callDialog({ dialogId, sessionState, expiresAt: 4_102_444_800_000, metaDataLastUpdateTs: ts }),
          ],
        }),
      ],
    }),
  );

const invited = conversation('d-1', 'INVITED', 1);
console.log(`frame: ExConversationChangeNotification, MAIN + COBROWSE dialog, ${invited.length} bytes\n`);

// The baseline: what a brand hand-writes from the tutorial.
function handWritten(text, seen) {
  const frame = JSON.parse(text);
  if (frame.type !== 'cqm.ExConversationChangeNotification') return undefined;
  for (const change of frame.body.changes) {
    for (const dialog of change.result.conversationDetails.dialogs) {
      if (dialog.channelType === 'COBROWSE' && dialog.metaData.sessionState === 'INVITED' && !seen.has(dialog.dialogId)) {
        seen.add(dialog.dialogId);
        return dialog;
      }
    }
  }
  return undefined;
}

const now = 1_000_000;
let state = lib.INITIAL_DIALOGS_STATE;
let toggle = 0;
const alternating = [conversation('d-1', 'INVITED', 1), conversation('d-1', 'INVITED', 1)];
const seen = new Set();

const bench = new Bench({ time: 1500, warmupTime: 300 });
bench
  .add('decode (lp-call-streams)', () => lib.decode(invited))
  .add('JSON.parse (baseline)', () => JSON.parse(invited))
  .add('snapshot → dialog events (lp-call-streams)', () => {
    const result = lib.decode(alternating[toggle ^= 1]);
    if (result.ok) state = lib.reduceDialogs(state, { type: 'frame', frame: result.frame }, now).state;
  })
  .add('snapshot → invitation, hand-written (baseline)', () => handWritten(alternating[toggle ^= 1], seen));
await bench.run();

const hz = (name) => bench.tasks.find((t) => t.name === name).result.throughput.mean;
const rows = bench.tasks.map((t) => ({ task: t.name, 'ops/s': Math.round(t.result.throughput.mean), 'mean µs': (t.result.latency.mean * 1000).toFixed(2), samples: t.result.latency.samplesCount ?? t.result.samples?.length }));
console.table(rows);
const ratio = (a, b) => (hz(b) / hz(a)).toFixed(2);
console.log(`decode costs ${ratio('decode (lp-call-streams)', 'JSON.parse (baseline)')}× JSON.parse`);
console.log(`snapshot handling costs ${ratio('snapshot → dialog events (lp-call-streams)', 'snapshot → invitation, hand-written (baseline)')}× the hand-written check\n`);

// Memory: retained heap per dialog after many calls (tombstones of closed dialogs are kept so a
// replay can never revive one).
// Retained size of what `fn` returns: heap with the result alive minus heap once it is dropped.
function retained(fn) {
  const holder = { value: fn() };
  globalThis.gc?.();
  const withIt = process.memoryUsage().heapUsed;
  holder.value = undefined;
  globalThis.gc?.();
  const without = process.memoryUsage().heapUsed;
  return { bytes: withIt - without };
}
const N = 20_000;
const texts = [];
for (let i = 0; i < N; i++) texts.push([conversation(`dialog-${i}`, 'INVITED', 2 * i + 1), conversation(`dialog-${i}`, 'CLOSED', 2 * i + 2)]);
const ours = retained(() => {
  let s = lib.INITIAL_DIALOGS_STATE;
  for (const [a, b] of texts) {
    for (const text of [a, b]) {
      const r = lib.decode(text);
      if (r.ok) s = lib.reduceDialogs(s, { type: 'frame', frame: r.frame }, now).state;
    }
  }
  return s;
});
const base = retained(() => {
  const ids = new Set();
  for (const [a] of texts) handWritten(a, ids);
  return ids;
});
if (globalThis.gc === undefined) console.log('(run with node --expose-gc for stable memory numbers; npm run bench does)');
console.table([
  { what: `lp-call-streams dialog state after ${N} calls`, 'bytes/dialog': Math.round(ours.bytes / N) },
  { what: `hand-written Set of seen ids after ${N} calls (baseline)`, 'bytes/dialog': Math.round(base.bytes / N) },
]);
console.log(`memory per dialog: ${(ours.bytes / Math.max(1, base.bytes)).toFixed(2)}× the baseline`);
