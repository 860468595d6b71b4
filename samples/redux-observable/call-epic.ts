/**
 * A redux-observable epic over the call client: `START_CALLS` / `STOP_CALLS` bound the client's
 * lifetime, `ACCEPT_CALL` / `DECLINE_CALL` become commands, and the client's streams become
 * actions. The client is injected as a dependency (`createEpicMiddleware({ dependencies })`).
 */
import { catchError, exhaustMap, filter, ignoreElements, map, merge, mergeMap, of, takeUntil, type Observable } from 'rxjs';
import { ofType, type Epic } from 'redux-observable';
import type { CallClient, CallError, CallInvitation, CallState } from 'lp-call-streams';

/** The actions the epic reads and writes. */
export type CallAction =
  /** Connect and start reporting (e.g. when the chat page opens). */
  | { readonly type: 'START_CALLS' }
  /** Disconnect: the socket closes, lpTag listeners go, the call screen is removed. */
  | { readonly type: 'STOP_CALLS' }
  | { readonly type: 'ACCEPT_CALL'; readonly dialogId: string }
  | { readonly type: 'DECLINE_CALL'; readonly dialogId: string }
  /** A call invitation arrived (co-browse invitations are left out). */
  | { readonly type: 'CALL_INVITED'; readonly invitation: CallInvitation }
  /** The call session changed. */
  | { readonly type: 'CALL_STATE_CHANGED'; readonly state: CallState }
  /** LivePerson's call app reported an error (no camera, agent disconnected, …). */
  | { readonly type: 'CALL_ERROR'; readonly error: CallError }
  /** An accept/decline was refused (e.g. the invitation expired first). */
  | { readonly type: 'CALL_COMMAND_FAILED'; readonly command: 'ACCEPT_CALL' | 'DECLINE_CALL'; readonly dialogId: string; readonly message: string };

/** What the epic needs injected. */
export interface CallEpicDependencies {
  readonly client: CallClient;
}

/** An accept/decline action as a command whose only output is its failure, as an action. */
function runCommand(client: CallClient, action: Extract<CallAction, { type: 'ACCEPT_CALL' | 'DECLINE_CALL' }>): Observable<CallAction> {
  const command$ = action.type === 'ACCEPT_CALL' ? client.accept(action.dialogId) : client.decline(action.dialogId);
  return command$.pipe(
    ignoreElements(), // the resulting states arrive as CALL_STATE_CHANGED
    catchError((error: unknown) =>
      of<CallAction>({ type: 'CALL_COMMAND_FAILED', command: action.type, dialogId: action.dialogId, message: error instanceof Error ? error.message : String(error) }),
    ),
  );
}

/**
 * The call epic.
 *
 * ```
 * action$: -S-----A------P--     S: START_CALLS, A: ACCEPT_CALL, P: STOP_CALLS
 * client:   ^------------!       subscribed from START to STOP (connects, then disconnects)
 * output:  ---i-s--s-s-------    i: CALL_INVITED, s: CALL_STATE_CHANGED (never completes)
 * ```
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const epicMiddleware = createEpicMiddleware<CallAction, CallAction, State, CallEpicDependencies>({
 *   dependencies: { client: createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } }) },
 * });
 * epicMiddleware.run(callEpic);
 */
export const callEpic: Epic<CallAction, CallAction, unknown, CallEpicDependencies> = (action$, _state$, { client }) =>
  action$.pipe(
    ofType('START_CALLS'),
    // A second START while running is ignored; STOP ends the run, and a later START starts over.
    exhaustMap(() =>
      merge(
        client.invitation$.pipe(
          filter((invitation) => invitation.isCall),
          map((invitation): CallAction => ({ type: 'CALL_INVITED', invitation })),
        ),
        client.session$.pipe(map((state): CallAction => ({ type: 'CALL_STATE_CHANGED', state }))),
        client.error$.pipe(map((error): CallAction => ({ type: 'CALL_ERROR', error }))),
        action$.pipe(
          ofType<CallAction, 'ACCEPT_CALL' | 'DECLINE_CALL'>('ACCEPT_CALL', 'DECLINE_CALL'),
          mergeMap((action) => runCommand(client, action)),
        ),
      ).pipe(takeUntil(action$.pipe(ofType('STOP_CALLS')))),
    ),
  );
