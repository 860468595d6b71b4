import type { Observable, SchedulerLike } from 'rxjs';
import type { AuthProvider } from '../auth/auth';
import type { FetchLike } from '../auth/http';
import type { Connection, ConnectionConfig, ConnectionState, EndpointConfig } from '../connection/types';
import type { ConnectionDiagnostic } from '../connection/diagnostics';
import type { AcceptedCall, CallInvitation, ClosedCall, DialogEvent } from '../dialog/types';
import type { CallError } from '../lptag/call-error';
import type { CallResume } from '../lptag/call-events';
import type { LpTagDiagnostic } from '../lptag/diagnostics';
import type { LpTagSource } from '../lptag/lptag-like';
import type { CallState } from '../session/call-state';
import type { WebSocketFactory } from '../transport/websocket-like';

/** The visitor data `lpCoBrowse` events carry. `ssid`/`svid` come from `lp_monitoringSDK` when it has them. */
export interface VisitorConfig {
  /** Shown to the agent; must be non-empty when a call event is published (read at each publish when a function). */
  readonly name: string | (() => string | undefined);
  /** Fallback monitoring session id (used when `lpTag.taglets.lp_monitoringSDK.getSid()` gives none). */
  readonly ssid?: string;
  /** Fallback monitoring visitor id (used when `getVid()` gives none). */
  readonly svid?: string;
  readonly scid?: string;
  readonly cid?: string;
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
  readonly accountId: string;
  /** Your JWT (`{ jwt: () => … }`), `unauthenticated()` or `authenticated(getAuthCode)`. */
  readonly auth: AuthProvider;
  /** `{ socketUrl }`, or `{ domainApi }` (default `https://api.liveperson.net`). */
  readonly endpoint?: EndpointConfig;
  readonly visitor: VisitorConfig;
  /** Default `() => window.lpTag` (read lazily: the tag may load after the client is created). */
  readonly lpTag?: LpTagSource;
  /** How long to wait for lpTag to appear. Default 15 000 ms. */
  readonly lpTagWaitMs?: number;
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
  /** Passed through to `createConnection` (keep-alive, reconnect, queue, timeouts, client properties). */
  readonly connection?: Omit<ConnectionConfig, 'accountId' | 'auth' | 'endpoint' | 'scheduler' | 'webSocketFactory' | 'fetch'>;
}

/** Everything the client survived, as values. */
export type ClientDiagnostic =
  | { readonly source: 'connection'; readonly diagnostic: ConnectionDiagnostic }
  | { readonly source: 'lptag'; readonly diagnostic: LpTagDiagnostic };

/**
 * The call client: read-only streams and cold commands. Subscribing to any stream but
 * `diagnostic$` connects (and runs the call session); the last unsubscribe tears everything down.
 */
export interface CallClient {
  /** Connection lifecycle; hot, replays the latest. */
  readonly connection$: Observable<ConnectionState>;
  /** Every COBROWSE dialog change (calls and co-browse); hot, replays the latest. */
  readonly dialog$: Observable<DialogEvent>;
  /** Open, unexpired invitations, each once (check `isCall`: co-browse invitations come here too). */
  readonly invitation$: Observable<CallInvitation>;
  /** Accepted dialogs, once each. */
  readonly accepted$: Observable<AcceptedCall>;
  /** Ended dialogs with their reason, exactly once each. */
  readonly closed$: Observable<ClosedCall>;
  /** `cobrowse` / `sessionError` from LivePerson's call app. */
  readonly error$: Observable<CallError>;
  /** `cobrowse` / `sessionResume` (replayed if it fired before we listened). */
  readonly resume$: Observable<CallResume>;
  /** The call session; hot, replays the latest state. */
  readonly session$: Observable<CallState>;
  /** Problems survived; observing it does not connect. */
  readonly diagnostic$: Observable<ClientDiagnostic>;
  /** Accepts an invitation: container, then `cobrowseAccepted`. Emits the session state once applied, then completes. Errors with `CallIntentError`. */
  accept(invitation: CallInvitation | string): Observable<CallState>;
  /** Declines an invitation: `cobrowseDeclined`. Emits the `declined` state, then completes. Errors with `CallIntentError`. */
  decline(invitation: CallInvitation | string): Observable<CallState>;
  /** Publishes `cobrowseOffered` for an invitation (only needed with `autoOffer: false`). */
  offer(invitation: CallInvitation | string): Observable<CallState>;
  /** The underlying connection, for chat (request a conversation, send and receive text). */
  readonly connection: Connection;
}
