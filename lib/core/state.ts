/**
 * Small pure facts about the call states that the step's rules share: which states are terminal,
 * hold the call screen or wait for the consumer, what a call's end says on `closed$`, and what a
 * state means for a command in flight.
 */
import type { CallFailure, CallState, ClosedCall, CommandFailureReason, CommandResult, IntentType } from './types';

/** The state a session starts in. */
export const initialCallState: CallState = { status: 'idle' };

type Terminal = Extract<CallState, { status: 'ended' | 'declined' | 'expired' | 'failed' }>;
type Pending = Extract<CallState, { status: 'invited' | 'offered' | 'accepting' | 'joining' }>;

/** True for `ended`, `declined`, `expired` and `failed`: the call is over. */
export const isTerminal = (state: CallState): state is Terminal =>
  state.status === 'ended' || state.status === 'declined' || state.status === 'expired' || state.status === 'failed';

/** True when no call holds the session (a new invitation can be shown). */
export const isFree = (state: CallState): boolean => state.status === 'idle' || isTerminal(state);

/** True while the invitation is not confirmed by the server (shown, offered, accepting, joining). */
export const isPending = (state: CallState): state is Pending =>
  state.status === 'invited' || state.status === 'offered' || state.status === 'accepting' || state.status === 'joining';

/** True while the call-screen container must exist (`accepting`, `joining`, `active`). */
export const holdsScreen = (state: CallState): boolean => state.status === 'accepting' || state.status === 'joining' || state.status === 'active';

/** The dialog id the state is about, if known. */
export const dialogIdOf = (state: CallState): string | undefined => (state.status === 'idle' ? undefined : state.dialog?.dialogId);

/** One line saying why a call failed (for command errors). */
export function describeFailure(failure: CallFailure): string {
  switch (failure.type) {
    case 'session-error':
      return `sessionError ${failure.id}${failure.message === '' ? '' : `: ${failure.message}`}`;
    case 'publish-failed':
      return `${failure.event} not published: ${failure.message}`;
    case 'call-screen-failed':
      return `no call screen: ${failure.message}`;
  }
}

/** What `closed$` says of a call that ended in `state` (undefined when its dialog is not known). */
export function closedCallOf(state: Terminal): ClosedCall | undefined {
  const { dialog } = state;
  if (dialog === undefined) return undefined;
  switch (state.status) {
    case 'ended':
      return { dialog, reason: state.reason };
    case 'declined':
      return { dialog, reason: 'declined' };
    case 'expired':
      return { dialog, reason: 'expired' };
    case 'failed':
      return { dialog, reason: 'failed', failure: state.failure };
  }
}

const failed = (reason: CommandFailureReason, detail?: string): CommandResult => ({ type: 'failed', reason, detail });

/**
 * What `state` means for a command on `dialogId` in flight: `undefined` while it waits, `done`
 * (accept → the call is on; decline → declined; offer → offered or further), or why it failed.
 */
export function commandProgress(intent: IntentType, dialogId: string, state: CallState): CommandResult | undefined {
  if (state.status === 'idle' || state.dialog?.dialogId !== dialogId) return failed('invitation-closed', 'another call took its place');
  switch (state.status) {
    case 'invited':
      return undefined;
    case 'offered':
    case 'accepting':
    case 'joining':
      return intent === 'offer' ? { type: 'done' } : undefined;
    case 'active':
      return intent === 'decline' ? failed('already-accepted') : { type: 'done' };
    case 'declined':
      return intent === 'decline' ? { type: 'done' } : failed('already-declined');
    case 'expired':
      return failed('invitation-expired');
    case 'ended':
      return failed(state.reason === 'expired' ? 'invitation-expired' : 'invitation-closed', state.reason);
    case 'failed':
      return failed('call-failed', describeFailure(state.failure));
  }
}

/** Why a new command on `dialogId` is refused in `state` (`undefined`: it applies to the invitation shown). */
export function refusalOf(state: CallState, dialogId: string): CommandFailureReason | undefined {
  if (state.status === 'idle' || state.dialog?.dialogId !== dialogId) return 'unknown-invitation';
  switch (state.status) {
    case 'invited':
    case 'offered':
      return undefined;
    case 'accepting':
    case 'joining':
    case 'active':
      return 'already-accepted';
    case 'declined':
      return 'already-declined';
    case 'expired':
      return 'invitation-expired';
    case 'ended':
      return state.reason === 'expired' ? 'invitation-expired' : 'invitation-closed';
    case 'failed':
      return 'call-failed';
  }
}
