import type { SchedulerAction, SchedulerLike } from 'rxjs';

/** `inner` seen through a scheduler that records every delay handed to it (one entry per scheduled action). */
export function recording(inner: SchedulerLike): { readonly scheduler: SchedulerLike; readonly delays: number[] } {
  const delays: number[] = [];
  const scheduler: SchedulerLike = {
    now: () => inner.now(),
    schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T) {
      delays.push(delay);
      return inner.schedule(work, delay, state);
    },
  };
  return { scheduler, delays };
}
