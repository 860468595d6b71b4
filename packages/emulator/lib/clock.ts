/**
 * The emulator's only source of time. Injectable so that tests drive the 2-minute invitation expiry,
 * the idle close and the DELETE delay with a manual clock instead of waiting.
 */

/** Time and timers, as the emulator uses them. */
export interface EmulatorClock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node caps a timer at 2^31-1 ms (~24.8 days); longer ones are re-armed in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/** The wall clock: `Date.now` and Node timers (long delays are chained, never truncated). */
export function realClock(): EmulatorClock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextHandle = 1;
  const arm = (handle: number, fn: () => void, dueAt: number): void => {
    const wait = Math.min(Math.max(0, dueAt - Date.now()), MAX_TIMER_MS);
    timers.set(
      handle,
      setTimeout(() => {
        if (Date.now() < dueAt) {
          arm(handle, fn, dueAt);
          return;
        }
        timers.delete(handle);
        fn();
      }, wait),
    );
  };
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const handle = nextHandle++;
      arm(handle, fn, Date.now() + Math.max(0, ms));
      return handle;
    },
    clearTimeout(handle) {
      if (typeof handle !== 'number') return;
      const timer = timers.get(handle);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle);
    },
  };
}

/** A clock that only moves when told to: for tests. */
export interface ManualClock extends EmulatorClock {
  /** Moves time forward, running every timer that falls due, in due order. */
  advance(ms: number): void;
  /** Timers not yet run. */
  pendingTimers(): number;
}

/**
 * Creates a {@link ManualClock} starting at `startMs` (default: the real time now, so the `expires`
 * of an invitation is in the future for a real client too). Advancing it never closes a live socket
 * as idle: the emulator measures idleness on `idleClock` (the wall clock unless you pass one).
 * @example
 * import { createManualClock, startEmulator } from 'lp-call-streams-emulator';
 * const clock = createManualClock();
 * const emulator = await startEmulator({ clock });
 * clock.advance(120_000); // the invitation expires now
 */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  let now = startMs;
  let nextHandle = 1;
  const timers = new Map<number, { dueAt: number; fn: () => void }>();
  const nextDue = (limit: number): [number, { dueAt: number; fn: () => void }] | undefined => {
    let best: [number, { dueAt: number; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (entry[1].dueAt <= limit && (best === undefined || entry[1].dueAt < best[1].dueAt)) best = entry;
    }
    return best;
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const handle = nextHandle++;
      timers.set(handle, { dueAt: now + Math.max(0, ms), fn });
      return handle;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (let due = nextDue(target); due !== undefined; due = nextDue(target)) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].dueAt);
        due[1].fn();
      }
      now = target;
    },
    pendingTimers: () => timers.size,
  };
}
