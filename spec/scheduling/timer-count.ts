import { runInThisContext } from 'node:vm';

/**
 * Counts the timers the process asks for (global `setTimeout` / `setInterval`, which RxJS's
 * `asyncScheduler` calls) and the `TimeoutOverflowWarning`s Node emits, while a test runs on real time.
 */
export interface TimerCount {
  /** `setTimeout` + `setInterval` calls since `countTimers()`. */
  calls(): number;
  /** `TimeoutOverflowWarning`s emitted since `countTimers()`. */
  readonly overflowWarnings: Error[];
  restore(): void;
}

/**
 * Node's own `process`: jest gives each test file a copy, and Node emits its warnings on the real
 * one (the copy never hears them). Needs `@jest-environment node` (jsdom's timers wrap an overflowing
 * delay to 32 bits silently instead of warning).
 */
const nodeProcess = runInThisContext('process') as NodeJS.Process;

export function countTimers(): TimerCount {
  const setTimeoutSpy = jest.spyOn(globalThis, 'setTimeout');
  const setIntervalSpy = jest.spyOn(globalThis, 'setInterval');
  const overflowWarnings: Error[] = [];
  const onWarning = (warning: Error): void => {
    if (warning.name === 'TimeoutOverflowWarning') overflowWarnings.push(warning);
  };
  nodeProcess.on('warning', onWarning);
  return {
    calls: () => setTimeoutSpy.mock.calls.length + setIntervalSpy.mock.calls.length,
    overflowWarnings,
    restore: () => {
      setTimeoutSpy.mockRestore();
      setIntervalSpy.mockRestore();
      nodeProcess.off('warning', onWarning);
    },
  };
}

/** Waits `ms` of real time (on a timer created before counting starts, or counted: one call). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
