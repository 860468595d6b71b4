import { catchError, defer, EMPTY, filter, ignoreElements, merge, mergeMap, type Observable, switchMap, tap } from 'rxjs';
import { ConnectionLostError, RequestTimeoutError } from '../errors';
import type { MessagingEventChange } from '../protocol/types';
import type { Link } from '../rpc/link';
import { sendRequest } from '../rpc/request';
import { retryRequest } from '../rpc/retry';
import type { SubscriptionDeps } from './ex-conversations';
import { isMessagingEvent } from '../protocol';

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
export function messagingEvents(target: MessagingEventsTarget, deps: SubscriptionDeps): Observable<MessagingEventChange> {
  const requestType = 'ms.SubscribeMessagingEvents';
  return defer(() => {
    let lastSeq = target.fromSeq === undefined ? undefined : target.fromSeq - 1;
    const onLink = (link: Link): Observable<MessagingEventChange> => {
      const event$ = link.frame$.pipe(
        filter(isMessagingEvent),
        mergeMap((notification) => notification.body.changes),
        filter((change) => change.dialogId === target.dialogId),
        filter((change) => change.sequence === undefined || lastSeq === undefined || change.sequence > lastSeq),
        tap((change) => {
          if (change.sequence !== undefined) lastSeq = change.sequence;
        }),
      );
      const subscribe$ = defer(() => {
        const body = {
          dialogId: target.dialogId,
          ...(target.conversationId === undefined ? {} : { conversationId: target.conversationId }),
          fromSeq: lastSeq === undefined ? 0 : lastSeq + 1,
        };
        return sendRequest(link, requestType, body, { timeoutMs: deps.timeoutMs, scheduler: deps.scheduler });
      }).pipe(
        retryRequest({ scheduler: deps.scheduler, retryAlso: (error) => error instanceof RequestTimeoutError }),
        ignoreElements(),
        catchError((error: unknown) => {
          if (!(error instanceof ConnectionLostError)) deps.onFailure(requestType, error);
          return EMPTY;
        }),
      );
      return merge(event$, subscribe$); // listen, then send
    };
    return deps.link$.pipe(switchMap((link) => (link === undefined ? EMPTY : onLink(link))));
  });
}
