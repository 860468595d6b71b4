// `node --cpu-prof --cpu-prof-dir=<dir> bench/profile-pipeline.mjs [contender]`: one contender of
// the throughput benchmark (default: ours) over the seeded stream, for a CPU profile.
import { CONTENDERS } from './contenders.mjs';
import { createStream } from './stream.mjs';

const name = process.argv[2] ?? 'ours';
const frames = createStream({ frames: Number(process.env.PROFILE_FRAMES ?? 60_000) }).next(Infinity);
const clock = { now: 0 };
const contender = CONTENDERS[name](clock);
const start = process.hrtime.bigint();
for (const frame of frames) {
  clock.now = frame.now;
  contender.feed(frame.text);
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`${name}: ${frames.length} frames in ${ms.toFixed(0)} ms (${((ms * 1000) / frames.length).toFixed(2)} µs/frame)`, contender.counts());
contender.dispose();
