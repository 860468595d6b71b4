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
 * The call screen, held (subscribed) while the steps say `screen`, across steps; its failure as an
 * outcome. switchMap keeps its inner alive after the steps end: the caller cuts it ({@link untilEnd}).
 */
function holdScreen(ports: CallPorts): OperatorFunction<CallStep, EffectOutcome> {
  const screen = (): Observable<EffectOutcome> =>
    ports.callScreen().pipe(
      ignoreElements(),
      catchError((error: unknown) => of<EffectOutcome>({ type: 'call-screen-failed', message: error instanceof Error ? error.message : 'call screen failed' })),
    );
  return (step$) =>
    step$.pipe(
      map((step) => step.screen),
      distinctUntilChanged(),
      switchMap((hold) => (hold ? screen() : EMPTY)),
    );
}

/** Cuts an effect when the (shared) steps end. */
const untilEnd = (shared$: Observable<CallStep>) => takeUntil<EffectOutcome>(shared$.pipe(ignoreElements(), endWith(true)));

/** Each step's publishes, in order, one call's at a time; their outcomes. */
function publishAll(ports: CallPorts): OperatorFunction<CallStep, EffectOutcome> {
  return (step$) =>
    step$.pipe(
      filter((step) => step.publishes.length > 0), // most steps publish nothing: no inner stream for them
      concatMap((step) => step.publishes),
      publishRequests(ports.publish),
    );
}

const asInput = map((outcome: EffectOutcome): CallInput => ({ type: 'outcome', outcome }));

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
  return (step$) => step$.pipe(connect((shared$) => merge(shared$.pipe(holdScreen(ports), untilEnd(shared$)), shared$.pipe(publishAll(ports)))), asInput);
}

/**
 * Passes the core's steps on and runs what they call for ({@link callEffects}), feeding the outcomes
 * to `dispatch` (which feeds them back into the core's `inputs`; while a step is delivered, they
 * wait on the core's queue for the next step). The container is opened before a step passes on
 * (a host that sees `accepting` finds it); the publishes run once the step has reached every
 * subscriber, as redux-observable runs epics after the reducers and the store's listeners — so
 * `invitation$` is never kept waiting behind `cobrowseOffered`. Both are cut when the steps end (a
 * publish still waiting for lpTag has no call left to be news about).
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
      connect((shared$) => {
        const until = untilEnd(shared$);
        const run = (effect: OperatorFunction<CallStep, EffectOutcome>) => shared$.pipe(effect, until, asInput, tap(dispatch), ignoreElements());
        // The order of the three is the order in which each step reaches them.
        return merge(run(holdScreen(ports)), shared$, run(publishAll(ports)));
      }),
    );
}
