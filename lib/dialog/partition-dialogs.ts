import { filter, map, share } from 'rxjs';
import type { Observable } from 'rxjs';
import type { AcceptedCall, CallInvitation, ClosedCall, DialogEvent } from './types';

/** One `dialog$` event of the given type. */
export type DialogEventOf<T extends DialogEvent['type']> = Extract<DialogEvent, { readonly type: T }>;

/** Type guard for `invited` events (for `filter`, `ofType`-style). */
export const isInvitedEvent = (event: DialogEvent): event is DialogEventOf<'invited'> => event.type === 'invited';
/** Type guard for `accepted` events. */
export const isAcceptedEvent = (event: DialogEvent): event is DialogEventOf<'accepted'> => event.type === 'accepted';
/** Type guard for `closed` events. */
export const isClosedEvent = (event: DialogEvent): event is DialogEventOf<'closed'> => event.type === 'closed';

/** The dialog streams, all fed by ONE shared subscription of the source. */
export interface DialogStreams {
  /** Every event, shared. */
  readonly dialog$: Observable<DialogEvent>;
  /** Open, unexpired invitations (calls and co-browse: check `isCall`), each once. */
  readonly invitation$: Observable<CallInvitation>;
  /** Accepted dialogs, once each (the second ACCEPTED, `joined`, is an `updated` on `dialog$`). */
  readonly accepted$: Observable<AcceptedCall>;
  /** Ended dialogs with their reason, exactly once each. */
  readonly closed$: Observable<ClosedCall>;
}

/**
 * Splits `dialog$` into `invitation$`, `accepted$` and `closed$` by type guards over ONE shared
 * subscription of `source` (RxJS's `partition` would subscribe once per output).
 *
 * Contract: `source` is subscribed when the first of the four streams is, and unsubscribed when
 * the last one leaves (`share()`, ref-counted); a later subscriber starts it afresh (for
 * `callDialogs`, with fresh state). Nothing is replayed: these are events, so subscribe to every
 * stream you need before the source emits (one synchronous block is enough for an asynchronous
 * source). Completion and errors reach every stream.
 *
 * ```text
 * dialog$:      --I--A--U--C--|
 * invitation$:  --i-----------|
 * accepted$:    -----a--------|
 * closed$:      -----------c--|
 * ```
 *
 * @example
 * import { callDialogs, partitionDialogs } from 'lp-call-streams';
 * const { invitation$, accepted$, closed$ } = partitionDialogs(notification$.pipe(callDialogs()));
 */
export function partitionDialogs(source: Observable<DialogEvent>): DialogStreams {
  const dialog$ = source.pipe(share());
  return {
    dialog$,
    invitation$: dialog$.pipe(
      filter(isInvitedEvent),
      map((event) => event.dialog),
    ),
    accepted$: dialog$.pipe(
      filter(isAcceptedEvent),
      map((event) => event.dialog),
    ),
    closed$: dialog$.pipe(
      filter(isClosedEvent),
      map(({ dialog, reason }) => ({ dialog, reason })),
    ),
  };
}
