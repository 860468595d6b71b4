import { filter, type Observable, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPublishRequest } from './ports';
import { publishRequests } from './publish-requests';
import { sessionCommands } from './session-commands';
import type { SessionEvent } from './session-event';

/**
 * Publishes `cobrowseOffered` for each new invitation of the session, emitting the outcomes.
 * (A subset of {@link sessionEffects}, for hosts that drive accept/decline themselves.)
 *
 * ```
 * state:  s-I----I'--|
 * result: --P----P'--|    P: published (or publish-failed)
 * ```
 */
export function offerOnInvite(publish: (request: SessionPublishRequest) => Observable<unknown>): OperatorFunction<CallState, SessionEvent> {
  return (state$) => state$.pipe(
    sessionCommands(),
    filter((request) => request.event === 'cobrowseOffered'),
    publishRequests(publish),
  );
}
