import { defer, finalize, type Observable, type SchedulerLike, take, throwError, timeout, throwIfEmpty } from 'rxjs';
import { QueueError } from '../errors';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** Bounds of the offline queue. */
export interface QueueConfig {
  /** Commands that may wait at once. Default 50. */
  readonly maxSize: number;
  /** How long one command may wait. Default 30 000 ms. */
  readonly ttlMs: number;
}

export const defaultQueueConfig: QueueConfig = { maxSize: 50, ttlMs: 30_000 };

/** Why a command left the queue without being sent. */
export type QueueDropReason = 'overflow' | 'expired' | 'closed';

/** A bounded waiting room for commands issued while there is no open link. */
export interface CommandQueue {
  /**
   * Holds a slot while waiting for `ready$`'s first value, then emits it and completes.
   * Errors with `QueueError`: `overflow` (no free slot), `expired` (waited `ttlMs`), `closed`
   * (`ready$` completed without a value: the connection closed for good).
   */
  wait<T>(ready$: Observable<T>, requestType: string): Observable<T>;
  /** Commands waiting now. */
  size(): number;
}

/**
 * Creates the bounded, loud offline queue: nothing is dropped silently, each drop errors the
 * command's own Observable and is reported through `onDrop`.
 *
 * ```
 * ready$: ----l            → wait(): ----(l|)
 * ready$: -----------      → wait(): ------#  (ttlMs = 6: QueueError expired)
 * ```
 */
export function createCommandQueue(config: QueueConfig, clock: SchedulerLike, onDrop: (requestType: string, reason: QueueDropReason) => void): CommandQueue {
  const scheduler = clampScheduler(clock);
  let waiting = 0;
  // Reports the drop, then errors the command's own Observable with it.
  const drop = (requestType: string, reason: QueueDropReason, detail: string): QueueError => {
    onDrop(requestType, reason);
    return new QueueError(requestType, reason, detail);
  };
  return {
    size: () => waiting,
    wait: <T>(ready$: Observable<T>, requestType: string) =>
      defer(() => {
        if (waiting >= config.maxSize) {
          return throwError(() => drop(requestType, 'overflow', `the offline queue is full (${config.maxSize} commands are waiting for the connection)`));
        }
        waiting += 1;
        return ready$.pipe(
          take(1),
          timeout({ first: config.ttlMs, scheduler, with: () => throwError(() => drop(requestType, 'expired', `it waited ${config.ttlMs} ms for the connection`)) }),
          throwIfEmpty(() => drop(requestType, 'closed', 'the connection closed for good while it waited')),
          finalize(() => {
            waiting -= 1;
          }),
        );
      }),
  };
}
