/** The call session: a pure state machine, the call core that runs it, its operators and its effects. */
export { initialCallState, isTerminal, holdsCallScreen, dialogIdOf } from './call-state';
export type { CallFailure, CallState, CallStatus } from './call-state';
export type {
  EffectOutcome,
  IntentRejection,
  IntentRejectionReason,
  IntentType,
  SessionEvent,
  SessionIntent,
  SessionOptions,
  SessionPublishEvent,
} from './session-event';
export { checkIntent } from './check-intent';
export { transition } from './transition';
export { callSession } from './call-session';
export { publishesFor, sessionPublishes } from './publish-plan';
export { publishRequests } from './publish-requests';
export { offerOnInvite } from './offer-on-invite';
export { withCallScreen } from './with-call-screen';
export { sessionEffects } from './session-effects';
export { createCallCore } from './call-core';
export type { CallCore, CallCoreOptions, CoreEvent, CoreInput, CoreStep, ResumeSignal, SessionErrorSignal } from './call-core';
export { createCallCoreHub } from './call-core-hub';
export type { CallCoreHub, CallCoreHubOptions, CallCoreSources } from './call-core-hub';
export type { SessionPorts, SessionPublishRequest } from './ports';
