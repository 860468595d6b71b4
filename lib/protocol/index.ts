/**
 * The typed wire model of the consumer Messaging Window API: types, `decode` (total, typed errors),
 * `encode`, request builders and type guards. Pure: no rxjs, no globals.
 */
export * from './types';
export { decode } from './decode-frame';
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
