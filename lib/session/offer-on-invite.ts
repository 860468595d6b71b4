import { filter, type Observable, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPublishRequest } from './ports';
import { sessionPublishes } from './publish-plan';
import { publishRequests } from './publish-requests';
import type { EffectOutcome } from './session-event';

/**
 * Publishes `cobrowseOffered` for each invitation the session offers, emitting the outcomes.
 * (A subset of {@link sessionEffects}, for hosts that drive accept/decline themselves.)
 *
 * ```
 * state:  s-I----I'--|
 * result: --P----P'--|    P: published (or publish-failed)
 * ```
 *
 * @example
 * import { offerOnInvite } from 'lp-call-streams';
 * state$.pipe(offerOnInvite(publish)).subscribe((outcome) => log(outcome));
 */
export function offerOnInvite(publish: (request: SessionPublishRequest) => Observable<unknown>): OperatorFunction<CallState, EffectOutcome> {
  return (state$) => state$.pipe(
    sessionPublishes(),
    filter((request) => request.event === 'cobrowseOffered'),
    publishRequests(publish),
  );
}
