// `node fuzz/deep-decode.mjs [dist/cjs dir]` (after `npm run build:cjs`): CPU time of `decode` on
// deeply nested frames, and of the depth check alone on the benchmark's ordinary ~2.3 KB frames.
// The optional argument measures another build (e.g. one of main, to compare before and after).
import { createRequire } from 'node:module';
import path from 'node:path';
import { createStream } from '../bench/stream.mjs';

const require = createRequire(import.meta.url);
const dir = path.resolve(process.argv[2] ?? 'dist/cjs');
const { decode } = require(path.join(dir, 'protocol/index.js'));

const cpuMs = (run) => {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const deep = {
  'arrays, 200,000 deep (400 KB)': '['.repeat(200_000) + ']'.repeat(200_000),
  'objects, 174,000 deep (1 MiB)': '{"a":'.repeat(174_000) + '1' + '}'.repeat(174_000),
  'notification body, 100,000 deep': `{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
};
for (const [name, text] of Object.entries(deep)) {
  const runs = [0, 1, 2].map(() => cpuMs(() => decode(text)).toFixed(1));
  console.log(`decode, ${name}: ${runs.join(' / ')} ms CPU (3 runs), ok: ${decode(text).ok}`);
}

let depth;
try {
  depth = require(path.join(dir, 'protocol/depth.js'));
} catch {
  console.log('(no protocol/depth.js in this build: no depth check to time)');
  process.exit(0);
}
const frames = 20_000;
const texts = createStream({ frames }).next(frames).map((f) => f.text);
for (let round = 0; round < 3; round++) {
  const ms = cpuMs(() => {
    for (let k = 0; k < 5; k++) for (const text of texts) depth.nestsDeeperThan(text, depth.MAX_JSON_DEPTH);
  });
  console.log(`depth check on ordinary frames (round ${round + 1}): ${((ms * 1000) / (frames * 5)).toFixed(2)} µs CPU per frame`);
}
