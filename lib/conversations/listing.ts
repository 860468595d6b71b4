import type { ConversationChange, ExConversationChangeNotification } from '../protocol/types';
import type { Replay } from './registry';

/**
 * What a late subscriber of a shared `cqm.SubscribeExConversations` needs first: the current
 * listing. The server sends its full listing once per subscription (the first notification), then
 * only changes; this keeps the latest snapshot of each listed conversation (an UPSERT is a whole
 * snapshot, a DELETE removes it) and replays them as ONE notification of the same subscription —
 * exactly what a first subscriber saw as its listing, brought up to date.
 *
 * Memory: one snapshot per conversation the server lists now; a new `subscriptionId` (after a
 * reconnect the server sends a new full listing) starts over.
 */
export function createListingReplay(): Replay<ExConversationChangeNotification> {
  const conversations = new Map<string, ConversationChange>();
  let subscriptionId: string | undefined;
  let seen = false;
  return {
    record({ body }) {
      if (body.subscriptionId !== undefined && body.subscriptionId !== subscriptionId) {
        subscriptionId = body.subscriptionId;
        conversations.clear();
      }
      seen = true;
      for (const change of body.changes) {
        if (change.type === 'UPSERT') conversations.set(change.result.convId, change);
        else conversations.delete(change.result.convId);
      }
    },
    current() {
      if (!seen) return [];
      const listing: ExConversationChangeNotification = {
        kind: 'notification',
        type: 'cqm.ExConversationChangeNotification',
        body: { ...(subscriptionId === undefined ? {} : { subscriptionId }), changes: [...conversations.values()] },
      };
      return [listing];
    },
  };
}
