import { distinctUntilChanged, scan, startWith, type OperatorFunction } from 'rxjs';
import { initialCallState, type CallState } from './call-state';
import type { SessionEvent } from './session-event';
import { transition } from './transition';

/**
 * Folds session events into call states with the pure {@link transition}: emits the initial state
 * on subscribe, then each changed state. Cold; share it yourself (the client does, replaying the latest).
 *
 * ```
 * event:  --i--p--a--|     i: invited, p: offer published, a: accept
 * result: s-I--O--A--|     s: idle, I: invited, O: offered, A: accepting
 * ```
 *
 * @example
 * import { callSession } from 'lp-call-streams';
 * const session$ = sessionEvent$.pipe(callSession());
 */
export function callSession(initial: CallState = initialCallState): OperatorFunction<SessionEvent, CallState> {
  return (event$) => event$.pipe(scan(transition, initial), startWith(initial), distinctUntilChanged());
}
