/**
 * A scheduler that cannot overflow: RxJS's own time operators (`timer`, `interval`, `timeout`,
 * `repeat`/`retry` delays) run on it safely whatever delay they are given.
 */
import { Subscription, type SchedulerAction, type SchedulerLike } from 'rxjs';
import { clampDelay, MAX_TIMER_DELAY_MS } from './clamp-delay';

/** One action of a clamped scheduler: what `work` sees as `this` (it may re-schedule itself). */
class ClampedAction<T> extends Subscription implements SchedulerAction<T> {
  private pending: Subscription | undefined;

  constructor(
    private readonly inner: SchedulerLike,
    private readonly work: (this: SchedulerAction<T>, state?: T) => void,
  ) {
    super();
    this.add(() => this.pending?.unsubscribe());
  }

  schedule(state?: T, delay = 0): Subscription {
    if (this.closed) return this;
    this.pending?.unsubscribe();
    // Within range: the inner timer as is (no clock check, so a wall-clock jump cannot stretch it).
    if (!(delay > MAX_TIMER_DELAY_MS)) this.arm(state, clampDelay(delay), undefined);
    else this.arm(state, MAX_TIMER_DELAY_MS, this.inner.now() + delay);
    return this;
  }

  /** Arms the inner timer for `delay`; with `due`, a step of a longer wait that re-arms until `due`. */
  private arm(state: T | undefined, delay: number, due: number | undefined): void {
    const run = (current?: T): void => {
      this.pending = undefined;
      if (this.closed) return;
      const rest = due === undefined ? 0 : due - this.inner.now();
      if (rest > 0) this.arm(current, clampDelay(rest), due);
      else this.work.call(this, current);
    };
    this.pending = this.inner.schedule(run, delay, state);
  }
}

const clamped = new WeakSet<SchedulerLike>();
const wrappers = new WeakMap<SchedulerLike, SchedulerLike>();

/**
 * `scheduler`, with every delay clamped to {@link MAX_TIMER_DELAY_MS} and a longer wait re-armed
 * in steps until it is really due (an action never runs early, and never spins). Idempotent and
 * cached: wrapping twice, or the same scheduler twice, gives the same wrapper. Virtual schedulers
 * (`TestScheduler`) work through it unchanged.
 *
 * ```text
 * timer(30 days, clampScheduler(s)):  ──24.8 d──(re-arm)──5.2 d──0|
 * ```
 */
export function clampScheduler(scheduler: SchedulerLike): SchedulerLike {
  if (clamped.has(scheduler)) return scheduler;
  const known = wrappers.get(scheduler);
  if (known !== undefined) return known;
  const wrapper: SchedulerLike = {
    now: () => scheduler.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
      return new ClampedAction(scheduler, work).schedule(state, delay);
    },
  };
  clamped.add(wrapper);
  wrappers.set(scheduler, wrapper);
  return wrapper;
}
