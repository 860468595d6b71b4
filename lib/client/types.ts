import type { Observable, SchedulerLike } from 'rxjs';
import type { AuthProvider } from '../auth/auth';
import type { FetchLike } from '../auth/http';
import type { Connection, ConnectionConfig, ConnectionDiagnostic, ConnectionState, EndpointConfig, WebSocketFactory } from 'lp-call-streams/connection';
import type { CallStreams } from '../core/streams';
import type { CallState } from '../core/types';
import type { CallInvitation } from '../dialog/types';
import type { LpTagDiagnostic } from '../lptag/diagnostics';
import type { LpTagSource } from '../lptag/lptag-like';

/** The visitor data `lpCoBrowse` events carry. `ssid`/`svid` come from `lp_monitoringSDK` when it has them. */
export interface VisitorConfig {
  /** Shown to the agent; must be non-empty when a call event is published (read at each publish when a function). */
  readonly name: string | (() => string | undefined);
  /** Fallback monitoring session id (used when `lpTag.taglets.lp_monitoringSDK.getSid()` gives none). */
  readonly ssid?: string;
  /** Fallback monitoring visitor id (used when `getVid()` gives none). */
  readonly svid?: string;
  /** Monitoring context id (optional in `lpCoBrowse` events). */
  readonly scid?: string;
  /** Engagement context id (optional). */
  readonly cid?: string;
  /** Engagement id (optional). */
  readonly eid?: string;
}

/** Where and how the `lp_cobrowse_callscreen_container` is created. */
export interface ContainerConfig {
  /** Default `document.body`. A function is read each time a container is created. */
  readonly parent?: Element | (() => Element | null | undefined);
  /** Loading indicator text (set with `textContent`); `null` for none. Default `'Connecting…'`. */
  readonly loadingText?: string | null;
}

/** Configuration of {@link createCallClient}. Only `accountId`, `auth` and `visitor` are required. */
export interface CallClientConfig {
  /** Your LivePerson account (site) id. */
  readonly accountId: string;
  /** Your JWT (`{ jwt: () => … }`), `unauthenticated()` or `authenticated(getAuthCode)`. */
  readonly auth: AuthProvider;
  /** `{ socketUrl }`, or `{ domainApi }` (default `https://api.liveperson.net`). */
  readonly endpoint?: EndpointConfig;
  /** Who the visitor is, as the call events tell the agent. */
  readonly visitor: VisitorConfig;
  /** Default `() => window.lpTag` (read lazily: the tag may load after the client is created). */
  readonly lpTag?: LpTagSource;
  /** How long to wait for lpTag to appear. Default 15 000 ms. */
  readonly lpTagWaitMs?: number;
  /** Where and how the call-screen container is created. */
  readonly container?: ContainerConfig;
  /**
   * Replaces the DOM container: held (subscribed) while the call needs its screen. For hosts that
   * render the call screen themselves, or run without a DOM (Node demos, tests).
   */
  readonly callScreen?: () => Observable<unknown>;
  /** Default `globalThis.document`. */
  readonly document?: Document;
  /** Default `asyncScheduler`. Every timer of the client runs on it. */
  readonly scheduler?: SchedulerLike;
  /** Default `globalThis.WebSocket` (pass `ws`'s WebSocket in Node 20). */
  readonly webSocketFactory?: WebSocketFactory;
  /** Default global `fetch` (Domain API and IdP). */
  readonly fetch?: FetchLike;
  /**
   * Publish `cobrowseOffered` as soon as an invitation arrives (default true, as the tutorial says).
   * With `false`, call `client.offer(invitation)` when your UI shows it.
   */
  readonly autoOffer?: boolean;
  /**
   * Clock skew tolerated between LivePerson and the page when telling an invitation's expiry from a
   * cancel (default 2000 ms; see the dialog README).
   */
  readonly expirySkewMs?: number;
  /** Passed through to `createConnection` (keep-alive, reconnect, queue, timeouts, client properties). */
  readonly connection?: Omit<ConnectionConfig, 'accountId' | 'auth' | 'endpoint' | 'scheduler' | 'webSocketFactory' | 'fetch'>;
}

