import type { Observable, SchedulerLike } from 'rxjs';
import type { AuthProvider, FetchLike } from 'lp-call-streams';
import type {
  DecodeResult,
  ExConversationChangeNotification,
  MessagingEventChange,
  NotificationFrame,
  RequestBodies,
  RequestType,
  SubscribeExConversationsBody,
} from 'lp-call-streams/protocol';
import type { QueueConfig } from '../rpc/queue';
import type { TypedResponse } from '../rpc/request';
import type { ClientPropertiesConfig } from '../transport/client-properties';
import type { KeepAliveConfig } from '../transport/keep-alive';
import type { EndCause, ReconnectPolicy } from '../transport/reconnect-policy';
import type { WebSocketFactory } from '../transport/websocket-like';
import type { ConnectionDiagnostic } from './diagnostics';

/** Where the socket is: an explicit URL, or looked up through the Domain API. */
export type EndpointConfig =
  | { readonly socketUrl: string; /** For IdP lookups by the auth provider. */ readonly domainApi?: string }
  | { /** Default `https://api.liveperson.net`. The socket scheme follows it (http → ws, https → wss). */ readonly domainApi?: string };

/** Configuration of {@link createConnection}. Only `accountId` and `auth` are required. */
export interface ConnectionConfig {
  readonly accountId: string;
  readonly auth: AuthProvider;
  /** Default: the Domain API at `https://api.liveperson.net`. */
  readonly endpoint?: EndpointConfig;
  /** Default: `globalThis.WebSocket` when present (browsers, jsdom); required in Node (`ws`). */
  readonly webSocketFactory?: WebSocketFactory;
  /** Default: `asyncScheduler`. All timers of the connection run on it. */
  readonly scheduler?: SchedulerLike;
  /** Jitter source in `[0, 1)`. Default `Math.random`. */
  readonly random?: () => number;
  readonly keepAlive?: Partial<KeepAliveConfig>;
  readonly reconnect?: Partial<ReconnectPolicy>;
  readonly queue?: Partial<QueueConfig>;
  /** Default timeout of `request()`. Default 10 000 ms. */
  readonly requestTimeoutMs?: number;
  /** The socket must open, and then InitConnection be answered, each within this (else close 4001). Default 10 000 ms. */
  readonly handshakeTimeoutMs?: number;
  /** The auth provider must yield a token within this. Default 30 000 ms. */
  readonly tokenTimeoutMs?: number;
  /** Overrides of the detected ClientProperties; `features` are added to `CO_BROWSE` and `MULTI_DIALOG`. */
  readonly clientProperties?: ClientPropertiesConfig;
  /** Where the user agent is read from. Default `globalThis.navigator`. */
  readonly navigator?: { readonly userAgent: string };
  /** Default: the global `fetch` (used for the Domain API and by the IdP auth providers). */
  readonly fetch?: FetchLike;
  /**
   * Largest inbound frame parsed, in characters of a text frame (UTF-16 code units). A longer frame
   * is dropped unparsed with a `frame-too-large` diagnostic and the connection lives on. Default
   * 1,048,576 (1 MiB); `Infinity` turns the cap off.
   */
  readonly maxInboundFrameSize?: number;
  /**
   * How a text frame becomes a typed frame: `decode` (the default here: the full typed model) or
   * `decodeCallFrame` (what the call path reads, the rest left as it came: the default of
   * `createCallClient`), both from `lp-call-streams/protocol`. Must be total (never throw).
   */
  readonly decodeFrame?: (text: string) => DecodeResult;
}

/** The connection's lifecycle (see the state diagram in the README). */
export type ConnectionState =
  /** Nobody holds the connection; no socket. */
  | { readonly status: 'idle' }
  /** Looking up the endpoint, getting a token, opening the socket. `attempt` 0 = first connect. */
  | { readonly status: 'connecting'; readonly attempt: number }
  /** The socket is open; InitConnection is on its way. Nothing else is sent yet. */
  | { readonly status: 'handshaking'; readonly attempt: number; readonly generation: number }
  /** InitConnection answered 200: requests flow, subscriptions are (re-)issued. */
  | { readonly status: 'open'; readonly generation: number }
  /** Waiting `delayMs` before attempt `attempt`. */
  | {
      readonly status: 'reconnecting';
      readonly attempt: number;
      readonly delayMs: number;
      readonly lastClose: { readonly code: number; readonly reason: string };
      readonly cause: EndCause['type'];
    }
  /**
   * Over for good: `close()` was called (`client`), auth failed twice in a row (`auth`), the policy
   * gave up (`gave-up`), or the Domain API / IdP said the configuration is wrong (`config`: see the
   * `disconnected` diagnostic for the URL and status).
   */
  | { readonly status: 'closed'; readonly reason: 'client' | 'auth' | 'gave-up' | 'config' };

export interface RequestOptions {
  /** Default: the connection's `requestTimeoutMs`. */
  readonly timeoutMs?: number;
}

export interface MessagingEventsOptions {
  /** First sequence wanted on the first subscribe. Default 0. */
  readonly fromSeq?: number;
}

/** A resilient consumer connection as streams. See {@link createConnection}. */
export interface Connection {
  /** The lifecycle; hot, replays the latest. Observing it does not open the socket. Completes after `closed`. */
  readonly state$: Observable<ConnectionState>;
  /** Every inbound notification, across reconnects. Subscribing holds the connection open. */
  readonly notification$: Observable<NotificationFrame>;
  /** Problems the connection survived, as values. Observing it does not open the socket. */
  readonly diagnostic$: Observable<ConnectionDiagnostic>;
  /** Holds the connection open while subscribed, emitting its state. */
  connect(): Observable<ConnectionState>;
  /**
   * Sends a request (cold: on subscribe) and emits its typed response, then completes. Waits in the
   * bounded queue while not open. Errors: `RequestError`, `RequestTimeoutError`,
   * `ConnectionLostError`, `QueueError`, `ConnectionClosedError`, `ResponseDecodeError`.
   */
  request<T extends RequestType>(type: T, body: RequestBodies[T], options?: RequestOptions): Observable<TypedResponse<T>>;
  /**
   * `cqm.SubscribeExConversations` as a stream of its notifications: subscribed on the first
   * subscriber, re-issued after every handshake, unsubscribed after the last one leaves.
   */
  subscribeConversations(body?: SubscribeExConversationsBody): Observable<ExConversationChangeNotification>;
  /**
   * `ms.SubscribeMessagingEvents` for one dialog as a stream of its events; re-issued after every
   * handshake from the last seen sequence + 1, with no duplicates.
   */
  messagingEvents(dialogId: string, conversationId?: string, options?: MessagingEventsOptions): Observable<MessagingEventChange>;
  /** Closes for good (socket close code `code`, default 1000); `state$` ends with `closed { reason: 'client' }`. */
  close(code?: number, reason?: string): void;
}
