import { asyncScheduler, concat, EMPTY, expand, map, merge, mergeMap, of, switchScan, takeWhile, timer } from 'rxjs';
import type { Observable, OperatorFunction, SchedulerLike } from 'rxjs';
import type { InboundFrame } from '../protocol/types';
import { reduceDialogs } from './reducer';
import { INITIAL_DIALOGS_STATE, nextExpiry } from './state';
import type { DialogInput, DialogsState, DialogStep } from './state';
import type { DialogEvent } from './types';

/** Options of {@link callDialogs}. */
export interface CallDialogsConfig {
  /** Supplies `now()` and runs the expiry timers (default `asyncScheduler`; a `TestScheduler` in tests). */
  readonly scheduler?: SchedulerLike;
  /** Ids of dialogs the consumer declined: each such open invitation closes at once with reason `declined`. */
  readonly declined$?: Observable<string>;
  /**
   * Clock skew tolerated between LivePerson and the page: an invitation that closes at most this
   * long before its `expiresAt` (page clock) closes as `expired`, not `cancelled`. Default 2000 ms.
   */
  readonly expirySkewMs?: number;
}

const TICK: DialogInput = { type: 'tick' };
const END = { type: 'end' } as const;

/**
 * `dialog$`: every COBROWSE dialog (calls and co-browse) of a notification stream as typed,
 * de-duplicated events — `invited`, `accepted` (once), `updated`, `closed` (exactly once, with a reason).
 *
 * Re-sent, stale (older `metaDataLastUpdateTs`) and replayed snapshots emit nothing; invitations
 * already expired on arrival are never announced; an announced invitation closes as `expired` when
 * its `expiresAt` passes (a timer on `scheduler`). A new `subscriptionId` marks the full listing
 * after a (re)subscribe, which reconciles: what closed meanwhile closes once, what is still open
 * is not announced again. The rules live in the pure `reduceDialogs`; this is its rxjs wiring.
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
  const options = config.expirySkewMs === undefined ? {} : { expirySkewMs: config.expirySkewMs };

  // One reducer step, then a tick whenever the next announced invitation is due (`expand` chains them).
  const run = (state: DialogsState, input: DialogInput): Observable<DialogStep> =>
    of(reduceDialogs(state, input, scheduler.now(), options)).pipe(
      expand((step) => {
        const at = nextExpiry(step.state);
        return at === undefined
          ? EMPTY
          : timer(Math.max(0, at - scheduler.now()), scheduler).pipe(map(() => reduceDialogs(step.state, TICK, scheduler.now(), options)));
      }),
    );

  return (source) =>
    merge(
      // END lets the source's completion end everything, although `declined$` may never complete.
      concat(source.pipe(map((frame): DialogInput => ({ type: 'frame', frame }))), of(END)),
      declined$.pipe(map((dialogId): DialogInput => ({ type: 'close', dialogId, reason: 'declined' }))),
    ).pipe(
      takeWhile((input) => input.type !== 'end', true),
      // Each input replaces the pending expiry timer; the accumulator is the latest step emitted.
      switchScan((step: DialogStep, input) => (input.type === 'end' ? EMPTY : run(step.state, input)), { state: INITIAL_DIALOGS_STATE, events: [] }),
      mergeMap((step) => step.events),
    );
}
