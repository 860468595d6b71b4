import { catchError, connect, ignoreElements, merge, of, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPorts } from './ports';
import { publishRequests } from './publish-requests';
import { sessionCommands } from './session-commands';
import type { SessionEvent } from './session-event';
import { withCallScreen } from './with-call-screen';

/**
 * Every effect of the session, derived from its states: the call screen while `accepting`/`active`
 * (created before `cobrowseAccepted` / `sliderOpened` is published), and the publishes of
 * {@link commandsFor}. Emits outcomes as session events, to feed back into {@link callSession}.
 *
 * ```
 * state:  s-I-O-A-C-E-|
 * screen:       ^---!
 * result: --P---P-----|    P: published (offered, then accepted)
 * ```
 */
export function sessionEffects(ports: SessionPorts): OperatorFunction<CallState, SessionEvent> {
  const screen = () =>
    ports.callScreen().pipe(
      ignoreElements(),
      catchError((error: unknown) =>
        of<SessionEvent>({ type: 'call-screen-failed', message: error instanceof Error ? error.message : 'call screen failed' }),
      ),
    );
  return (state$) =>
    state$.pipe(connect((shared$) => merge(shared$.pipe(withCallScreen(screen)), shared$.pipe(sessionCommands(), publishRequests(ports.publish)))));
}
