import {
  catchError,
  concatMap,
  connect,
  distinctUntilChanged,
  EMPTY,
  endWith,
  filter,
  ignoreElements,
  map,
  merge,
  of,
  switchMap,
  takeUntil,
  tap,
  type MonoTypeOperatorFunction,
  type Observable,
  type OperatorFunction,
} from 'rxjs';
import { publishRequests } from './publish-requests';
import type { CallInput, CallPublish, CallStep, EffectOutcome } from './types';

/**
 * What the core's effects need from the outside world, as plain functions: the core never imports
 * an adapter; the composition root plugs the lpTag publisher and the DOM container in.
 */
export interface CallPorts {
  /** Publishes one `lpCoBrowse` event: cold; completing means done, an error (e.g. `PublishError`) means failed. */
  readonly publish: (request: CallPublish) => Observable<unknown>;
  /** Holds the call-screen container while subscribed, e.g. `() => callScreenContainer(document)`. */
  readonly callScreen: () => Observable<unknown>;
}

/**
 * Runs what the core's steps call for and emits the outcomes as core inputs (errors are values):
 * the call screen is held (subscribed) while a step says `screen`, across steps; each step's
 * `publishes` run in order, one call's at a time (a publish of another call drops what the previous
 * call still had pending, so no call waits behind another). The screen is opened before the
 * publishes of the same step (the container exists before `cobrowseAccepted` / `sliderOpened`).
 *
 * ```text
 * steps:   s-A-J-C-|      A: accepting (screen, cobrowseAccepted), J: joining, C: ended
 * screen:    ^---!
 * result:  --p-----|      p: published cobrowseAccepted
 * ```
 */
export function callEffects(ports: CallPorts): OperatorFunction<CallStep, CallInput> {
  const screen = (): Observable<EffectOutcome> =>
    ports.callScreen().pipe(
      ignoreElements(),
      catchError((error: unknown) => of<EffectOutcome>({ type: 'call-screen-failed', message: error instanceof Error ? error.message : 'call screen failed' })),
    );
  return (step$) =>
    step$.pipe(
      connect((shared$) =>
        merge(
          shared$.pipe(
            map((step) => step.screen),
            distinctUntilChanged(),
            switchMap((hold) => (hold ? screen() : EMPTY)),
            // switchMap keeps its inner alive after the steps end: the screen goes with them.
            takeUntil(shared$.pipe(ignoreElements(), endWith(true))),
          ),
          shared$.pipe(
            filter((step) => step.publishes.length > 0), // most steps publish nothing: no inner stream for them
            concatMap((step) => step.publishes),
            publishRequests(ports.publish),
          ),
        ),
      ),
      map((outcome): CallInput => ({ type: 'outcome', outcome })),
    );
}

/**
 * Passes the core's steps on after running their effects ({@link callEffects}): whoever subscribes
 * downstream sees a step only once its container exists and its synchronous publishes are made.
 * The outcomes go to `dispatch`, which feeds them back into the core's `inputs` (while a step is
 * delivered, they wait on the core's queue for the next step).
 *
 * @example
 * import { Subject } from 'rxjs';
 * import { callCore, runCallEffects, type CallInput } from 'lp-call-streams';
 * const inputSubject$ = new Subject<CallInput>(); // private to your composition root
 * const step$ = notification$.pipe(callCore({ inputs: inputSubject$ }), runCallEffects(ports, (input) => inputSubject$.next(input)));
 */
export function runCallEffects(ports: CallPorts, dispatch: (input: CallInput) => void): MonoTypeOperatorFunction<CallStep> {
  return (step$) =>
    step$.pipe(
      connect((shared$) =>
        merge(
          // Subscribed first, so it sees every step before the steps pass on; cut when they end
          // (a publish still waiting for lpTag has no call left to be news about).
          shared$.pipe(callEffects(ports), tap(dispatch), ignoreElements(), takeUntil(shared$.pipe(ignoreElements(), endWith(true)))),
          shared$,
        ),
      ),
    );
}
