import { concat, defer, finalize, type Observable, share, tap } from 'rxjs';

/** Ref-counted, keyed streams: one shared source per key while it has subscribers. */
export interface Registry<T> {
  /**
   * The shared stream for `key`, created by `create()` for the first subscriber; the last
   * subscriber leaving tears it down (and forgets the key). A later subscriber first gets what the
   * registry's {@link Replay} holds, then the live values.
   */
  get(key: string, create: () => Observable<T>): Observable<T>;
  /** Keys with a live entry. */
  keys(): readonly string[];
}

/** What a late subscriber of an entry is given first (e.g. the current listing), per entry. */
export interface Replay<T> {
  /** Sees every value of the shared source, in order. */
  record(value: T): void;
  /** What a subscriber joining now gets before the live values. */
  current(): readonly T[];
}

interface Entry<T> {
  readonly shared$: Observable<T>;
  readonly replay: Replay<T> | undefined;
}

/**
 * Creates a registry of ref-counted subscriptions: the first subscriber of a key subscribes
 * (e.g. sends `cqm.SubscribeExConversations`), later ones share it (after `makeReplay()`'s replay),
 * the last one unsubscribes.
 *
 * ```
 * a:      ^------!
 * b:         ^--------!      (b first gets replay.current())
 * source: ^-----------!      (one subscription for both)
 * ```
 */
export function createRegistry<T>(makeReplay?: () => Replay<T>): Registry<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    keys: () => [...entries.keys()],
    get: (key, create) =>
      defer(() => {
        const existing = entries.get(key);
        if (existing !== undefined) return concat(existing.replay?.current() ?? [], existing.shared$);
        const replay = makeReplay?.();
        const entry: Entry<T> = {
          replay,
          shared$: create().pipe(
            tap((value) => replay?.record(value)),
            finalize(() => {
              if (entries.get(key) === entry) entries.delete(key);
            }),
            share(),
          ),
        };
        entries.set(key, entry);
        return entry.shared$;
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
