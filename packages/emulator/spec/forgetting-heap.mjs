// Heap of the emulator around 10,000 signups and their expiry, in a plain Node process (no jest):
//   npm run build:emulator && node --expose-gc packages/emulator/spec/forgetting-heap.mjs
// Prints the retained heap over a warm baseline (after a first round of 10,000 signups and their expiry) while the tokens are held, after they expired (no
// further signup), and the emulator's own counts (`state().retained`).
import { createManualClock, startEmulator } from '../dist/index.js';

const TTL = 60_000;
const heap = () => {
  let lowest = Infinity;
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc();
    lowest = Math.min(lowest, process.memoryUsage().heapUsed);
  }
  return lowest;
};
const clock = createManualClock();
const emulator = await startEmulator({ port: 0, clock, tokenTtlMs: TTL, browserAssets: false });
const signups = async (count) => {
  for (let i = 0; i < count; i += 1) {
    const response = await fetch(`${emulator.url}/api/account/123456/signup`, { method: 'POST' });
    await response.arrayBuffer();
  }
};
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
// Warm-up: one whole round (JIT, the HTTP parser and fetch's pool, the token table's largest size).
await signups(10_000);
clock.advance(TTL + 1000);
const baseline = heap();
await signups(10_000);
const held = heap();
const whileHeld = emulator.state().retained;
clock.advance(TTL + 1000);
const after = heap();
console.log(`10,000 signups: ${kb(held - baseline)} over the baseline while held (${JSON.stringify(whileHeld)}),`);
console.log(`after expiry, no further signup: ${kb(after - baseline)} (${JSON.stringify(emulator.state().retained)})`);
await emulator.close();
