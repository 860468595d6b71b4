import { asyncScheduler, EMPTY, Observable } from 'rxjs';
import type { OperatorFunction, SchedulerLike } from 'rxjs';
import type { InboundFrame } from '../protocol/types';
import { createAlarm } from './alarm';
import type { DialogInput } from './state';
import { createDialogTracker, type DialogTrackerOptions } from './tracker';
import type { DialogEvent } from './types';

/** Options of {@link callDialogs}. */
export interface CallDialogsConfig {
  /** Supplies `now()` and runs the expiry timer (default `asyncScheduler`; a `TestScheduler` in tests). */
  readonly scheduler?: SchedulerLike;
  /** Ids of dialogs the consumer declined: each such open invitation closes at once with reason `declined`. */
  readonly declined$?: Observable<string>;
  /**
   * Clock skew tolerated between LivePerson and the page: an invitation that closes at most this
   * long before its `expiresAt` (page clock) closes as `expired`, not `cancelled`. Default 2000 ms.
   */
  readonly expirySkewMs?: number;
  /** Closed dialogs remembered so replays cannot revive them; default 10 000 (see `createDialogTracker`). */
  readonly retainClosed?: number;
  /** Conversations without an open dialog remembered; default 1 000 (see `createDialogTracker`). */
  readonly retainConversations?: number;
}

const TICK: DialogInput = { type: 'tick' };

/**
 * `dialog$`: every COBROWSE dialog (calls and co-browse) of a notification stream as typed,
 * de-duplicated events — `invited`, `accepted` (once), `updated`, `closed` (exactly once, with a reason).
 *
 * Re-sent, stale (older `metaDataLastUpdateTs`) and replayed snapshots emit nothing; invitations
 * already expired on arrival are never announced; an announced invitation closes as `expired` when
 * its `expiresAt` passes (one timer on `scheduler`, re-armed only when the next expiry changes).
 * A new `subscriptionId` marks the full listing after a (re)subscribe, which reconciles: what
 * closed meanwhile closes once, what is still open is not announced again. The rules live in
 * `createDialogTracker` (work per frame proportional to the frame); this is its rxjs wiring.
 *
 * State is per subscription; unsubscribing tears down the pending expiry timer. The source
 * completing completes the output at once (pending expiries are dropped); a source error (or a
 * `declined$` error) is passed on. Frames other than `cqm.ExConversationChangeNotification` are ignored.
 *
 * ```text
 * frames:   --i--i--a--j---c--|     i: INVITED, a/j: ACCEPTED (accepted, then joined), c: CLOSED
 * dialog$:  --I-----A--U---C--|     I: invited, A: accepted, U: updated, C: closed (hangup)
 * ```
 *
 * @example
 * import { callDialogs, partitionDialogs } from 'lp-call-streams';
 * const { invitation$, closed$ } = partitionDialogs(notification$.pipe(callDialogs({ declined$ })));
 */
export function callDialogs(config: CallDialogsConfig = {}): OperatorFunction<InboundFrame, DialogEvent> {
  const scheduler = config.scheduler ?? asyncScheduler;
  const declined$ = config.declined$ ?? EMPTY;
  const options: DialogTrackerOptions = {
    ...(config.expirySkewMs === undefined ? {} : { expirySkewMs: config.expirySkewMs }),
    ...(config.retainClosed === undefined ? {} : { retainClosed: config.retainClosed }),
    ...(config.retainConversations === undefined ? {} : { retainConversations: config.retainConversations }),
  };

  return (source) =>
    new Observable<DialogEvent>((subscriber) => {
      const tracker = createDialogTracker(options);
      const feed = (input: DialogInput): void => {
        for (const event of tracker.apply(input, scheduler.now())) subscriber.next(event);
        alarm.set(tracker.nextExpiry());
      };
      const alarm = createAlarm(scheduler, () => feed(TICK));
      subscriber.add(alarm);
      subscriber.add(
        source.subscribe({
          next: (frame) => feed({ type: 'frame', frame }),
          error: (error: unknown) => subscriber.error(error),
          // Pending expiries are dropped: there is no connection left to be news about.
          complete: () => subscriber.complete(),
        }),
      );
      if (subscriber.closed) return;
      subscriber.add(
        declined$.subscribe({
          next: (dialogId) => feed({ type: 'close', dialogId, reason: 'declined' }),
          error: (error: unknown) => subscriber.error(error),
        }),
      );
    });
}
