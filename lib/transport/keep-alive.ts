import {
  concatMap,
  defer,
  EMPTY,
  exhaustMap,
  expand,
  filter,
  ignoreElements,
  map,
  materialize,
  merge,
  type Observable,
  type SchedulerLike,
  startWith,
  switchMap,
  take,
  takeUntil,
  tap,
  timer,
} from 'rxjs';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** Keep-alive timing, in milliseconds. */
export interface KeepAliveConfig {
  /** Send a probe after this much outbound silence. Default 30 000 (LivePerson cuts idle sockets at 60 s). */
  readonly idleMs: number;
  /** A probe with no reply, and no inbound frame at all, within this is a half-open socket. Default 10 000. */
  readonly deadlineMs: number;
}

export const defaultKeepAlive: KeepAliveConfig = { idleMs: 30_000, deadlineMs: 10_000 };

/**
 * Keep-alive with liveness: after each `idleMs` without `activity$` (outbound frames), subscribes
 * `probe()` (a GetClock); if `deadlineMs` then pass with neither its reply nor any `inbound$` frame,
 * emits `'half-open'` once and completes. Every inbound frame proves the socket alive and restarts the
 * deadline: under a flood the reply waits behind the frames before it, and a busy socket is not dead.
 * Inbound frames do not postpone the probe (the server counts OUR silence). Probes never stack up
 * (a new one waits until the last one settled); a probe that fails in another way (an error
 * response, the socket closing) proves nothing and is ignored.
 *
 * ```
 * activity$: a----------------------
 * inbound$:  ----------------f-f-f-- (the reply is late, frames keep coming: alive)
 * probe():              ----r         (answered: keep going)
 * result:    ------------------------ (idleMs = 10, deadlineMs = 6)
 * ```
 */
export function keepAlive(
  activity$: Observable<unknown>,
  inbound$: Observable<unknown>,
  probe: () => Observable<unknown>,
  config: KeepAliveConfig,
  clock: SchedulerLike,
): Observable<'half-open'> {
  const scheduler = clampScheduler(clock);
  // Fires once deadlineMs pass without an inbound frame, and one more turn of the event loop brings
  // none: after a stall of the page itself (a long task, GC, a busy machine) the timer runs before the
  // frames that arrived meanwhile are read. One timer per deadline, re-armed for what is left, rather
  // than one per frame (a flood brings thousands of frames per second).
  const silence$ = defer(() => {
    let last = scheduler.now();
    const left = (): number => last + config.deadlineMs - scheduler.now();
    const check = (ms: number): Observable<number> => timer(ms, scheduler).pipe(concatMap(() => timer(0, scheduler)), map(left));
    return merge(
      inbound$.pipe(
        tap(() => (last = scheduler.now())),
        ignoreElements(),
      ),
      check(config.deadlineMs).pipe(expand((ms) => (ms > 0 ? check(ms) : EMPTY))),
    ).pipe(
      filter((ms) => ms <= 0),
      take(1),
    );
  });
  return activity$.pipe(
    startWith(undefined),
    // A probe every idleMs of silence (the probe's own send normally restarts the count).
    switchMap(() => timer(config.idleMs, config.idleMs, scheduler)),
    // The probe settling in any way (reply, error, completion) ends the wait; silence$ emits only if it did not.
    exhaustMap(() => silence$.pipe(takeUntil(probe().pipe(materialize())))),
    take(1),
    map((): 'half-open' => 'half-open'),
  );
}
