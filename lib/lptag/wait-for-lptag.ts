import { defer, filter, interval, map, of, take, throwError, timeout, type Observable } from 'rxjs';
import { LpTagUnavailableError } from '../errors';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { DEFAULT_POLL_MS, DEFAULT_WAIT_MS, type LpTagConfig } from './diagnostics';
import { readLpTag, type LpTagLike, type LpTagSource } from './lptag-like';

/**
 * Emits the ready lpTag once and completes: at once if it is there, else by polling every
 * `pollMs` on `config.scheduler`. Errors with `LpTagUnavailableError` after `waitMs`.
 *
 * ```
 * lpTag:  absent · · · · present
 * result: -------------------(t|)      polls at pollMs, 2·pollMs, …
 * never:  ------------------------#    LpTagUnavailableError at waitMs
 * ```
 */
export function waitForLpTag(source: LpTagSource, config: LpTagConfig): Observable<LpTagLike> {
  const { waitMs = DEFAULT_WAIT_MS, pollMs = DEFAULT_POLL_MS } = config;
  const scheduler = clampScheduler(config.scheduler);
  return defer(() => {
    const ready = readLpTag(source);
    if (ready) return of(ready);
    return interval(pollMs, scheduler).pipe(
      map(() => readLpTag(source)),
      filter((lpTag): lpTag is LpTagLike => lpTag !== undefined),
      take(1),
      timeout({ first: waitMs, scheduler, with: () => throwError(() => new LpTagUnavailableError(waitMs)) }),
    );
  });
}
