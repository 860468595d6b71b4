import { defer, filter, ignoreElements, merge, mergeMap, type Observable, tap } from 'rxjs';
import { messagingChangesOf } from '../protocol/decode-messaging';
import type { DecodeError, InboundFrame, MessagingEventChange } from '../protocol/types';
import { onEveryLink, subscribeOn, type SubscriptionDeps } from './per-link';

/** The messaging changes of a frame of link `generation` (see {@link messagingDecoder}). */
export type MessagingChangesOf = (frame: InboundFrame, generation: number) => readonly MessagingEventChange[];

/**
 * The messaging changes of a frame, decoded once however many dialogs are followed: a frame the
 * call client's decoder left undecoded is decoded on first demand (kept while the frame lives);
 * what it drops goes to `onError`.
 */
export function messagingDecoder(onError: (generation: number, error: DecodeError) => void): MessagingChangesOf {
  const decoded = new WeakMap<InboundFrame, readonly MessagingEventChange[]>();
  return (frame, generation) => {
    if (frame.kind !== 'notification' || frame.type !== 'unknown') return messagingChangesOf(frame).changes;
    let changes = decoded.get(frame);
    if (changes === undefined) {
      const result = messagingChangesOf(frame);
      for (const error of result.errors) onError(generation, error);
      changes = result.changes;
      decoded.set(frame, changes);
    }
    return changes;
  };
}

/** Which dialog to follow, and from which sequence on the first subscribe. */
export interface MessagingEventsTarget {
  readonly dialogId: string;
  readonly conversationId?: string;
  readonly fromSeq?: number;
}

/**
 * `ms.SubscribeMessagingEvents` that survives reconnects: listens, then subscribes on every new
 * link with `fromSeq` = last seen sequence + 1, and emits each event of the dialog once (events
 * with a sequence at or below the last seen one are dropped; chat states carry none and pass).
 *
 * ```
 * link$:   a-----------u--b-----
 * events:  --1--2-----------2--3    (server replays 2 on b)
 * result:  --1--2--------------3
 * ```
 */
export function messagingEvents(target: MessagingEventsTarget, deps: SubscriptionDeps & { readonly changesOf: MessagingChangesOf }): Observable<MessagingEventChange> {
  return defer(() => {
    let lastSeq = target.fromSeq === undefined ? undefined : target.fromSeq - 1;
    return onEveryLink(deps, (link) =>
      merge(
        // Listen, then send.
        link.frame$.pipe(
          mergeMap((frame) => deps.changesOf(frame, link.generation)),
          filter((change) => change.dialogId === target.dialogId),
          filter((change) => change.sequence === undefined || lastSeq === undefined || change.sequence > lastSeq),
          tap((change) => {
            if (change.sequence !== undefined) lastSeq = change.sequence;
          }),
        ),
        // `conversationId` is left out of the frame when undefined (JSON drops it).
        subscribeOn(
          link,
          'ms.SubscribeMessagingEvents',
          () => ({ dialogId: target.dialogId, conversationId: target.conversationId, fromSeq: lastSeq === undefined ? 0 : lastSeq + 1 }),
          deps,
        ).pipe(ignoreElements()),
      ),
    );
  });
}
