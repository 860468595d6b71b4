import { concatMap, pairwise, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPublishRequest } from './ports';

/**
 * The `lpCoBrowse` publishes a state change calls for (pure):
 * - `invited` starting to offer (at once with `autoOffer`, or after `offer()`) → `cobrowseOffered`;
 * - entering `accepting` → `cobrowseAccepted`, preceded by `cobrowseOffered` when the invitation
 *   was never offered (an accept without `offer()` under `autoOffer: false`);
 * - entering `declined` by the consumer → `cobrowseDeclined`;
 * - a new resume while `active` → `sliderOpened`.
 */
export function publishesFor(prev: CallState, next: CallState): SessionPublishRequest[] {
  const sameDialog = prev.status !== 'idle' && next.status !== 'idle' && prev.dialog?.dialogId === next.dialog?.dialogId;
  switch (next.status) {
    case 'invited':
      return next.offering && !(sameDialog && prev.status === 'invited' && prev.offering) ? [{ event: 'cobrowseOffered', dialog: next.dialog }] : [];
    case 'accepting': {
      if (prev.status === 'accepting') return [];
      const offerFirst = sameDialog && prev.status === 'invited' && !prev.offering;
      return offerFirst ? [{ event: 'cobrowseOffered', dialog: next.dialog }, { event: 'cobrowseAccepted', dialog: next.dialog }] : [{ event: 'cobrowseAccepted', dialog: next.dialog }];
    }
    case 'declined':
      return next.by === 'consumer' && prev.status !== 'declined' ? [{ event: 'cobrowseDeclined', dialog: next.dialog }] : [];
    case 'active':
      return next.resumes > (prev.status === 'active' ? prev.resumes : 0) ? [{ event: 'sliderOpened' }] : [];
    default:
      return [];
  }
}

/**
 * Turns state changes into publish requests with `publishesFor`. The first state seen is the
 * baseline (a late subscriber to a replayed session does not re-publish).
 *
 * ```
 * state:  s-I--O--A--|
 * result: --o-----c--|     o: cobrowseOffered, c: cobrowseAccepted
 * ```
 */
export function sessionPublishes(): OperatorFunction<CallState, SessionPublishRequest> {
  return (state$) => state$.pipe(
    pairwise(),
    concatMap(([prev, next]) => publishesFor(prev, next)),
  );
}
