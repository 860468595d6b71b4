/**
 * Time that cannot overflow: every delay the library hands a scheduler goes through here.
 * `setTimeout`/`setInterval` hold a signed 32-bit delay; above 2^31−1 ms (~24.8 days) browsers and
 * Node fire after ~1 ms instead (Node with a `TimeoutOverflowWarning`), which turns a far deadline
 * into a hot loop. A longer wait is cut into steps of at most {@link MAX_TIMER_DELAY_MS}, each
 * re-armed for the remainder when it fires.
 */
import { Subscription, type SchedulerLike } from 'rxjs';

/** The longest delay a timer holds: 2^31−1 ms (~24.8 days). */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** `ms` as a delay a timer holds: NaN and negatives → 0, above {@link MAX_TIMER_DELAY_MS} → that. */
export function clampDelay(ms: number): number {
  return ms > 0 ? Math.min(ms, MAX_TIMER_DELAY_MS) : 0;
}

/**
 * Runs `work` once `scheduler.now()` reaches `at` (epoch ms on the scheduler's clock), with one
 * scheduled action at a time. A delay above {@link MAX_TIMER_DELAY_MS} is clamped; an action that
 * fires before `at` (clamped, or the clock moved back) re-arms for the rest — never a hot loop.
 * Unsubscribing cancels it.
 *
 * ```text
 * scheduleAt(s, now+50, w)   ─────50ms────▶ w()
 * scheduleAt(s, now+30d, w)  ──2^31−1 ms──▶ (early: re-arm) ──rest──▶ w()
 * ```
 */
export function scheduleAt(scheduler: SchedulerLike, at: number, work: () => void): Subscription {
  let pending: Subscription | undefined;
  const subscription = new Subscription(() => pending?.unsubscribe());
  const arm = (): void => {
    pending = scheduler.schedule(() => {
      pending = undefined;
      if (subscription.closed) return;
      if (scheduler.now() < at) arm();
      else work();
    }, clampDelay(at - scheduler.now()));
  };
  arm();
  return subscription;
}
