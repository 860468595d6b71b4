import { concatMap, pairwise, type OperatorFunction } from 'rxjs';
import type { CallState } from './call-state';
import type { SessionPublishRequest } from './ports';

/**
 * The publishes a state change calls for (pure):
 * entering `invited` → `cobrowseOffered`; entering `accepting` → `cobrowseAccepted`;
 * entering `declined` by the consumer → `cobrowseDeclined`; a new resume while `active` → `sliderOpened`.
 */
export function commandsFor(prev: CallState, next: CallState): SessionPublishRequest[] {
  switch (next.status) {
    case 'invited':
      return prev.status === 'invited' && prev.dialog.dialogId === next.dialog.dialogId ? [] : [{ event: 'cobrowseOffered', dialog: next.dialog }];
    case 'accepting':
      return prev.status === 'accepting' ? [] : [{ event: 'cobrowseAccepted', dialog: next.dialog }];
    case 'declined':
      return next.by === 'consumer' && prev.status !== 'declined' ? [{ event: 'cobrowseDeclined', dialog: next.dialog }] : [];
    case 'active':
      return next.resumes > (prev.status === 'active' ? prev.resumes : 0) ? [{ event: 'sliderOpened' }] : [];
    default:
      return [];
  }
}

/**
 * Turns state changes into publish requests with {@link commandsFor}. The first state seen is the
 * baseline (a late subscriber to a replayed session does not re-publish).
 *
 * ```
 * state:  s-I--O--A--|
 * result: --o-----c--|     o: cobrowseOffered, c: cobrowseAccepted
 * ```
 */
export function sessionCommands(): OperatorFunction<CallState, SessionPublishRequest> {
  return (state$) => state$.pipe(
    pairwise(),
    concatMap(([prev, next]) => commandsFor(prev, next)),
  );
}
