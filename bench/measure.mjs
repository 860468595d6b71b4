// Small measuring helpers shared by the benchmark sections.
import fs from 'node:fs';

/** Monotonic wall time in milliseconds (fractional). */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * CPU time of this (main JS) thread in milliseconds. The throughput sections time slices with it:
 * on a shared machine, wall time also counts the time other processes held the CPU. On Linux it is
 * read from /proc/thread-self/schedstat (the scheduler's own nanosecond count); elsewhere from
 * process.cpuUsage(), which is coarser (its user/system split is sampled) and counts every thread.
 */
export const cpuMs = (() => {
  try {
    const fd = fs.openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(64);
    const read = () => Number(buffer.toString('latin1', 0, fs.readSync(fd, buffer, 0, 64, 0)).split(' ')[0]) / 1e6;
    if (Number.isFinite(read())) return read;
  } catch {
    // not Linux
  }
  return () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
})();

/** The median of numbers (mean of the middle two for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** Heap in use after a forced full GC (needs `node --expose-gc`; twice, so weak/finalised garbage goes too). */
export function heapAfterGc() {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Rounds to `digits` decimals. */
export const round = (value, digits = 2) => (value === undefined || value === null || Number.isNaN(value) ? value : Number(value.toFixed(digits)));

/** Progress for humans, on stderr (stdout carries the section's JSON). */
export const log = (...args) => console.error('  ', ...args);

/** Runs `main` and prints its result as one JSON document on stdout. */
export async function section(main) {
  try {
    const result = await main();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
