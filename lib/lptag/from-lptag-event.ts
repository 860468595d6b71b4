import { catchError, EMPTY, Observable, switchMap } from 'rxjs';
import { DEFAULT_WAIT_MS, type LpTagConfig } from './diagnostics';
import { attempt, type LpTagLike, type LpTagSource } from './lptag-like';
import { waitForLpTag } from './wait-for-lptag';

/** One firing of an lpTag event. */
export interface LpTagEvent {
  /** The event data exactly as lpTag passed it: narrow before use. */
  readonly data: unknown;
  /** True when it fired before we bound and came from `hasFired` history. */
  readonly replayed: boolean;
}

/** Options of {@link fromLpTagEvent}. */
export interface FromLpTagEventConfig extends LpTagConfig {
  /**
   * Replay the most recent firing recorded by `hasFired` on subscribe. Each firing is replayed at
   * most once per returned Observable, so re-subscribing does not resurrect an old event.
   */
  readonly replay?: boolean;
}

/** The last entry of a `hasFired` answer (Chronos: `[{ appName, eventName, data }]`), if any. */
function lastFired(lpTag: LpTagLike, app: string, event: string): object | undefined {
  const history = attempt(() => lpTag.events.hasFired?.(app, event));
  const last: unknown = Array.isArray(history) ? history.at(-1) : undefined;
  return typeof last === 'object' && last !== null ? last : undefined;
}

/**
 * Listens to `app`/`event` on lpTag: waits for lpTag (polling on the scheduler), binds on subscribe,
 * unbinds with the id `bind` returned on teardown. Never errors: lpTag never appearing or `bind`
 * failing is a diagnostic and the stream completes.
 *
 * ```
 * fire:    --a----b--
 * result:  ^-a----b-!    (unsubscribe → unbind(id))
 * ```
 *
 * Internal: the public adapters `fromSessionResume` / `fromSessionError` are built on it.
 */
export function fromLpTagEvent(source: LpTagSource, app: string, event: string, config: FromLpTagEventConfig): Observable<LpTagEvent> {
  const { onDiagnostic, replay = false } = config;
  // Shared by every subscription to this Observable: the history entry replayed or seen last.
  let seen: object | undefined;
  const listen = (lpTag: LpTagLike): Observable<LpTagEvent> =>
    new Observable<LpTagEvent>((subscriber) => {
      const previous = replay ? lastFired(lpTag, app, event) : undefined;
      const bindId = attempt(() => lpTag.events.bind(app, event, (data) => subscriber.next({ data, replayed: false })));
      if (bindId === undefined || bindId === null) {
        onDiagnostic?.({ type: 'lptag-bind-failed', app, event });
        subscriber.complete();
        return undefined;
      }
      if (previous && previous !== seen) subscriber.next({ data: Reflect.get(previous, 'data'), replayed: true });
      seen = previous;
      return () => {
        if (replay) seen = lastFired(lpTag, app, event);
        if (attempt(() => lpTag.events.unbind(bindId)) !== true) onDiagnostic?.({ type: 'lptag-unbind-failed', app, event });
      };
    });
  return waitForLpTag(source, config).pipe(
    // waitForLpTag only ever errors with LpTagUnavailableError.
    catchError(() => {
      onDiagnostic?.({ type: 'lptag-unavailable', waitedMs: config.waitMs ?? DEFAULT_WAIT_MS });
      return EMPTY;
    }),
    switchMap(listen),
  );
}
