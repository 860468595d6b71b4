/**
 * A ledger of the real timers created while it is installed: it wraps the global
 * setTimeout/setInterval/clearTimeout/clearInterval (what RxJS's asyncScheduler ends in) and tells
 * which timers are still live — neither fired (a timeout) nor cleared.
 */

type Handle = ReturnType<typeof setTimeout>;

export interface TimerLedger {
  /** Timers created since `install`. */
  created(): number;
  /** Timers neither fired (timeouts) nor cleared, by how they were made. */
  live(): { readonly timeouts: number; readonly intervals: number };
  /** A macrotask turn on the original `setTimeout` (not counted). */
  turn(ms?: number): Promise<void>;
  /** Puts the original functions back. */
  uninstall(): void;
}

export function installTimerLedger(): TimerLedger {
  const original = { setTimeout, setInterval, clearTimeout, clearInterval };
  const timeouts = new Set<Handle>();
  const intervals = new Set<Handle>();
  let created = 0;
  const scope = globalThis as unknown as Record<string, unknown>;
  scope['setTimeout'] = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
    created += 1;
    const handle: Handle = original.setTimeout(
      (...a: unknown[]) => {
        timeouts.delete(handle);
        fn(...a);
      },
      ms,
      ...args,
    );
    timeouts.add(handle);
    return handle;
  };
  scope['setInterval'] = (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): Handle => {
    created += 1;
    const handle = original.setInterval(fn, ms, ...args);
    intervals.add(handle);
    return handle;
  };
  scope['clearTimeout'] = (handle: Handle | undefined): void => {
    if (handle !== undefined) timeouts.delete(handle);
    original.clearTimeout(handle);
  };
  scope['clearInterval'] = (handle: Handle | undefined): void => {
    if (handle !== undefined) intervals.delete(handle);
    original.clearInterval(handle);
  };
  return {
    created: () => created,
    live: () => ({ timeouts: timeouts.size, intervals: intervals.size }),
    turn: (ms = 0) => new Promise((resolve) => original.setTimeout(resolve, ms)),
    uninstall: () => Object.assign(scope, original),
  };
}
