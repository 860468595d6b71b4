/**
 * A hand-driven virtual scheduler that refuses to spin: past `limit` scheduled actions in one
 * case it throws, so a timer re-arming itself in a loop shows up as an escape instead of a hang.
 */
import { type Subscription, VirtualAction, VirtualTimeScheduler } from 'rxjs';

/** Scheduled actions allowed per case (a case schedules a few hundred at most). */
export const SPIN_LIMIT = 50_000;

export class FuzzScheduler extends VirtualTimeScheduler {
  scheduled = 0;

  constructor(readonly limit = SPIN_LIMIT) {
    super(GuardedAction, Infinity);
  }

  /** Runs everything due in the next `ms` of virtual time (`0`: what is due now). */
  advance(ms: number): void {
    this.maxFrames = this.frame + ms;
    this.flush();
    this.frame = this.maxFrames;
  }
}

class GuardedAction<T> extends VirtualAction<T> {
  override schedule(state?: T, delay = 0): Subscription {
    const scheduler = this.scheduler;
    if (scheduler instanceof FuzzScheduler && ++scheduler.scheduled > scheduler.limit) {
      throw new Error(`spin: more than ${scheduler.limit} actions scheduled in one case (last delay ${delay} ms)`);
    }
    return super.schedule(state, delay);
  }
}
