import { asyncScheduler, defer, EMPTY, endWith, filter, finalize, map, merge, observeOn, of, Subject, subscribeOn, takeWhile, type Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';
import type { InboundFrame } from 'lp-call-streams/protocol';
import { createAlarm } from '../scheduling/alarm';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { createCallModel, type CallCoreOptions } from './model';
import { callQueue } from './queue';
import { callStep, initialStep, type StepInput } from './step';
import type { CallInput, CallStep } from './types';

/** Options of {@link callCore}. */
export interface CallCoreConfig extends CallCoreOptions {
  /** Supplies `now()` and runs the expiry timer (default `asyncScheduler`; a `TestScheduler` in tests). */
  readonly scheduler?: SchedulerLike;
  /**
   * The core's other inputs: LivePerson's call app (`resume`, `session-error`), the consumer's
   * commands (`intent`) and the effects' outcomes (`outcome`), e.g. one private Subject that the
   * commands and `runCallEffects` feed, merged with the lpTag events.
   */
  readonly inputs?: Observable<CallInput>;
}

const END: StepInput = { type: 'end' };
const TICK: StepInput = { type: 'tick' };
const isStep = (step: CallStep | undefined): step is CallStep => step !== undefined;

/**
 * THE call core as an operator: conversation notifications in, the core's steps out. Every call
 * rule runs in its one step function (`callStep`): the dialog index (dedupe, stale drop,
 * reconnect reconciliation, expiry), the session, the commands and when they are done, answered
 * elsewhere, resume adoption and replay, the publishes and when the call screen lives. The views
 * (`callStreams`), the effects (`runCallEffects`) and the commands (`callCommand`) only read steps.
 *
 * It emits the initial step (idle) on subscribe, then one step per input that changed something.
 * Inputs are observed on the core's own queue scheduler: an input that arrives while a step is
 * being delivered (a command issued inside a handler) is applied right after that delivery. The
 * `inputs` are subscribed before the frames, and whatever either sends at once on subscribe is
 * applied after the initial step (so a command sent on the initial step is never lost). One
 * scheduler action waits for the next invitation to expire. State is per subscription. When the
 * frames complete (the connection closed for good), commands still in flight fail with
 * `client-ended` (one last step) and it completes; an error of the frames or of the inputs is
 * passed on.
 *
 * ```text
 * frames:  --i-----a--c--|       i: INVITED, a: ACCEPTED, c: CLOSED
 * inputs:  -----x---------       x: accept()
 * steps:   s-I--X--A--C--(E|)    I: invited, X: accepting, A: active, C: ended, E: the end
 * ```
 *
 * @example
 * import { callCore, callStreams } from 'lp-call-streams';
 * const { invitation$, closed$ } = callStreams(notification$.pipe(callCore({ autoOffer: false })));
 */
export function callCore(config: CallCoreConfig = {}): OperatorFunction<InboundFrame, CallStep> {
  const scheduler = clampScheduler(config.scheduler ?? asyncScheduler);
  const inputs = config.inputs ?? EMPTY;
  return (frame$) =>
    defer(() => {
      const model = createCallModel(config);
      const tickSubject$ = new Subject<StepInput>();
      const alarm = createAlarm(scheduler, () => tickSubject$.next(TICK));
      const step$ = merge(
        tickSubject$,
        inputs,
        frame$.pipe(
          map((frame): StepInput => ({ type: 'frame', frame })),
          endWith(END),
        ),
      ).pipe(
        observeOn(callQueue),
        takeWhile((input) => input !== END, true),
        map((input) => {
          const step = callStep(model, input, scheduler.now());
          alarm.set(model.dialogs.nextExpiry());
          return step;
        }),
        filter(isStep),
      );
      // The inputs are listened to first (a command sent on the initial step is not lost); what
      // they send at once waits on the queue behind the initial step.
      return merge(step$, of(initialStep)).pipe(finalize(() => alarm.unsubscribe()));
    }).pipe(subscribeOn(callQueue));
}
