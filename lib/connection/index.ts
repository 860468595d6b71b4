/**
 * lp-call-streams/connection — the Messaging Window API connection on its own, for chat and your
 * own pipelines: `createConnection` (socket, InitConnection gate, keep-alive, reconnect by close
 * code, auth refresh, requests by reqId, subscriptions re-issued on every socket), `retryRequest`
 * and the types around them. `createCallClient` (the package root) runs one. The auth providers and
 * the errors are in the package root.
 */
export { createConnection } from './create-connection';
export type { Connection, ConnectionConfig, ConnectionState, EndpointConfig, MessagingEventsOptions, RequestOptions } from './types';
export type { ConnectionDiagnostic } from './diagnostics';
export type { SocketDiagnostic } from '../transport/socket-link';
export type { TypedResponse } from '../rpc/request';
export { retryRequest } from '../rpc/retry';
export type { RetryRequestConfig } from '../rpc/retry';
export type { QueueConfig, QueueDropReason } from '../rpc/queue';
export type { ClientPropertiesConfig } from '../transport/client-properties';
export type { KeepAliveConfig } from '../transport/keep-alive';
export type { EndCause, ReconnectPolicy, Refresh } from '../transport/reconnect-policy';
export { CloseCode } from '../transport/close-codes';
export type { CloseEventLike, CloseInfo, Handler, MessageEventLike, WebSocketFactory, WebSocketLike } from '../transport/websocket-like';
