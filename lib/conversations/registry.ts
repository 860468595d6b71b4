import { defer, finalize, type Observable, share } from 'rxjs';

/** Ref-counted, keyed streams: one shared source per key while it has subscribers. */
export interface Registry<T> {
  /**
   * The shared stream for `key`, created by `create()` for the first subscriber; the last
   * subscriber leaving tears it down (and forgets the key).
   */
  get(key: string, create: () => Observable<T>): Observable<T>;
  /** Keys with a live entry. */
  keys(): readonly string[];
}

/**
 * Creates a registry of ref-counted subscriptions: the first subscriber of a key subscribes
 * (e.g. sends `cqm.SubscribeExConversations`), later ones share it, the last one unsubscribes.
 *
 * ```
 * a:      ^------!
 * b:         ^--------!
 * source: ^-----------!     (one subscription for both)
 * ```
 */
export function createRegistry<T>(): Registry<T> {
  const entries = new Map<string, Observable<T>>();
  return {
    keys: () => [...entries.keys()],
    get: (key, create) =>
      defer(() => {
        const existing = entries.get(key);
        if (existing !== undefined) return existing;
        const entry: Observable<T> = create().pipe(
          finalize(() => {
            if (entries.get(key) === entry) entries.delete(key);
          }),
          share(),
        );
        entries.set(key, entry);
        return entry;
      }),
  };
}

/** A stable key for a JSON-like body (object keys sorted). */
export function keyOf(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
