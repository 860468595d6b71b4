import { connect, distinctUntilChanged, EMPTY, endWith, ignoreElements, map, switchMap, takeUntil, type Observable, type OperatorFunction } from 'rxjs';
import { holdsCallScreen, type CallState } from './call-state';

/**
 * Keeps `open()` subscribed exactly while the session holds the call screen (`accepting`, `active`)
 * and passes its values through: the container appears on accept or resume and goes away when the
 * call ends, fails, or the states complete.
 *
 * ```
 * state:  s-A-C-E-|       A: accepting, C: active, E: ended
 * open:     ^---!         (subscribed once across accepting → active)
 * ```
 *
 * @example
 * import { withCallScreen, callScreenContainer } from 'lp-call-streams';
 * session$.pipe(withCallScreen(() => callScreenContainer(document))).subscribe();
 */
export function withCallScreen<T>(open: () => Observable<T>): OperatorFunction<CallState, T> {
  return (state$) =>
    state$.pipe(
      connect((shared$) =>
        shared$.pipe(
          map(holdsCallScreen),
          distinctUntilChanged(),
          switchMap((hold) => (hold ? open() : EMPTY)),
          takeUntil(shared$.pipe(ignoreElements(), endWith(true))),
        ),
      ),
    );
}
