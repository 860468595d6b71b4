/**
 * One scheduler timer for a deadline that moves (the next invitation to expire).
 */
import type { SchedulerLike, Subscription, Unsubscribable } from 'rxjs';
import { scheduleAt } from './clamp-delay';

/** A re-armable timer; unsubscribing cancels it for good. */
export interface Alarm extends Unsubscribable {
  /** Arms the alarm for `at` (epoch ms on the scheduler's clock), or disarms it (`undefined`). Same `at` as armed: no-op. */
  set(at: number | undefined): void;
}

/**
 * Calls `onDue` once `scheduler.now()` reaches the armed deadline, with one scheduled action at a
 * time: a new deadline replaces the pending action only when it differs from the armed one. The
 * action is `scheduleAt`'s (lib/scheduling): a delay above 2^31−1 ms is clamped, and an action that
 * fires before the deadline (clamped, or a clock moved back) re-arms for the rest.
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
    action = scheduleAt(scheduler, at, () => {
      action = undefined;
      armedAt = undefined;
      onDue();
    });
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
