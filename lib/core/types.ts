/**
 * The call core's vocabulary: what goes in (inputs), what one step says (events, publishes, whether
 * the call screen lives) and the call's states. Pure types: the core, its views and the adapters
 * share them; the core imports no adapter.
 */
import type { AcceptedCall, CallDialog, CallInvitation, CloseReason, DialogEvent } from '../dialog/types';
import type { Open } from 'lp-call-streams/protocol';

/** `cobrowse` / `sessionResume`: LivePerson's call app found an active call (after a reload or navigation). */
export interface CallResume {
  /** True when it fired before we listened (lpTag `hasFired`). */
  readonly replayed: boolean;
  /** Undocumented payload, as lpTag passed it. */
  readonly data: unknown;
}

/** The documented `sessionError` ids. */
export type KnownCallErrorId = 'UNABLE_TO_CONNECT' | 'BROWSER_NOT_SUPPORTED' | 'NO_CAMERA_ACCESS' | 'AGENT_DISCONNECTED';

/**
 * A documented id, `UNKNOWN` when the payload carried none, any other id kept verbatim, or the
 * library's own `CALL_SCREEN_FAILED`: the call screen of a resumed call whose dialog is not known
 * failed (every other failure of a call has its dialog, and is told on `closed$`).
 */
export type CallErrorId = Open<KnownCallErrorId | 'UNKNOWN' | 'CALL_SCREEN_FAILED'>;

/** An error of the call: `cobrowse` / `sessionError` from LivePerson's call app, or a failure of ours. */
export interface CallError {
  /** Which error: one of the documented ids, `UNKNOWN`, or one of the library's own. */
  readonly id: CallErrorId;
  /** For display as text only (never as HTML). `''` when absent. */
  readonly message: string;
}

/** The `lpCoBrowse` events the core publishes. */
export type CallPublishEvent = 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined' | 'sliderOpened';

/** A publish the core asks for: a dialog event (its serviceId, agentId, mode), or `sliderOpened`. */
export type CallPublish =
  | { readonly event: 'cobrowseOffered' | 'cobrowseAccepted' | 'cobrowseDeclined'; readonly dialog: CallDialog }
  | { readonly event: 'sliderOpened' };

/** Why a call failed. */
export type CallFailure =
  /** LivePerson's call app reported `sessionError`. */
  | { readonly type: 'session-error'; readonly id: string; readonly message: string }
  /** A publish the call needed was refused (`field` for invalid data) or lpTag never appeared. */
  | { readonly type: 'publish-failed'; readonly event: CallPublishEvent; readonly field: string | undefined; readonly message: string }
  /** The call-screen container could not be created. */
  | { readonly type: 'call-screen-failed'; readonly message: string };

/**
 * The call session (discriminated on `status`): one call at a time, from the invitation this page
 * shows to its end. `dialog` is the call's dialog as the session last needed it.
 */
export type CallState =
  | { readonly status: 'idle' }
  /** An invitation is shown. `offering`: `cobrowseOffered` is being published (at once with `autoOffer`, else after `offer()`). */
  | { readonly status: 'invited'; readonly dialog: CallInvitation; readonly offering: boolean }
  /** `cobrowseOffered` was published: waiting for the consumer. */
  | { readonly status: 'offered'; readonly dialog: CallInvitation }
  /** The consumer accepted here: the call screen exists, `cobrowseAccepted` is being published. */
  | { readonly status: 'accepting'; readonly dialog: CallInvitation }
  /** `cobrowseAccepted` was published: LivePerson's call app is joining; the server has not said ACCEPTED yet. */
  | { readonly status: 'joining'; readonly dialog: CallInvitation }
  /**
   * The call is on: the server said ACCEPTED, or LivePerson's call app resumed it (`resumes` > 0).
   * `dialog` is `undefined` after a resume until the call's dialog is known.
   */
  | { readonly status: 'active'; readonly dialog: CallDialog | undefined; readonly resumes: number }
  /** It ended: `reason` as on `closed$` (`answered-elsewhere`: accepted in another tab or on another device). */
  | { readonly status: 'ended'; readonly dialog: CallDialog; readonly reason: CloseReason }
  /** The consumer declined it here. */
  | { readonly status: 'declined'; readonly dialog: CallDialog }
  /** The invitation expired before it was accepted (or before the call app joined). */
  | { readonly status: 'expired'; readonly dialog: CallDialog }
  | { readonly status: 'failed'; readonly dialog: CallDialog | undefined; readonly failure: CallFailure };

