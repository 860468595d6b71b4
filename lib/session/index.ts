/** The call session: a pure state machine, its operators and its effects. */
export { initialCallState, isTerminal, holdsCallScreen, dialogIdOf } from './call-state';
export type { CallFailure, CallState, CallStatus } from './call-state';
export type { IntentRejection, IntentRejectionReason, SessionEvent, SessionIntent, SessionPublishEvent } from './session-event';
export { checkIntent } from './check-intent';
export { transition } from './transition';
export { callSession } from './call-session';
export { commandsFor, sessionCommands } from './session-commands';
export { publishRequests } from './publish-requests';
export { offerOnInvite } from './offer-on-invite';
export { withCallScreen } from './with-call-screen';
export { sessionEffects } from './session-effects';
export { runCallSession } from './run-call-session';
export type { SessionPorts, SessionPublishRequest } from './ports';
