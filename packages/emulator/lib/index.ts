/**
 * lp-call-streams-emulator — a local LivePerson Messaging Window API server (Node only) for tests,
 * demos and development without a LivePerson account. See the package README.
 */
export { startEmulator } from './server';
export { createManualClock, realClock, type EmulatorClock, type ManualClock } from './clock';
export type { EmulatorOptions, EmulatorRoute } from './options';
export type { RouteContext, HttpMethod } from './http-router';
export { HttpError } from './http-router';
export type { StaticDir } from './static-files';
export {
  EmulatorControlError,
  type AgentControl,
  type CallControl,
  type CallDialogResult,
  type CallMode,
  type ControlErrorCode,
  type DialogTarget,
  type EmulatorState,
  type RunningEmulator,
  type SessionState,
} from './types';
export { CLOSE_BACKLOG, CLOSE_IDLE, CLOSE_TOKEN } from './close-codes';
export { DEFAULT_LIMITS, type EmulatorLimits } from './limits';
export { EMULATED_SERVICES } from './domain-idp';
export { describeEmulator } from './describe';
export { CLI_USAGE, parseCliArgs, type CliOptions, type CliParse } from './cli-args';
export { DEFAULT_ACCOUNTS, type AccountControl } from './accounts';
export { DEFAULT_CALL_SCRIPT, type AcceptedBehaviour, type CallScript } from './call-script';
export type { MediaOptions } from './media-options';
export { SESSION_ERROR_MESSAGES, type IceServerConfig, type SessionErrorId } from './hub-protocol';
