/**
 * lp-call-streams — LivePerson voice and video calls over the Messaging Window API as typed,
 * composable RxJS 7 streams: the call client, the call core and its views, the auth providers, the
 * lpTag and DOM adapters, the errors (the API report in `api/` pins it). Other entries:
 * `lp-call-streams/connection`, `/readiness`, `/protocol`, `/testing`.
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

// The connection on its own (chat, your own pipelines) is `lp-call-streams/connection`; call
// readiness (before accept) `lp-call-streams/readiness`; the wire model `lp-call-streams/protocol`.

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
