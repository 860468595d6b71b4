import { exhaustMap, filter, map, type Observable, of, type SchedulerLike, startWith, switchMap, take, timeout, timer, catchError, TimeoutError } from 'rxjs';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** Keep-alive timing, in milliseconds. */
export interface KeepAliveConfig {
  /** Send a probe after this much outbound silence. Default 30 000 (LivePerson cuts idle sockets at 60 s). */
  readonly idleMs: number;
  /** A probe with no reply within this is a half-open socket. Default 10 000. */
  readonly deadlineMs: number;
}

export const defaultKeepAlive: KeepAliveConfig = { idleMs: 30_000, deadlineMs: 10_000 };

/**
 * Keep-alive with liveness: after each `idleMs` without `activity$`, subscribes `probe()` (a GetClock);
 * if it does not emit within `deadlineMs`, emits `'half-open'` once and completes. Probes never
 * stack up (a new one waits until the last one settled); a probe that fails in another way (an
 * error response, the socket closing) proves nothing and is ignored.
 *
 * ```
 * activity$: a----------------------
 * probe():              ----r         (answered: keep going)
 * result:    ------------------------ (idleMs = 10, deadlineMs = 6)
 * ```
 */
export function keepAlive(activity$: Observable<unknown>, probe: () => Observable<unknown>, config: KeepAliveConfig, clock: SchedulerLike): Observable<'half-open'> {
  const scheduler = clampScheduler(clock);
  return activity$.pipe(
    startWith(undefined),
    // A probe every idleMs of silence (the probe's own send normally restarts the count).
    switchMap(() => timer(config.idleMs, config.idleMs, scheduler)),
    exhaustMap(() =>
      probe().pipe(
        take(1),
        timeout({ first: config.deadlineMs, scheduler }),
        map(() => false),
        catchError((error: unknown) => of(error instanceof TimeoutError)),
      ),
    ),
    filter((timedOut) => timedOut),
    map((): 'half-open' => 'half-open'),
    take(1),
  );
}
