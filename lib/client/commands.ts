import { defer, distinctUntilChanged, map, skipWhile, takeWhile, tap, throwIfEmpty, type Observable } from 'rxjs';
import type { CallInvitation } from '../dialog/types';
import { CallIntentError } from '../errors';
import type { CallCoreHub } from '../session/call-core-hub';
import { isTerminal, type CallState } from '../session/call-state';
import type { IntentType } from '../session/session-event';

/** The dialog id of an invitation or of an id. */
export const invitationId = (invitation: CallInvitation | string): string => (typeof invitation === 'string' ? invitation : invitation.dialogId);

/** True once the session has settled after the command: no more states are waited for. */
function settled(type: IntentType, state: CallState, dialogId: string): boolean {
  if (isTerminal(state) || state.status === 'idle' || state.dialog?.dialogId !== dialogId) return true;
  switch (type) {
    case 'accept':
      return state.status === 'active';
    case 'decline':
      return true;
    case 'offer':
      return state.status !== 'invited';
  }
}

let lastIntentId = 0;

/**
 * A cold command over the call core: on subscribe it dispatches the intent (after whatever step is
 * being delivered), errors with `CallIntentError` if the session refuses it, else emits the
 * session's states from the one the intent produced until the command has settled (`active` after
 * accept; `declined` after decline; `offered` after offer), then completes. Unsubscribing early
 * stops waiting (an intent once applied is not undone).
 */
export function callCommand(hub: CallCoreHub, type: IntentType, invitation: CallInvitation | string, now: () => number): Observable<CallState> {
  return defer(() => {
    const id = ++lastIntentId;
    const dialogId = invitationId(invitation);
    let sent = false;
    let outcomeSeen = false;
    return hub.step$.pipe(
      // The first step is the current one; the intent goes in behind it.
      tap(() => {
        if (sent) return;
        sent = true;
        hub.dispatch({ type: 'intent', id, intent: { type, dialogId, at: now() } });
      }),
      skipWhile((step) => {
        if (!outcomeSeen) outcomeSeen = step.events.some((event) => event.type === 'intent' && event.id === id);
        return !outcomeSeen;
      }),
      map((step, index) => {
        const outcome = index === 0 ? step.events.find((event) => event.type === 'intent' && event.id === id) : undefined;
        if (outcome?.type === 'intent' && outcome.rejection !== undefined) throw new CallIntentError(type, dialogId, outcome.rejection.reason);
        return step.state;
      }),
      distinctUntilChanged(),
      takeWhile((state) => !settled(type, state, dialogId), true),
      // The client ended (its connection closed for good) before the intent was applied.
      throwIfEmpty(() => new CallIntentError(type, dialogId, 'unknown-invitation')),
    );
  });
}
