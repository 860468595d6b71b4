/** Subscribes to a stream that must neither error nor complete while the case holds it. */
import type { Observable, Subscription } from 'rxjs';
import { describe, type Escape } from './checks';

/**
 * Watches `stream$` as `name`: an error is an escape, and so is a completion unless `mayComplete()`
 * says the stream's source is over. `onValue` sees every value.
 */
export function watch<T>(
  name: string,
  stream$: Observable<T>,
  escapes: Escape[],
  onValue: (value: T) => void = () => undefined,
  mayComplete: () => boolean = () => false,
): Subscription {
  return stream$.subscribe({
    next: onValue,
    error: (error: unknown) => escapes.push({ kind: 'stream-error', message: `${name} errored: ${describe(error)}` }),
    complete: () => {
      if (!mayComplete()) escapes.push({ kind: 'stream-complete', message: `${name} completed` });
    },
  });
}
