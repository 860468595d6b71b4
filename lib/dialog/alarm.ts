/**
 * One scheduler timer for a deadline that moves (the next invitation to expire).
 */
import type { SchedulerLike, Subscription, Unsubscribable } from 'rxjs';

/**
 * The longest delay handed to a scheduler. Timers take a signed 32-bit delay: above 2^31-1 ms
 * (~24.8 days) `setTimeout`/`setInterval` fire after 1 ms instead, so longer waits are clamped to
 * this and re-armed when they fire.
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** A re-armable timer; unsubscribing cancels it for good. */
export interface Alarm extends Unsubscribable {
  /** Arms the alarm for `at` (epoch ms on the scheduler's clock), or disarms it (`undefined`). Same `at` as armed: no-op. */
  set(at: number | undefined): void;
}

/**
 * Calls `onDue` once `scheduler.now()` reaches the armed deadline, with one scheduled action at a
 * time: a new deadline replaces the pending action only when it differs from the armed one. A
 * delay longer than {@link MAX_TIMER_DELAY_MS} is clamped; when the clamped action fires before
 * the deadline (or a clock moved back), it re-arms for the rest.
 *
 * ```text
 * set(t0+50)  ─────50ms────▶ onDue()
 * set(far)    ──2^31-1 ms──▶ (not yet: re-arm) ──rest──▶ onDue()
 * ```
 */
export function createAlarm(scheduler: SchedulerLike, onDue: () => void): Alarm {
  let armedAt: number | undefined;
  let action: Subscription | undefined;
  let closed = false;

  const arm = (at: number): void => {
    const delay = Math.min(MAX_TIMER_DELAY_MS, Math.max(0, at - scheduler.now()));
    action = scheduler.schedule(() => {
      action = undefined;
      if (scheduler.now() < at) {
        arm(at);
        return;
      }
      armedAt = undefined;
      onDue();
    }, delay);
  };

  return {
    set(at) {
      if (closed || at === armedAt) return;
      action?.unsubscribe();
      action = undefined;
      armedAt = at;
      if (at !== undefined) arm(at);
    },
    unsubscribe() {
      closed = true;
      action?.unsubscribe();
      action = undefined;
    },
  };
}
