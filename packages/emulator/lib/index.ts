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
  type CallDialogResult,
  type CallMode,
  type DialogTarget,
  type EmulatorState,
  type RunningEmulator,
  type SessionState,
} from './types';
export { CLOSE_BACKLOG, CLOSE_IDLE, CLOSE_TOKEN } from './close-codes';
export { DEFAULT_LIMITS, type EmulatorLimits } from './limits';
export { EMULATED_SERVICES } from './domain-idp';
export { describeEmulator } from './describe';
