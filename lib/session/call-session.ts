import { distinctUntilChanged, scan, startWith, type OperatorFunction } from 'rxjs';
import { initialCallState, type CallState } from './call-state';
import type { SessionEvent, SessionOptions } from './session-event';
import { transition } from './transition';

/**
 * Folds session events into call states with the pure {@link transition}: emits the initial state
 * on subscribe, then each changed state. Cold; share it yourself. (The call client runs the same
 * transition inside its call core, together with the dialog streams and the effects.)
 *
 * ```
 * event:  --i--p--a--|     i: invited, p: offer published, a: accept
 * result: s-I--O--A--|     s: idle, I: invited, O: offered, A: accepting
 * ```
 *
 * @example
 * import { callSession } from 'lp-call-streams';
 * const session$ = sessionEvent$.pipe(callSession({ autoOffer: false }));
 */
export function callSession(options: SessionOptions = {}, initial: CallState = initialCallState): OperatorFunction<SessionEvent, CallState> {
  return (event$) => event$.pipe(
    scan((state: CallState, event: SessionEvent) => transition(state, event, options), initial),
    startWith(initial),
    distinctUntilChanged(),
  );
}
