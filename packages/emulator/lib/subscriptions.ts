/**
 * One socket's `cqm.SubscribeExConversations` subscriptions: which conversations each has seen, and
 * the notification frames a change produces for them. Returns frames; the socket sends them.
 *
 * - the initial notification lists every matching conversation in ONE frame (or `changes: []`);
 * - a conversation joins a subscription when it matches the filter (`convState`, `stage`) and then stays
 *   in it (so a subscriber to OPEN ones still sees the closing UPSERT) until its DELETE;
 * - without the CO_BROWSE feature, COBROWSE dialogs are left out and changes touching only them are not sent.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from './json';
import type { SubscribeConversationsInput } from './request-bodies';
import { deleteChange, exConversationNotification, upsertChange } from './snapshots';
import type { AgentIdentity, StoredConversation } from './store';

interface Subscription {
  readonly id: string;
  readonly filter: SubscribeConversationsInput;
  readonly seen: Set<string>;
}

function matches(filter: SubscribeConversationsInput, conversation: StoredConversation): boolean {
  return (filter.convState?.includes(conversation.state) ?? true) && (filter.stage?.includes(conversation.stage) ?? true);
}

export class ConversationSubscriptions {
  private readonly subscriptions = new Map<string, Subscription>();

  constructor(
    private readonly agent: AgentIdentity,
    private readonly withCobrowse: () => boolean,
    private readonly now: () => number,
  ) {}

  /** Adds a subscription (a new id each time) and returns it with its initial notification. */
  add(filter: SubscribeConversationsInput, conversations: readonly StoredConversation[]): { subscriptionId: string; initial: JsonObject } {
    const subscription: Subscription = { id: randomUUID(), filter, seen: new Set() };
    this.subscriptions.set(subscription.id, subscription);
    const listed = conversations.filter((c) => matches(filter, c) && c.metaDataLastUpdateTs >= filter.minLastUpdatedTime);
    for (const c of listed) subscription.seen.add(c.convId);
    const changes = listed.map((c) => upsertChange(c, this.agent, this.withCobrowse()));
    return { subscriptionId: subscription.id, initial: exConversationNotification(subscription.id, changes, this.now()) };
  }

  /** Whether it existed. */
  remove(subscriptionId: string): boolean {
    return this.subscriptions.delete(subscriptionId);
  }

  ids(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** The UPSERT frames for a change. */
  changed(conversation: StoredConversation, cobrowseOnly: boolean): JsonObject[] {
    if (cobrowseOnly && !this.withCobrowse()) return [];
    const frames: JsonObject[] = [];
    for (const subscription of this.subscriptions.values()) {
      if (!subscription.seen.has(conversation.convId) && !matches(subscription.filter, conversation)) continue;
      subscription.seen.add(conversation.convId);
      frames.push(exConversationNotification(subscription.id, [upsertChange(conversation, this.agent, this.withCobrowse())], this.now()));
    }
    return frames;
  }

  /** The DELETE frames for subscriptions that had the conversation. */
  deleted(conversation: StoredConversation): JsonObject[] {
    const frames: JsonObject[] = [];
    for (const subscription of this.subscriptions.values()) {
      if (!subscription.seen.delete(conversation.convId)) continue;
      frames.push(exConversationNotification(subscription.id, [deleteChange(conversation, this.agent, this.withCobrowse())], this.now()));
    }
    return frames;
  }
}
