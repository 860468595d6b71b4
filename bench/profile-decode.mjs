// `node --cpu-prof --cpu-prof-dir=<dir> bench/profile-decode.mjs [dist/cjs dir]`: the decoder's own
// work for a CPU profile. The seeded stream's frames are parsed first (JSON.parse is the floor,
// and V8 would count it as `decode`'s self time), then `decodeParsed` (everything `decode` does
// after JSON.parse) runs over them, five times. Summarise with
// `node bench/cpu-top.mjs <dir>/*.cpuprofile`. The optional argument profiles another build (e.g.
// one of main, to compare before and after).
import { createRequire } from 'node:module';
import { createStream } from './stream.mjs';

const require = createRequire(import.meta.url);
const lib = process.argv[2] ?? '../dist/cjs';
const { decodeParsed } = require(`${lib}/protocol/decode-frame.js`);

const frames = Number(process.env.PROFILE_FRAMES ?? 30_000);
const texts = createStream({ frames }).next(frames).map((f) => f.text);
const parsed = texts.map((text) => JSON.parse(text));
let kinds = 0;
const start = process.hrtime.bigint();
for (let round = 0; round < 5; round++) for (const root of parsed) kinds += decodeParsed(root).kind.length;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`decodeParsed: ${parsed.length * 5} frames in ${ms.toFixed(0)} ms (${((ms * 1000) / (parsed.length * 5)).toFixed(2)} µs/frame)`, kinds > 0);