/**
 * A hot stream of **state**: a late subscriber first gets the latest value, then every change.
 * (An alias: the name documents the replay rule.)
 */
export type StateStream<T> = Observable<T>;

/**
 * A hot stream of **events**: a late subscriber gets only what happens after it subscribed, never a
 * stale event. (An alias: the name documents the replay rule.)
 */
export type EventStream<T> = Observable<T>;

/**
 * The client's connection, for chat (request a conversation, send and receive text, your own
 * subscriptions). It has no `close()`: the client's lifetime is its subscribers' — the last one
 * leaving closes the socket with 1000. (Use `createConnection` when you need a connection you close.)
 *
 * Its frames are decoded for the call path (`decodeCallFrame`): `messagingEvents()` decodes the
 * messaging events of the dialogs you follow, on demand; `notification$` carries other notifications
 * — `ms.MessagingEventNotification` too — with their bodies as they came (`messagingChangesOf` reads
 * them), and `subscribeConversations()` gives every dialog's identity (`dialogId`, `dialogType`,
 * `channelType`, `state`) and the COBROWSE dialogs whole. `createConnection`
 * (`lp-call-streams/connection`) decodes the full model (`decode`).
 */
export type ClientConnection = Omit<Connection, 'close'>;

/** Everything the client survived, as values. */
export type ClientDiagnostic =
  | { readonly source: 'connection'; readonly diagnostic: ConnectionDiagnostic }
  | { readonly source: 'lptag'; readonly diagnostic: LpTagDiagnostic };

/**
 * The call client: read-only streams and cold commands. Subscribing to any stream but
 * `diagnostic$` connects (and runs the call core); the last unsubscribe tears everything down.
 *
 * **Subscription order never matters.** Every call stream is a view of the one call core and
 * reaches a host only after the core applied the event that caused it; a command issued
 * synchronously inside any handler is applied after that event reached every subscriber.
 *
 * **What a stream shows is true of the core.** An invitation on `invitation$` can be accepted
 * until `closed$` says otherwise; every call that ends reaches `closed$` with its reason (or
 * `error$`, for a resumed call whose dialog is not known); `session$`'s state names say what the
 * server has confirmed.
 *
 * **Replay rule.** State streams (`connection$`, `session$`) replay the latest value to a late
 * subscriber. Event streams (`dialog$`, `invitation$`, `accepted$`, `closed$`, `error$`) never
 * replay. `resume$` is an event stream whose one replay is state: a late subscriber gets the
 * resume that restored the current call while that call is on.
 */
export interface CallClient extends Omit<CallStreams, 'step$'> {
  /** State: connection lifecycle; replays the latest. */
  readonly connection$: StateStream<ConnectionState>;
  /** Events: problems survived; observing it does not connect. */
  readonly diagnostic$: EventStream<ClientDiagnostic>;
  /**
   * Accepts an invitation: container, then `cobrowseAccepted` (preceded by `cobrowseOffered` if it
   * was never offered, with `autoOffer: false`). Emits the session states (`accepting`, `joining`)
   * until `active` — the server said ACCEPTED — then completes. Errors with `CallIntentError` when
   * refused, or when the call ends before it is on (`reason` `call-failed`, `invitation-closed`,
   * `invitation-expired`, `client-ended`; `detail` says more).
   */
  accept(invitation: CallInvitation | string): Observable<CallState>;
  /** Declines an invitation: `cobrowseDeclined`. Emits the `declined` state, then completes. Errors with `CallIntentError`. */
  decline(invitation: CallInvitation | string): Observable<CallState>;
  /**
   * Publishes `cobrowseOffered` for an invitation (only needed with `autoOffer: false`; with
   * `autoOffer: true`, or when already offered, it changes nothing). Emits states until `offered`.
   * Errors with `CallIntentError`.
   */
  offer(invitation: CallInvitation | string): Observable<CallState>;
  /** The underlying connection, for chat (request a conversation, send and receive text); no `close()`. */
  readonly connection: ClientConnection;
}
