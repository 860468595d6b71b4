/**
 * A seeded random source per fuzz case. Every case derives its own seed from (run seed, case
 * index), so one case can be regenerated on its own: `npm run fuzz -- --seed S --case N`.
 */
import fc from 'fast-check';

/** mulberry32 step: a 32-bit state to a float in [0, 1). */
function mulberry32(state: { s: number }): number {
  state.s = (state.s + 0x6d2b79f5) >>> 0;
  let t = state.s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The seed of case `index` of a run seeded with `seed` (a 32-bit mix of both). */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded random source with the few helpers the generators need. */
export class Rand {
  private readonly state: { s: number };

  constructor(seed: number) {
    this.state = { s: seed >>> 0 };
  }

  /** A float in [0, 1). */
  next(): number {
    return mulberry32(this.state);
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** An integer spread log-uniformly over [1, max] (small values often, large ones sometimes). */
  logInt(max: number): number {
    return Math.max(1, Math.floor(Math.exp(this.next() * Math.log(max))));
  }

  /** One value of a fast-check arbitrary, drawn from this source. */
  sample<T>(arbitrary: fc.Arbitrary<T>): T {
    const [value] = fc.sample(arbitrary, { seed: this.int(0x7fffffff), numRuns: 1 });
    if (value === undefined) throw new RangeError('fast-check gave no sample');
    return value;
  }
}
