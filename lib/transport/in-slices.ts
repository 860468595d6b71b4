import { type MonoTypeOperatorFunction, Observable, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * How long the socket's inbound frames may hold the event loop before it yields (scheduler time):
 * a macrotask of work, then timers, input and rendering get their turn (issue 14: a flood of
 * 10 000 notifications per second must not stall the page or starve the keep-alive).
 */
export const INBOUND_SLICE_MS = 10;

/**
 * Passes every value on, in order, but never works on them for more than `budgetMs` of scheduler
 * time in one go: values arriving while a slice is spent wait in a queue, and a scheduled action
 * (delay 0: the next macrotask) passes them on in further slices. Nothing is dropped, merged or
 * reordered; completion and errors come after the values before them.
 *
 * While the values are cheap (or rare) this is a plain pass-through: a value is passed on
 * synchronously, and the slice it opened ends at the next scheduled turn. A slice opens at its first
 * value, so a burst that takes longer than `budgetMs` — however many socket reads it spans — is cut
 * into turns of about `budgetMs`, each followed by a yield to the event loop.
 *
 * ```
 * source: (abcdef)----g-|   each value costs 1 ms of work downstream
 * result: (abc)(def)--g-|   budgetMs = 3: a slice of three, a yield, the rest
 * ```
 *
 * Unsubscribing drops the queue and cancels the pending turn. Internal: the socket session runs
 * every socket's events through it (`lib/transport/socket-session.ts`).
 */
export function inSlices<T>(budgetMs: number, scheduler: SchedulerLike): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      // What waits: the delivery of a value, or of the end of the source (kept behind the values before it).
      const queue: (() => void)[] = [];
      let head = 0; // the queue's first live entry (shifting a long array is O(n))
      let sliceStart: number | undefined;
      let turn: Subscription | undefined;

      const inBudget = (): boolean => sliceStart === undefined || scheduler.now() - sliceStart < budgetMs;
      const nextTurn = function (this: SchedulerAction<undefined>): void {
        sliceStart = scheduler.now();
        let delivered = 0;
        // At least one per turn, so progress never depends on the clock.
        while (head < queue.length && !subscriber.closed && (delivered === 0 || inBudget())) {
          const item = queue[head];
          head += 1;
          delivered += 1;
          item?.();
        }
        if (head < queue.length && !subscriber.closed) {
          this.schedule(undefined, 0);
          return;
        }
        queue.length = 0;
        head = 0;
        sliceStart = undefined;
        turn = undefined;
      };
      const arm = (): void => {
        turn ??= scheduler.schedule(nextTurn, 0);
      };
      const accept = (item: () => void): void => {
        if (head === queue.length && inBudget()) {
          sliceStart ??= scheduler.now();
          arm(); // ends the slice at the next turn
          item();
          return;
        }
        queue.push(item);
        arm();
      };

      const subscription = source.subscribe({
        next: (value) => accept(() => subscriber.next(value)),
        complete: () => accept(() => subscriber.complete()),
        error: (error: unknown) => accept(() => subscriber.error(error)),
      });
      return () => {
        subscription.unsubscribe();
        turn?.unsubscribe();
        queue.length = 0;
      };
    });
}
