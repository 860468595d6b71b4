/**
 * Builders of outbound request frames. Each takes the request `id` (unique per socket; the caller
 * owns the counter) and returns a typed frame for `encode`.
 */
import type {
  ClientPropertiesHeader,
  ConsumerRequestConversationBody,
  ConversationState,
  PublishEventBody,
  RequestBodies,
  RequestFrame,
  RequestType,
  SubscribeExConversationsBody,
  SubscribeMessagingEventsBody,
  UpdateConversationFieldBody,
} from './types';

/**
 * Any request: `{kind: "req", id, type, body}`, `body` left out when `undefined`.
 *
 * @example
 * ```ts
 * import { buildRequest } from 'lp-call-streams/protocol';
 * buildRequest('3', 'cqm.UnsubscribeExConversations', { subscriptionId }); // used by the rpc layer
 * ```
 */
export function buildRequest<T extends RequestType>(id: string, type: T, body: RequestBodies[T]): RequestFrame<T> {
  return body === undefined ? { kind: 'req', id, type } : { kind: 'req', id, type, body };
}

export interface InitConnectionOptions {
  /** The LP consumer JWT. It goes in a header of this frame only: never in a URL or a log. */
  readonly jwt: string;
  /** Include `features: ['CO_BROWSE', …]` to receive call invitations. */
  readonly clientProperties: Omit<ClientPropertiesHeader, 'type'>;
}

/** `InitConnection` with the ClientProperties and ConsumerAuthentication headers (browsers send it first). */
export function initConnection(id: string, options: InitConnectionOptions): RequestFrame<'InitConnection'> {
  return {
    kind: 'req',
    id,
    type: 'InitConnection',
    headers: [
      { ...options.clientProperties, type: '.ams.headers.ClientProperties' },
      { type: '.ams.headers.ConsumerAuthentication', jwt: options.jwt },
    ],
  };
}

/** `GetClock`: the applicative keep-alive (response body `{currentTime}`). */
export function getClock(id: string): RequestFrame<'GetClock'> {
  return { kind: 'req', id, type: 'GetClock' };
}

/** `cm.ConsumerRequestConversation` (body optional; response `{conversationId}`). */
export function consumerRequestConversation(id: string, body?: ConsumerRequestConversationBody): RequestFrame<'cm.ConsumerRequestConversation'> {
  return buildRequest(id, 'cm.ConsumerRequestConversation', body);
}

/** `ms.PublishEvent` (response `{sequence}`). */
export function publishEvent(id: string, body: PublishEventBody): RequestFrame<'ms.PublishEvent'> {
  return buildRequest(id, 'ms.PublishEvent', body);
}

export interface PublishTextOptions {
  readonly conversationId: string;
  /** Default: `conversationId` (the MAIN dialog's id equals the conversation's). */
  readonly dialogId?: string;
  readonly text: string;
}

/** `ms.PublishEvent` with a `text/plain` ContentEvent. */
export function publishText(id: string, options: PublishTextOptions): RequestFrame<'ms.PublishEvent'> {
  return publishEvent(id, {
    dialogId: options.dialogId ?? options.conversationId,
    conversationId: options.conversationId,
    event: { type: 'ContentEvent', contentType: 'text/plain', message: options.text },
  });
}

/** `ms.SubscribeMessagingEvents` (`fromSeq`: replay events with sequence ≥ it). */
export function subscribeMessagingEvents(id: string, body: SubscribeMessagingEventsBody): RequestFrame<'ms.SubscribeMessagingEvents'> {
  return buildRequest(id, 'ms.SubscribeMessagingEvents', body);
}

/** `cm.UpdateConversationField`. */
export function updateConversationField(id: string, body: UpdateConversationFieldBody): RequestFrame<'cm.UpdateConversationField'> {
  return buildRequest(id, 'cm.UpdateConversationField', body);
}

/** Closes a conversation: `ConversationStateField` → `CLOSE` (the API-reference form). */
export function closeConversation(id: string, conversationId: string): RequestFrame<'cm.UpdateConversationField'> {
  return updateConversationField(id, { conversationId, conversationField: [{ field: 'ConversationStateField', conversationState: 'CLOSE' }] });
}

const BOTH_STATES: readonly ConversationState[] = ['OPEN', 'CLOSE'];

/** The default subscription filter: open and closed conversations, by MAIN-dialog state and by stage. */
export const DEFAULT_EX_CONVERSATIONS_FILTER: SubscribeExConversationsBody = { convState: BOTH_STATES, stage: BOTH_STATES };

/** `cqm.SubscribeExConversations` (response `{subscriptionId}`); default filter: OPEN and CLOSE. */
export function subscribeExConversations(id: string, body: SubscribeExConversationsBody = DEFAULT_EX_CONVERSATIONS_FILTER): RequestFrame<'cqm.SubscribeExConversations'> {
  return buildRequest(id, 'cqm.SubscribeExConversations', body);
}

/** `cqm.UnsubscribeExConversations`. */
export function unsubscribeExConversations(id: string, subscriptionId: string): RequestFrame<'cqm.UnsubscribeExConversations'> {
  return buildRequest(id, 'cqm.UnsubscribeExConversations', { subscriptionId });
}
