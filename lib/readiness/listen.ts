import { NEVER, Observable } from 'rxjs';
import type { EventTargetLike } from './environment';

/**
 * `type` events of `target`: adds the listener on subscribe, removes the same one on teardown.
 * A target that cannot be listened to (no `addEventListener`/`removeEventListener`) never emits.
 */
export function listenTo<E>(target: EventTargetLike<E>, type: string): Observable<E> {
  if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function') return NEVER;
  return new Observable<E>((subscriber) => {
    const listener = (event: E): void => subscriber.next(event);
    target.addEventListener?.(type, listener);
    return () => target.removeEventListener?.(type, listener);
  });
}
