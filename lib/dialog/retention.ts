/**
 * Bounded memory for what the dialog core keeps after the fact: ids of closed dialogs
 * (tombstones), conversations without an open dialog, subscription ids.
 */

/** Keys remembered in two generations (see {@link createGenerations}). */
export interface Generations<K> {
  has(key: K): boolean;
  /** Remembers `key` as one of the newest (again, if it was remembered already). */
  touch(key: K): void;
  /** Forgets `key` now (without telling `evict`). */
  delete(key: K): void;
  size(): number;
}

/**
 * Remembers at least the `keep` most recently touched keys and at most twice as many, forgetting
 * the older ones a generation at a time: touched keys go into a young set; when it holds `keep`
 * keys, the old generation is forgotten (`evict` is told about each key) and the young one becomes
 * old. O(1) amortised, no order bookkeeping per key, and no deleted slots piling up in the sets.
 * `keep` 0 remembers nothing; `Infinity` everything.
 */
export function createGenerations<K>(keep: number, evict?: (key: K) => void): Generations<K> {
  let young = new Set<K>();
  let old = new Set<K>();
  return {
    has: (key) => young.has(key) || old.has(key),
    touch(key) {
      if (keep === 0) return evict?.(key);
      old.delete(key);
      young.add(key);
      if (young.size < keep) return;
      if (evict !== undefined) for (const forgotten of old) evict(forgotten);
      old = young;
      young = new Set();
    },
    delete(key) {
      young.delete(key);
      old.delete(key);
    },
    size: () => young.size + old.size,
  };
}
