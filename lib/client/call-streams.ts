import { distinctUntilChanged, filter, map, mergeMap, skip, type Observable } from 'rxjs';
import { isAcceptedEvent, isClosedEvent, isInvitedEvent } from '../dialog/partition-dialogs';
import type { AcceptedCall, CallInvitation, ClosedCall, DialogEvent } from '../dialog/types';
import type { CoreEvent, CoreStep, ResumeSignal, SessionErrorSignal } from '../session/call-core';
import type { CallState } from '../session/call-state';

/** The public call streams, all derived from the call core's steps. */
export interface CallStreams {
  readonly dialog$: Observable<DialogEvent>;
  readonly invitation$: Observable<CallInvitation>;
  readonly accepted$: Observable<AcceptedCall>;
  readonly closed$: Observable<ClosedCall>;
  readonly resume$: Observable<ResumeSignal>;
  readonly sessionError$: Observable<SessionErrorSignal>;
  readonly session$: Observable<CallState>;
}

/**
 * Derives every public call stream from `step$` (hot, each subscriber first gets the current
 * step): state streams replay it (`session$` its state; `resume$` the resume that restored the
 * current call, while it is on), event streams skip it — a late subscriber never sees a stale event.
 */
export function callStreams(step$: Observable<CoreStep>): CallStreams {
  /** Events of the steps that happen after the subscription. */
  const events$ = step$.pipe(
    skip(1), // the current step: already happened
    mergeMap((step) => step.events),
  );
  const dialog$ = events$.pipe(
    filter((event): event is Extract<CoreEvent, { type: 'dialog' }> => event.type === 'dialog'),
    map(({ event }) => event),
  );
  return {
    dialog$,
    invitation$: dialog$.pipe(
      filter(isInvitedEvent),
      map(({ dialog }) => dialog),
    ),
    accepted$: dialog$.pipe(
      filter(isAcceptedEvent),
      map(({ dialog }) => dialog),
    ),
    closed$: dialog$.pipe(
      filter(isClosedEvent),
      map(({ dialog, reason }) => ({ dialog, reason })),
    ),
    resume$: step$.pipe(
      mergeMap((step, index) =>
        index === 0
          ? step.resumed === undefined ? [] : [step.resumed]
          : step.events.flatMap((event) => (event.type === 'resume' ? [event.resume] : [])),
      ),
    ),
    sessionError$: events$.pipe(
      filter((event): event is Extract<CoreEvent, { type: 'session-error' }> => event.type === 'session-error'),
      map(({ error }) => error),
    ),
    session$: step$.pipe(
      map(({ state }) => state),
      distinctUntilChanged(),
    ),
  };
}
