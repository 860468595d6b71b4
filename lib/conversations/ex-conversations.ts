import { catchError, EMPTY, filter, finalize, type Observable, type SchedulerLike, switchMap } from 'rxjs';
import { ConnectionLostError, RequestTimeoutError } from '../errors';
import { DEFAULT_EX_CONVERSATIONS_FILTER, isExConversationChange, unsubscribeExConversations } from '../protocol';
import type { ExConversationChangeNotification, SubscribeExConversationsBody } from '../protocol/types';
import type { Link } from '../rpc/link';
import { sendRequest } from '../rpc/request';
import { retryRequest } from '../rpc/retry';


export interface SubscriptionDeps {
  /** The current open link, `undefined` while there is none (distinct values). */
  readonly link$: Observable<Link | undefined>;
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
  /** A (re-)subscribe failed on a link for good; it is tried again on the next link. */
  readonly onFailure: (requestType: string, error: unknown) => void;
}

/**
 * `cqm.SubscribeExConversations` (default filter: OPEN and CLOSE) that survives reconnects: on every new link it subscribes, then
 * emits that subscription's notifications (matched by `subscriptionId`). When the subscriber
 * leaves while the link is open it sends `cqm.UnsubscribeExConversations` on that same link; an
 * unsubscribe for a dead link is dropped, never sent on a new one.
 *
 * ```
 * link$:   a--------u----b-------
 * result:  --n--n------------n--n   (re-subscribed on b)
 * ```
 */
export function exConversations(body: SubscribeExConversationsBody | undefined, deps: SubscriptionDeps): Observable<ExConversationChangeNotification> {
  const requestType = 'cqm.SubscribeExConversations';
  const onLink = (link: Link): Observable<ExConversationChangeNotification> =>
    sendRequest(link, requestType, body ?? DEFAULT_EX_CONVERSATIONS_FILTER, { timeoutMs: deps.timeoutMs, scheduler: deps.scheduler }).pipe(
      retryRequest({ scheduler: deps.scheduler, retryAlso: (error) => error instanceof RequestTimeoutError }),
      switchMap((response) => {
        const { subscriptionId } = response.body;
        return link.frame$.pipe(
          filter(isExConversationChange),
          filter((notification) => notification.body.subscriptionId === undefined || notification.body.subscriptionId === subscriptionId),
          finalize(() => {
            // Fire and forget, on this link only: `send` is a no-op once the socket is gone.
            link.send(unsubscribeExConversations(link.nextId(), subscriptionId));
          }),
        );
      }),
      catchError((error: unknown) => {
        if (!(error instanceof ConnectionLostError)) deps.onFailure(requestType, error);
        return EMPTY;
      }),
    );
  return deps.link$.pipe(switchMap((link) => (link === undefined ? EMPTY : onLink(link))));
}
