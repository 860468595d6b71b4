// Quick A/B of two contenders on the seeded stream, interleaved in slices (for iterating on speed):
//   node bench/ab.mjs ours floor [frames]
// Prints the ratio of the CPU time totals (per-slice CPU readings are too coarse to compare one by one).
import { CONTENDERS } from './contenders.mjs';
import { cpuMs } from './measure.mjs';
import { createStream } from './stream.mjs';

const [a = 'ours', b = 'floor', n = '60000'] = process.argv.slice(2);
const frames = createStream({ frames: Number(n) }).next(Infinity);
const totals = [0, 0];
for (let round = 0; round < 3; round++) {
  const clock = { now: 0 };
  const pair = [CONTENDERS[a](clock), CONTENDERS[b](clock)];
  for (let i = 0; i < frames.length; i += 200) {
    const slice = frames.slice(i, i + 200);
    const ms = [0, 0];
    for (const k of i % 400 === 0 ? [0, 1] : [1, 0]) {
      const start = cpuMs();
      for (const f of slice) {
        clock.now = f.now;
        pair[k].feed(f.text);
      }
      ms[k] = cpuMs() - start;
    }
    if (round > 0) {
      totals[0] += ms[0];
      totals[1] += ms[1];
    }
  }
  pair.forEach((c) => c.dispose());
}
console.log(`${a} / ${b}: ${(totals[0] / totals[1]).toFixed(3)} (CPU time, rounds 2 and 3 of 3)`);
