/**
 * lp-call-streams — LivePerson voice and video calls over the Messaging Window API as typed,
 * composable RxJS 7 streams. The public surface, by name (the API report in `api/` pins it).
 * The wire model is `lp-call-streams/protocol`; the test kit `lp-call-streams/testing`.
 */

// ── The client: the whole integration ───────────────────────────────────────────────────────────
export { createCallClient } from './client/create-call-client';
export type { CallClient, CallClientConfig, ClientConnection, ClientDiagnostic, ContainerConfig, EventStream, StateStream, VisitorConfig } from './client/types';

// ── Auth providers ──────────────────────────────────────────────────────────────────────────────
export { authenticated, unauthenticated } from './auth/auth';
export type { AuthProvider, IdpOptions, JwtReason, JwtRequest, JwtSource } from './auth/auth';
export { rememberJwt } from './auth/remember-jwt';
export type { JwtStorage } from './auth/remember-jwt';
export { rememberServices } from './auth/remember-services';
export type { RememberServicesOptions } from './auth/remember-services';
export type { FetchLike, FetchResponseLike } from './auth/http';

// ── The connection on its own (chat, your own pipelines) ────────────────────────────────────────
export { createConnection } from './connection/create-connection';
export type { Connection, ConnectionConfig, ConnectionState, EndpointConfig, MessagingEventsOptions, RequestOptions } from './connection/types';
export type { ConnectionDiagnostic } from './connection/diagnostics';
export type { SocketDiagnostic } from './transport/socket-link';
export type { TypedResponse } from './rpc/request';
export { retryRequest } from './rpc/retry';
export type { RetryRequestConfig } from './rpc/retry';
export type { QueueConfig, QueueDropReason } from './rpc/queue';
export type { ClientPropertiesConfig } from './transport/client-properties';
export type { KeepAliveConfig } from './transport/keep-alive';
export type { EndCause, ReconnectPolicy, Refresh } from './transport/reconnect-policy';
export { CloseCode } from './transport/close-codes';
export type { CloseEventLike, CloseInfo, Handler, MessageEventLike, WebSocketFactory, WebSocketLike } from './transport/websocket-like';

// ── The call core and its views (compose your own client: see the README) ──────────────────────
export { callCore } from './core/call-core';
export type { CallCoreConfig } from './core/call-core';
export type { CallCoreOptions } from './core/model';
export { runCallEffects } from './core/effects';
export type { CallPorts } from './core/effects';
export { callStreams } from './core/streams';
export type { CallStreams } from './core/streams';
export { callCommand } from './core/command';
export type {
  CallError,
  CallErrorId,
  CallEvent,
  CallFailure,
  CallInput,
  CallPublish,
  CallPublishEvent,
  CallResume,
  CallState,
  CallStatus,
  CallStep,
  ClosedCall,
  CommandFailureReason,
  CommandResult,
  EffectOutcome,
  IntentType,
  KnownCallErrorId,
} from './core/types';
export type { DialogTrackerOptions } from './dialog/tracker';
export type { AcceptedCall, CallDialog, CallInvitation, CloseReason, DialogEvent, DialogKind } from './dialog/types';

// ── lpTag and DOM adapters ──────────────────────────────────────────────────────────────────────
export { fromSessionError, fromSessionResume } from './lptag/call-events';
export { publishLpCoBrowse } from './lptag/publish-lpcobrowse';
export type { LpCoBrowseConfig, LpCoBrowseRequest, PublishResult } from './lptag/publish-lpcobrowse';
export type { CobrowseEventName, LpCoBrowseEventName } from './lptag/validate-cobrowse';
export type { LpTagAccessor, LpTagLike, LpTagListener, LpTagSource } from './lptag/lptag-like';
export type { LpTagConfig, LpTagDiagnostic } from './lptag/diagnostics';
export { callScreenContainer } from './dom/call-screen-container';
export type { CallScreenContainerConfig } from './dom/call-screen-container';

// ── Call readiness (before accept) ──────────────────────────────────────────────────────────────
export { callReadiness } from './readiness/call-readiness';
export type { CallReadinessConfig } from './readiness/call-readiness';
export { requestCallPermission } from './readiness/request-call-permission';
export type { CallPermissionResult, PermissionFailure } from './readiness/request-call-permission';
export { checkIceServers } from './readiness/check-ice-servers';
export type { IceCandidateCounts, IceCheckConfig, IceCheckResult } from './readiness/check-ice-servers';
export type { CallMode, CallReadiness, CallReadinessStatus, MediaKind, MediaReading, MediaReadings, ReadinessBase, ReadinessBlock, WebRtcApi, WebRtcSupport } from './readiness/types';
export type {
  EventTargetLike,
  IceCandidateLike,
  MediaDeviceInfoLike,
  MediaDevicesLike,
  MediaEnvironment,
  MediaStreamLike,
  PeerConnectionConstructor,
  PeerConnectionLike,
  PermissionsLike,
  PermissionStatusLike,
} from './readiness/environment';

// ── Errors (each with a `name`) ─────────────────────────────────────────────────────────────────
export {
  CallIntentError,
  ConfigError,
  ConnectionClosedError,
  ConnectionLostError,
  LpTagUnavailableError,
  PublishError,
  QueueError,
  RequestError,
  RequestTimeoutError,
} from './errors';
export { HttpError } from './auth/http';
export { ResponseDecodeError } from './rpc/response-decode-error';
