/**
 * Records everything that escapes unhandled while a suite runs: process `unhandledRejection` and
 * `uncaughtException`, and RxJS's `config.onUnhandledError` (an error no subscriber handled) and
 * `config.onStoppedNotification` for errors (an error sent to a subscriber that already ended).
 */
import { config } from 'rxjs';

export interface UnhandledLog {
  /** What escaped so far, as `kind: message`. */
  readonly escapes: string[];
  /** Removes the listeners and restores RxJS's hooks. */
  stop(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function trackUnhandled(): UnhandledLog {
  const escapes: string[] = [];
  const onRejection = (reason: unknown): void => void escapes.push(`unhandledRejection: ${describe(reason)}`);
  const onException = (error: unknown): void => void escapes.push(`uncaughtException: ${describe(error)}`);
  const before = { onUnhandledError: config.onUnhandledError, onStoppedNotification: config.onStoppedNotification };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  config.onUnhandledError = (error: unknown) => void escapes.push(`rxjs onUnhandledError: ${describe(error)}`);
  // A value or a completion after the end is harmless; an error after the end reaches nobody.
  config.onStoppedNotification = (notification) => {
    if (notification.kind === 'E') escapes.push(`rxjs error after the end: ${describe(notification.error)}`);
  };
  return {
    escapes,
    stop() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      config.onUnhandledError = before.onUnhandledError;
      config.onStoppedNotification = before.onStoppedNotification;
    },
  };
}
