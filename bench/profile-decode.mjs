// `node --cpu-prof --cpu-prof-dir=<dir> bench/profile-decode.mjs`: runs `decode` over the seeded
// stream (no dialog core, no rxjs) so the profile shows the decoder's own self-time next to
// JSON.parse. Summarise the profile with `node bench/cpu-top.mjs <dir>/*.cpuprofile`.
import { createRequire } from 'node:module';
import { createStream } from './stream.mjs';

const require = createRequire(import.meta.url);
const { decode } = require('../dist/cjs/protocol/index.js');

const frames = Number(process.env.PROFILE_FRAMES ?? 30_000);
const stream = createStream({ frames });
const texts = stream.next(frames).map((f) => f.text);
let ok = 0;
const start = process.hrtime.bigint();
for (let round = 0; round < 5; round++) for (const text of texts) if (decode(text).ok) ok += 1;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`decoded ${ok} frames in ${ms.toFixed(0)} ms (${((ms * 1000) / ok).toFixed(2)} µs/frame)`);
