/**
 * Starts an emulator on a free port with a manual clock (which also drives the idle close, unless a
 * test passes `idleClock`); `stopHarnesses` (afterEach) closes it, which
 * also drops every raw client's socket.
 */
import { createManualClock, DEFAULT_ACCOUNTS, startEmulator, type EmulatorOptions, type ManualClock, type RunningEmulator } from '../lib';

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly clock: ManualClock;
}

const running: RunningEmulator[] = [];

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock();
  // '1' and '999' are the short account ids the HTTP and token specs use.
  const emulator = await startEmulator({ clock, idleClock: clock, accounts: [...DEFAULT_ACCOUNTS, '1', '999'], ...options });
  running.push(emulator);
  return { emulator, clock };
}

/** Call from afterEach. */
export async function stopHarnesses(): Promise<void> {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
}
