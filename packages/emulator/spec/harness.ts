/**
 * Starts an emulator on a free port with a manual clock; `stopHarnesses` (afterEach) closes it, which
 * also drops every raw client's socket.
 */
import { createManualClock, startEmulator, type EmulatorOptions, type ManualClock, type RunningEmulator } from '../lib';

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly clock: ManualClock;
}

const running: RunningEmulator[] = [];

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock();
  const emulator = await startEmulator({ clock, ...options });
  running.push(emulator);
  return { emulator, clock };
}

/** Call from afterEach. */
export async function stopHarnesses(): Promise<void> {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
}
