/**
 * The typed wire model of the consumer Messaging Window API: types, `decode` (total, typed errors),
 * `decodeCallFrame` (what the call path reads, the rest left as it came), `messagingChangesOf`,
 * `encode`, request builders and type guards. Pure: no rxjs, no globals.
 */
export * from './types';
export { decode } from './decode-frame';
export { decodeCallFrame } from './decode-call-frame';
export { messagingChangesOf, type MessagingChanges } from './decode-messaging';
export { decodeResponseBody } from './decode-response';
export { encode } from './encode';
export {
  buildRequest,
  closeConversation,
  consumerRequestConversation,
  DEFAULT_EX_CONVERSATIONS_FILTER,
  getClock,
  initConnection,
  publishEvent,
  publishText,
  subscribeExConversations,
  subscribeMessagingEvents,
  unsubscribeExConversations,
  updateConversationField,
} from './builders';
export type { InitConnectionOptions, PublishTextOptions } from './builders';
export { isCobrowseDialog, isExConversationChange, isMessagingEvent, isNotification, isResponse } from './guards';
