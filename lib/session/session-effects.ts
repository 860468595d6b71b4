import { catchError, connect, ignoreElements, merge, of, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPorts } from './ports';
import { sessionPublishes } from './publish-plan';
import { publishRequests } from './publish-requests';
import type { EffectOutcome } from './session-event';
import { withCallScreen } from './with-call-screen';

/**
 * Every effect of the session, derived from its states: the call screen while `accepting`/`active`
 * (created before `cobrowseAccepted` / `sliderOpened` is published), and the publishes of
 * `publishesFor`. Emits outcomes as session events, to feed back into the session.
 *
 * ```
 * state:  s-I-O-A-C-E-|
 * screen:       ^---!
 * result: --P---P-----|    P: published (offered, then accepted)
 * ```
 *
 * @example
 * import { sessionEffects } from 'lp-call-streams';
 * const outcome$ = state$.pipe(sessionEffects({ publish, callScreen }));
 */
export function sessionEffects(ports: SessionPorts): OperatorFunction<CallState, EffectOutcome> {
  const screen = () =>
    ports.callScreen().pipe(
      ignoreElements(),
      catchError((error: unknown) =>
        of<EffectOutcome>({ type: 'call-screen-failed', message: error instanceof Error ? error.message : 'call screen failed' }),
      ),
    );
  return (state$) =>
    state$.pipe(connect((shared$) => merge(shared$.pipe(withCallScreen(screen)), shared$.pipe(sessionPublishes(), publishRequests(ports.publish)))));
}
