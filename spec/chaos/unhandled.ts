/**
 * Records what escapes unhandled through RxJS while a suite runs: `config.onUnhandledError` (an
 * error no subscriber handled) and `config.onStoppedNotification` for errors (an error sent to a
 * subscriber that already ended, which RxJS otherwise drops silently).
 *
 * Process-level escapes (`unhandledRejection`, `uncaughtException`) are jest-circus's: it replaces
 * the real process's listeners with its own, which fail the test (or hook) running when the escape
 * happens. A listener added to a test's `process` never sees them (that `process` is a sandbox
 * copy), so this log does not try.
 */
import { config } from 'rxjs';

export interface UnhandledLog {
  /** What escaped so far, as `kind: message`. */
  readonly escapes: string[];
  /** Restores RxJS's hooks. */
  stop(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function trackUnhandled(): UnhandledLog {
  const escapes: string[] = [];
  const before = { onUnhandledError: config.onUnhandledError, onStoppedNotification: config.onStoppedNotification };
  config.onUnhandledError = (error: unknown) => void escapes.push(`rxjs onUnhandledError: ${describe(error)}`);
  // A value or a completion after the end is harmless; an error after the end reaches nobody.
  config.onStoppedNotification = (notification) => {
    if (notification.kind === 'E') escapes.push(`rxjs error after the end: ${describe(notification.error)}`);
  };
  return {
    escapes,
    stop() {
      config.onUnhandledError = before.onUnhandledError;
      config.onStoppedNotification = before.onStoppedNotification;
    },
  };
}
