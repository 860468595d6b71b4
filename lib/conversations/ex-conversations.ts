import { filter, finalize, type Observable, switchMap } from 'rxjs';
import { DEFAULT_EX_CONVERSATIONS_FILTER, isExConversationChange, unsubscribeExConversations } from '../protocol';
import type { ExConversationChangeNotification, SubscribeExConversationsBody } from '../protocol/types';
import { onEveryLink, subscribeOn, type SubscriptionDeps } from './per-link';

export type { SubscriptionDeps } from './per-link';

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
  return onEveryLink(deps, (link) =>
    subscribeOn(link, 'cqm.SubscribeExConversations', () => body ?? DEFAULT_EX_CONVERSATIONS_FILTER, deps).pipe(
      switchMap(({ body: { subscriptionId } }) =>
        link.frame$.pipe(
          filter(isExConversationChange),
          filter((notification) => notification.body.subscriptionId === undefined || notification.body.subscriptionId === subscriptionId),
          finalize(() => {
            // Fire and forget, on this link only: `send` is a no-op once the socket is gone.
            link.send(unsubscribeExConversations(link.nextId(), subscriptionId));
          }),
        ),
      ),
    ),
  );
}
