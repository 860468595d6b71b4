/** A serializer of synchronous work: see {@link createTrampoline}. */
export interface Trampoline {
  /** Runs `task` now, or — when called from inside a running task — right after the tasks before it. */
  run(task: () => void): void;
}

/**
 * Serializes synchronous work the way `queueScheduler` does, without a scheduler: a task started
 * from inside another task waits until that one has finished. The call core delivers each step to
 * every subscriber inside one task, so a command a host issues inside its handler is applied only
 * after that step reached everyone — never in the middle of a delivery.
 *
 * A task that throws drops the tasks queued behind it and rethrows.
 */
export function createTrampoline(): Trampoline {
  const queue: (() => void)[] = [];
  let busy = false;
  return {
    run(task) {
      queue.push(task);
      if (busy) return;
      busy = true;
      try {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) next();
      } catch (error: unknown) {
        queue.length = 0;
        throw error;
      } finally {
        busy = false;
      }
    },
  };
}
