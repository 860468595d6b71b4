/**
 * NgRx effects over the call client, as plain functions in the shape of NgRx functional effects:
 *
 *   export const answerCall = createEffect(
 *     (actions$ = inject(Actions), client = inject(CALL_CLIENT)) => answerCall$(actions$, client),
 *     { functional: true });
 *
 * Why no `@ngrx/effects` import: it has peer dependencies on `@angular/core` and `@ngrx/store`,
 * i.e. all of Angular, for two one-line wrappers. The effect bodies below are what matters, and
 * they need nothing but RxJS; the action creators mirror `createAction(type, props<…>())`.
 */
import { catchError, filter, last, map, mergeMap, of, type Observable } from 'rxjs';
import type { CallClient, CallState } from 'lp-call-streams';

/** NgRx's `Action`. */
export interface Action {
  readonly type: string;
}

/** Action creators, as `createActionGroup` would make them. */
export const callActions = {
  /** The visitor answers the invitation. */
  accept: (dialogId: string) => ({ type: '[Call] Accept', dialogId }) as const,
  decline: (dialogId: string) => ({ type: '[Call] Decline', dialogId }) as const,
  /** The answer was applied: `state` is where the session settled (`active` / `declined`). */
  answered: (dialogId: string, state: CallState) => ({ type: '[Call API] Answered', dialogId, state }) as const,
  /** The answer was refused (e.g. the invitation expired or was withdrawn first). */
  answerFailed: (dialogId: string, message: string) => ({ type: '[Call API] Answer Failed', dialogId, message }) as const,
  stateChanged: (state: CallState) => ({ type: '[Call API] State Changed', state }) as const,
};

/** Every action of this feature. */
export type CallAction = ReturnType<(typeof callActions)[keyof typeof callActions]>;
type AnswerAction = ReturnType<typeof callActions.accept | typeof callActions.decline>;

/** `ofType(callActions.accept, callActions.decline)`. */
const isAnswer = (action: Action): action is AnswerAction => action.type === '[Call] Accept' || action.type === '[Call] Decline';

/**
 * Runs accept/decline; success and failure are both actions (the `tapResponse` habit), so a
 * refused answer never ends the effect. Register it together with {@link callStateChanged$}, which
 * keeps the session running: an answer is checked against the invitations the session has seen.
 *
 * ```
 * actions$: --a-----d--      a: [Call] Accept, d: [Call] Decline (of an unknown call)
 * output:   ----A-----F      A: [Call API] Answered (active), F: [Call API] Answer Failed
 * ```
 */
export function answerCall$(actions$: Observable<Action>, client: CallClient): Observable<CallAction> {
  return actions$.pipe(
    filter(isAnswer),
    mergeMap(({ type, dialogId }) =>
      (type === '[Call] Accept' ? client.accept(dialogId) : client.decline(dialogId)).pipe(
        last(),
        map((state) => callActions.answered(dialogId, state)),
        catchError((error: unknown) => of(callActions.answerFailed(dialogId, error instanceof Error ? error.message : String(error)))),
      ),
    ),
  );
}

/** The session as actions. While NgRx keeps the effect subscribed, the client stays connected. */
export function callStateChanged$(client: CallClient): Observable<CallAction> {
  return client.session$.pipe(map((state) => callActions.stateChanged(state)));
}
