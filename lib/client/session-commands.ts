import { defer, EMPTY, merge, skip, switchMap, take, takeWhile, throwError, type Observable } from 'rxjs';
import { CallIntentError } from '../errors';
import type { CallInvitation } from '../dialog/types';
import { isTerminal, type CallState } from '../session/call-state';
import { checkIntent } from '../session/check-intent';
import type { SessionIntent } from '../session/session-event';

export type CommandType = 'accept' | 'decline' | 'offer';

/** The dialog id of an invitation or of an id. */
export const dialogIdOf = (invitation: CallInvitation | string): string => (typeof invitation === 'string' ? invitation : invitation.dialogId);

/** True once the session has settled after the command: no more states are waited for. */
function settled(type: CommandType, state: CallState, dialogId: string): boolean {
  if (state.rejected?.dialogId === dialogId || isTerminal(state)) return true;
  if (state.status === 'idle' || state.dialog?.dialogId !== dialogId) return true;
  switch (type) {
    case 'accept':
      return state.status === 'active';
    case 'decline':
      return false;
    case 'offer':
      return state.status !== 'invited';
  }
}

/**
 * A cold command over the session: on subscribe it checks the intent against the latest state
 * (failing fast with `CallIntentError`), then `send`s it and emits the session's states until
 * the command has settled (`active` after accept; `declined` after decline; `offered` after offer),
 * then completes. Unsubscribing early stops waiting (the intent, once sent, is not undone).
 */
export function sessionCommand(
  session$: Observable<CallState>,
  type: CommandType,
  invitation: CallInvitation | string,
  now: () => number,
  send: (dialogId: string, intent: SessionIntent | undefined) => void,
): Observable<CallState> {
  return defer(() => {
    const dialogId = dialogIdOf(invitation);
    const intent: SessionIntent | undefined = type === 'offer' ? undefined : { type, dialogId, at: now() };
    return session$.pipe(
      take(1),
      switchMap((current) => {
        const rejection =
          intent === undefined
            ? current.status === 'invited' && current.dialog.dialogId === dialogId
              ? undefined
              : { reason: current.status === 'offered' && current.dialog.dialogId === dialogId ? 'already-offered' : 'unknown-invitation' }
            : checkIntent(current, intent);
        if (rejection !== undefined) return throwError(() => new CallIntentError(type, dialogId, rejection.reason));
        const outcome$ = session$.pipe(
          skip(1), // the replayed current state
          takeWhile((state) => !settled(type, state, dialogId), true),
          switchMap((state) =>
            state.rejected?.dialogId === dialogId ? throwError(() => new CallIntentError(type, dialogId, state.rejected?.reason ?? 'rejected')) : [state],
          ),
        );
        const send$ = defer(() => {
          send(dialogId, intent);
          return EMPTY;
        });
        return merge(outcome$, send$);
      }),
    );
  });
}