/** Any `status`. */
export type CallStatus = CallState['status'];

/** A call that ended, as `closed$` says it: exactly once per call this page showed. */
export type ClosedCall =
  | { readonly dialog: CallDialog; readonly reason: CloseReason }
  /** It failed here (`failure` says why); the server may still close its dialog later. */
  | { readonly dialog: CallDialog; readonly reason: 'failed'; readonly failure: CallFailure };

/** What the consumer can ask of an invitation. */
export type IntentType = 'accept' | 'decline' | 'offer';

/** Why a command failed: refused when issued, or the call ended before the command was done. */
export type CommandFailureReason =
  /** No invitation of that id is shown (never invited, already over, or not a call). */
  | 'unknown-invitation'
  /** Another call holds the session: this invitation is shown when that one ends (if it is still open). */
  | 'busy'
  /** It expired (before the command, or before the call app joined). */
  | 'invitation-expired'
  /** It was cancelled, hung up, answered elsewhere or its conversation closed. */
  | 'invitation-closed'
  /** The call failed (a `sessionError`, a refused publish, no call screen): see `CallIntentError.detail`. */
  | 'call-failed'
  | 'already-accepted'
  | 'already-declined'
  /** The client ended (its connection closed for good) before the command was done. */
  | 'client-ended';

/** What the outcome of one of the core's effects was (fed back as an input). */
export type EffectOutcome =
  | { readonly type: 'published'; readonly event: CallPublishEvent; readonly dialogId: string | undefined }
  | {
      readonly type: 'publish-failed';
      readonly event: CallPublishEvent;
      readonly dialogId: string | undefined;
      readonly field: string | undefined;
      readonly message: string;
    }
  | { readonly type: 'call-screen-failed'; readonly message: string };

/** An input of the core besides the frames: the call app's lpTag events, the consumer's commands, effect outcomes. */
export type CallInput =
  | { readonly type: 'resume'; readonly resume: CallResume }
  | { readonly type: 'session-error'; readonly error: CallError }
  /** A command; `id` correlates its outcome events. */
  | { readonly type: 'intent'; readonly id: number; readonly intent: IntentType; readonly dialogId: string }
  | { readonly type: 'outcome'; readonly outcome: EffectOutcome };

/** Where a command stands, told by the step that moved it. */
export type CommandResult =
  /** Applied: the states from this step on are the command's. */
  | { readonly type: 'applied' }
  /** Done: accept → the call is on; decline → declined; offer → offered. */
  | { readonly type: 'done' }
  /** Refused when issued, or the call ended before it was done. */
  | { readonly type: 'failed'; readonly reason: CommandFailureReason; readonly detail: string | undefined };

/** What one step tells the outside world, in order. */
export type CallEvent =
  /** A change of any COBROWSE dialog, as the server told it (calls and co-browse): `dialog$`. */
  | { readonly type: 'dialog'; readonly event: DialogEvent }
  /** A call invitation this page shows and can accept until `closed$` says otherwise: `invitation$`. */
  | { readonly type: 'invitation'; readonly invitation: CallInvitation }
  /** The server confirmed the call this page holds (ACCEPTED): `accepted$`, once per call. */
  | { readonly type: 'accepted'; readonly call: AcceptedCall }
  /** A call this page showed is over: `closed$`, once per call. */
  | { readonly type: 'closed'; readonly call: ClosedCall }
  | { readonly type: 'resume'; readonly resume: CallResume }
  /** `error$`: a `sessionError`, or a failure of a call whose dialog is not known. */
  | { readonly type: 'error'; readonly error: CallError }
  | { readonly type: 'command'; readonly id: number; readonly result: CommandResult };

/** The core after one input. */
export interface CallStep {
  /** The call session after the step. */
  readonly session: CallState;
  /** What happened, in order. */
  readonly events: readonly CallEvent[];
  /** The publishes the step calls for, in order. */
  readonly publishes: readonly CallPublish[];
  /** The call screen must exist (the call is being accepted, joined or on). */
  readonly screen: boolean;
  /** The resume that restored the call still on: a state, replayed to late `resume$` subscribers. */
  readonly resumed: CallResume | undefined;
}
