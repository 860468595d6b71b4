import { defer, EMPTY, type Observable, of, repeat, type SchedulerLike, timer, concatMap } from 'rxjs';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import {
  type AttemptEnd,
  decideReconnect,
  initialReconnectState,
  type ReconnectPolicy,
  type ReconnectState,
  type Refresh,
} from './reconnect-policy';

/** What the next attempt should know: its number (0 = the first connect) and what to refresh first. */
export interface AttemptContext {
  readonly attempt: number;
  readonly refresh: Refresh;
}

/** Emitted after an attempt's end event: the loop waits `delayMs`, or it is over. */
export type ReconnectNotice =
  | { readonly type: 'reconnecting'; readonly end: AttemptEnd; readonly attempt: number; readonly delayMs: number; readonly refresh: Refresh }
  | { readonly type: 'terminal'; readonly end: AttemptEnd; readonly reason: 'auth' | 'gave-up' | 'config' | 'stop' };

export interface ReconnectLoopOptions {
  readonly policy: ReconnectPolicy;
  /** A number in `[0, 1)`; inject a seeded one in tests. */
  readonly random: () => number;
  readonly scheduler: SchedulerLike;
}

/**
 * Applies `decideReconnect`: subscribes `attempt(context)`, passes its events through, and
 * when `endOf` recognises an event as the attempt's end, emits a notice and either waits and
 * subscribes a new attempt, or completes.
 *
 * ```
 * attempt 1: --a--E|                   (E = end, decision: retry after 3)
 * attempt 2:              --a--E|      (decision: terminal)
 * result:    --a--(ER)---------a--(ET)|
 * ```
 * Unsubscribing cancels a pending wait and the running attempt.
 */
export function reconnectLoop<E>(
  attempt: (context: AttemptContext) => Observable<E>,
  endOf: (event: E) => AttemptEnd | undefined,
  options: ReconnectLoopOptions,
): Observable<E | ReconnectNotice> {
  return defer(() => {
    let state: ReconnectState = initialReconnectState;
    let context: AttemptContext = { attempt: 0, refresh: 'none' };
    let waitMs: number | undefined;
    return defer(() => {
      waitMs = undefined;
      return attempt(context);
    }).pipe(
      concatMap((event): Observable<E | ReconnectNotice> => {
        const end = endOf(event);
        if (end === undefined) return of(event);
        const decision = decideReconnect(end, state, options.policy, options.random);
        if (decision.type !== 'retry') return of<[E, ReconnectNotice]>(event, { type: 'terminal', end, reason: decision.type === 'stop' ? 'stop' : decision.reason });
        const { delayMs, refresh } = decision;
        state = decision.next;
        context = { attempt: decision.attempt, refresh };
        waitMs = delayMs;
        return of<[E, ReconnectNotice]>(event, { type: 'reconnecting', end, attempt: decision.attempt, delayMs, refresh });
      }),
      repeat({ delay: () => (waitMs === undefined ? EMPTY : timer(waitMs, clampScheduler(options.scheduler))) }),
    );
  });
}
