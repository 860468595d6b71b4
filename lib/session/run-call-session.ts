import { connect, defer, ignoreElements, merge, Subject, tap, type OperatorFunction } from 'rxjs';
import { callSession } from './call-session';
import { initialCallState, type CallState } from './call-state';
import type { SessionPorts } from './ports';
import { sessionEffects } from './session-effects';
import type { SessionEvent } from './session-event';

/**
 * {@link callSession} with its {@link sessionEffects} running and their outcomes fed back: the
 * whole call session as one cold operator. Completes when the events complete; unsubscribing
 * removes the call screen.
 *
 * ```
 * event:  --i-----a--c--|        i: invited, a: accept, c: closed (hang-up)
 * result: s-(IO)--(AC)-E-|       offered / active follow their publishes at once
 * ```
 *
 * @example
 * import { runCallSession } from 'lp-call-streams';
 * const session$ = sessionEvent$.pipe(runCallSession({ publish, callScreen }), shareReplay({ bufferSize: 1, refCount: true }));
 */
export function runCallSession(ports: SessionPorts, initial: CallState = initialCallState): OperatorFunction<SessionEvent, CallState> {
  return (event$) =>
    defer(() => {
      const outcomeSubject$ = new Subject<SessionEvent>();
      return merge(outcomeSubject$, event$.pipe(tap({ complete: () => outcomeSubject$.complete() }))).pipe(
        callSession(initial),
        // The states reach the subscriber before the effects see them, so feedback stays in order.
        connect((state$) =>
          merge(
            state$,
            state$.pipe(
              sessionEffects(ports),
              tap((outcome) => outcomeSubject$.next(outcome)),
              ignoreElements(),
            ),
          ),
        ),
      );
    });
}
