/**
 * Bounded memory for what the dialog core keeps after the fact: ids of closed dialogs
 * (tombstones), conversations without an open dialog, subscription ids. A plain `Set` or `Map` alone
 * would need an O(n) scan past deleted slots to find its oldest entry; this keeps its own order.
 */

/** Compacts the order queue once this many of its slots are spent (and they are most of it). */
const COMPACT_AFTER = 1024;

/** Keys remembered most recently touched last; at most `limit` of them (see {@link createRecency}). */
export interface Recency<K> {
  has(key: K): boolean;
  /** Remembers `key` as the newest (again, if it was remembered already). */
  touch(key: K): void;
  /** Forgets `key` now. */
  delete(key: K): void;
  size(): number;
}

/**
 * At most `limit` keys, the least recently touched forgotten first (`evict` is told), in O(1)
 * amortised. Each touch appends `[key, stamp]` to a queue; a slot whose stamp is no longer the
 * key's is stale and skipped when it reaches the head, and stale slots are swept out once they
 * outnumber the live ones.
 */
export function createRecency<K>(limit: number, evict?: (key: K) => void): Recency<K> {
  const stamps = new Map<K, number>();
  let keys: K[] = [];
  let keyStamps: number[] = [];
  let head = 0;
  let stamp = 0;

  const compact = (): void => {
    const liveKeys: K[] = [];
    const liveStamps: number[] = [];
    for (let i = head; i < keys.length; i++) {
      const key = keys[i] as K;
      if (stamps.get(key) === keyStamps[i]) {
        liveKeys.push(key);
        liveStamps.push(keyStamps[i] as number);
      }
    }
    keys = liveKeys;
    keyStamps = liveStamps;
    head = 0;
  };

  return {
    has: (key) => stamps.has(key),
    touch(key) {
      stamps.set(key, ++stamp);
      keys.push(key);
      keyStamps.push(stamp);
      while (stamps.size > limit) {
        const oldest = keys[head] as K; // more keys than the limit: a live slot is ahead
        if (stamps.get(oldest) === keyStamps[head++]) {
          stamps.delete(oldest);
          evict?.(oldest);
        }
      }
      if (keys.length - head > 2 * stamps.size + COMPACT_AFTER) compact();
    },
    delete: (key) => void stamps.delete(key),
    size: () => stamps.size,
  };
}
