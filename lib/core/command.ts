import { defer, distinctUntilChanged, map, skipWhile, takeWhile, tap, throwIfEmpty, type Observable } from 'rxjs';
import type { CallInvitation } from '../dialog/types';
import { CallIntentError } from '../errors';
import type { CallInput, CallState, CallStep, CommandResult, IntentType } from './types';

let lastCommandId = 0;

/** The last thing step `step` says of command `id`, if anything. */
function resultOf(step: CallStep, id: number): CommandResult | undefined {
  let result: CommandResult | undefined;
  for (const event of step.events) if (event.type === 'command' && event.id === id) result = event.result;
  return result;
}

/**
 * A command as a cold Observable over the core: on subscribe it sends the intent to the core
 * (`dispatch`, after the step being delivered, if any), then emits the session's states from the
 * one the intent produced until the core says the command is done — accept: the call is on (the
 * server said ACCEPTED, or the call app resumed it); decline: declined; offer: offered — and
 * completes. It errors with `CallIntentError` when the core refuses the intent, or when the call
 * ends before the command is done (`reason` and `detail` say why: the call failed, was cancelled,
 * expired, the client ended…). Unsubscribing early stops waiting (an intent once applied is not undone).
 *
 * `step$` must be the shared steps of {@link callStreams} (a subscriber first gets the current step).
 *
 * ```text
 * steps:  s--X--J--A--    X: accepting, J: joining, A: active (the server said ACCEPTED)
 * accept: ^--X--J--(A|)
 * ```
 *
 * @example
 * import { callCommand, type CallInvitation } from 'lp-call-streams';
 * const accept = (invitation: CallInvitation) => callCommand(calls.step$, dispatch, 'accept', invitation);
 */
export function callCommand(step$: Observable<CallStep>, dispatch: (input: CallInput) => void, intent: IntentType, invitation: CallInvitation | string): Observable<CallState> {
  const dialogId = typeof invitation === 'string' ? invitation : invitation.dialogId;
  return defer(() => {
    const id = ++lastCommandId;
    let sent = false;
    return step$.pipe(
      // The first step is the current one: the intent goes in behind it.
      tap(() => {
        if (sent) return;
        sent = true;
        dispatch({ type: 'intent', id, intent, dialogId });
      }),
      map((step) => ({ step, result: resultOf(step, id) })),
      skipWhile(({ result }) => result === undefined),
      takeWhile(({ result }) => result?.type !== 'done' && result?.type !== 'failed', true),
      map(({ step, result }) => {
        if (result?.type === 'failed') throw new CallIntentError(intent, dialogId, result.reason, result.detail);
        return step.session;
      }),
      distinctUntilChanged(),
      // The core ended before it took the intent in (its connection closed for good meanwhile).
      throwIfEmpty(() => new CallIntentError(intent, dialogId, 'client-ended')),
    );
  });
}
