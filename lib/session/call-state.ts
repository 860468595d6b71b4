/**
 * The call session's states. One session at a time; `ended`, `declined`, `expired` and `failed` are
 * terminal until the next invitation (or resume) starts over.
 */
import type { CallDialog, CallInvitation, CloseReason } from '../dialog/types';
import type { SessionPublishEvent } from './session-event';

/** Why a session failed. */
export type CallFailure =
  | { readonly type: 'session-error'; readonly id: string; readonly message: string }
  | { readonly type: 'publish-failed'; readonly event: SessionPublishEvent; readonly field: string | undefined; readonly message: string }
  | { readonly type: 'call-screen-failed'; readonly message: string };

/**
 * The call session state (discriminated on `status`). `dialog` is the call's dialog as the session
 * last needed it (an update of the same dialog that changes nothing the session acts on is not a
 * new state; `dialog$` carries every update).
 */
export type CallState =
  | { readonly status: 'idle' }
  /** An invitation is pending. `offering`: `cobrowseOffered` is being published (at once with `autoOffer`, else after `offer()`). */
  | { readonly status: 'invited'; readonly dialog: CallInvitation; readonly offering: boolean }
  /** `cobrowseOffered` was published: waiting for the consumer. */
  | { readonly status: 'offered'; readonly dialog: CallInvitation }
  /** The consumer accepted here: the container exists, `cobrowseAccepted` is being published. */
  | { readonly status: 'accepting'; readonly dialog: CallInvitation }
  /** The call is on. `dialog` is `undefined` after a resume until the dialog is known; `resumes` counts resumes. */
  | { readonly status: 'active'; readonly dialog: CallDialog | undefined; readonly resumes: number }
  /** It ended: `reason` as on `closed$` (`answered-elsewhere`: it was accepted in another tab or on another device). */
  | { readonly status: 'ended'; readonly dialog: CallDialog; readonly reason: CloseReason }
  /** Declined by the consumer (`by: 'consumer'`) or closed as declined (`by: 'dialog'`). */
  | { readonly status: 'declined'; readonly dialog: CallDialog; readonly by: 'consumer' | 'dialog' }
  | { readonly status: 'expired'; readonly dialog: CallDialog }
  | { readonly status: 'failed'; readonly dialog: CallDialog | undefined; readonly failure: CallFailure };

/** Any `status`. */
export type CallStatus = CallState['status'];

/** The state a session starts in. */
export const initialCallState: CallState = { status: 'idle' };

/** True for `ended`, `declined`, `expired` and `failed`. */
export const isTerminal = (state: CallState): state is Extract<CallState, { status: 'ended' | 'declined' | 'expired' | 'failed' }> =>
  state.status === 'ended' || state.status === 'declined' || state.status === 'expired' || state.status === 'failed';

/** True while the call screen container must exist (`accepting`, `active`). */
export const holdsCallScreen = (state: CallState): boolean => state.status === 'accepting' || state.status === 'active';

/** The dialog id the state is about, if known. */
export const dialogIdOf = (state: CallState): string | undefined => (state.status === 'idle' ? undefined : state.dialog?.dialogId);
