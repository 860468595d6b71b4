import { distinctUntilChanged, map, mergeMap, Observable, ReplaySubject, share, subscribeOn, type OperatorFunction } from 'rxjs';
import type { AcceptedCall, CallInvitation, DialogEvent } from '../dialog/types';
import { callQueue } from './queue';
import type { CallError, CallEvent, CallResume, CallState, CallStep, ClosedCall } from './types';

/**
 * The public call streams, every one a view of the core's steps. State streams (`session$`) replay
 * the latest value to a late subscriber; event streams (`dialog$`, `invitation$`, `accepted$`,
 * `closed$`, `error$`) never replay; `resume$` is an event stream whose one replay is state.
 */
export interface CallStreams {
  /** The steps, shared: each subscriber first gets the current one (the latest step, or the initial one), then every new one. */
  readonly step$: Observable<CallStep>;
  /** Events: every COBROWSE dialog change as the server told it (calls and co-browse). No replay. */
  readonly dialog$: Observable<DialogEvent>;
  /**
   * Events: call invitations shown to the visitor, each once; each can be accepted until `closed$`
   * says otherwise. One call at a time: an invitation that arrives while another call is shown or
   * on waits, and comes here when that call ends (if it is still open). No replay.
   */
  readonly invitation$: Observable<CallInvitation>;
  /** Events: the server confirmed the call this page holds (ACCEPTED, here or after a resume), once per call. No replay. */
  readonly accepted$: Observable<AcceptedCall>;
  /**
   * Events: a call this page showed is over, once per call, with its reason: `hangup`, `cancelled`,
   * `expired`, `declined`, `answered-elsewhere` (another tab or device took it), `conversation-closed`,
   * `unknown`, or `failed` with the `failure`. No replay.
   */
  readonly closed$: Observable<ClosedCall>;
  /** Events: `cobrowse` / `sessionError` from LivePerson's call app, and the failure of a resumed call whose dialog is not known. No replay. */
  readonly error$: Observable<CallError>;
  /** Events: `cobrowse` / `sessionResume`; a late subscriber first gets the resume that restored the call still on (e.g. one that fired before the page loaded). */
  readonly resume$: Observable<CallResume>;
  /** State: the call session; replays the latest, emits only real changes. */
  readonly session$: Observable<CallState>;
}

type EventOf<T extends CallEvent['type']> = Extract<CallEvent, { readonly type: T }>;

const isOfType =
  <T extends CallEvent['type']>(type: T) =>
  (event: CallEvent): event is EventOf<T> =>
    event.type === type;

/**
 * The events of `type` in the steps after the one a subscriber joins on (the current step: already
 * happened). The same as `skip(1), mergeMap((step) => step.events), filter(…)` without an inner
 * subscription per step and view: every step passes every view, and most carry one event or none.
 */
function eventsAfterJoin<T extends CallEvent['type']>(type: T): OperatorFunction<CallStep, EventOf<T>> {
  const wanted = isOfType(type);
  return (step$) =>
    new Observable<EventOf<T>>((subscriber) => {
      let joined = false;
      return step$.subscribe({
        next(step) {
          if (!joined) joined = true;
          else for (const event of step.events) if (wanted(event)) subscriber.next(event);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}

/**
 * Shares the core's steps (the first subscriber starts the core, the last one leaving stops it; a
 * later subscriber starts it afresh) and derives every public stream from them. State streams
 * replay: `session$` its latest state, `resume$` the resume that restored the call still on. Event
 * streams skip the step a subscriber joins on: a late subscriber never sees a stale event.
 *
 * Every subscription is made on the core's queue: whatever a host does synchronously inside a
 * handler (a command, another subscription, an unsubscription) happens after the step in hand
 * reached every subscriber — subscription order never matters.
 *
 * ```text
 * steps:        s-I--A--C-|
 * invitation$:  --i-------|
 * session$:     s-I--A--C-|
 * closed$:      --------c-|
 * ```
 *
 * @example
 * import { callCore, callStreams } from 'lp-call-streams';
 * const { invitation$, session$ } = callStreams(notification$.pipe(callCore()));
 */
export function callStreams(core$: Observable<CallStep>): CallStreams {
  const step$ = core$.pipe(
    share({ connector: () => new ReplaySubject<CallStep>(1), resetOnError: true, resetOnComplete: true, resetOnRefCountZero: true }),
    subscribeOn(callQueue),
  );
  const eventsOf = <T extends CallEvent['type']>(type: T): Observable<EventOf<T>> => step$.pipe(eventsAfterJoin(type));
  return {
    step$,
    dialog$: eventsOf('dialog').pipe(map(({ event }) => event)),
    invitation$: eventsOf('invitation').pipe(map(({ invitation }) => invitation)),
    accepted$: eventsOf('accepted').pipe(map(({ call }) => call)),
    closed$: eventsOf('closed').pipe(map(({ call }) => call)),
    error$: eventsOf('error').pipe(map(({ error }) => error)),
    resume$: step$.pipe(
      mergeMap((step, index) =>
        index === 0 ? (step.resumed === undefined ? [] : [step.resumed]) : step.events.flatMap((event) => (event.type === 'resume' ? [event.resume] : [])),
      ),
    ),
    session$: step$.pipe(
      map(({ session }) => session),
      distinctUntilChanged(),
    ),
  };
}
