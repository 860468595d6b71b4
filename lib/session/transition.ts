import { sameDialogState } from '../dialog/call-dialog';
import type { CallDialog, CallInvitation, CloseReason, DialogEvent } from '../dialog/types';
import { assertNever } from './assert-never';
import { isTerminal, type CallFailure, type CallState } from './call-state';
import { checkIntent } from './check-intent';
import type { SessionEvent, SessionIntent, SessionOptions } from './session-event';

type Pending = Extract<CallState, { status: 'invited' | 'offered' | 'accepting' }>;

const sameDialog = (state: CallState, dialogId: string): boolean => state.status !== 'idle' && state.dialog?.dialogId === dialogId;

const isPending = (state: CallState): state is Pending => state.status === 'invited' || state.status === 'offered' || state.status === 'accepting';

const fail = (state: CallState, failure: CallFailure): CallState => ({
  status: 'failed',
  dialog: state.status === 'idle' ? undefined : state.dialog,
  failure,
});

function onInvited(state: CallState, dialog: CallInvitation, autoOffer: boolean): CallState {
  // One session at a time; a terminal session starts over, unless it is this very dialog again.
  if (state.status === 'idle' || (isTerminal(state) && !sameDialog(state, dialog.dialogId))) return { status: 'invited', dialog, offering: autoOffer };
  return state;
}

function onAccepted(state: CallState, dialog: CallDialog): CallState {
  switch (state.status) {
    case 'invited':
    case 'offered':
      // Accepted, but not here: the consumer answered in another tab or on another device.
      return sameDialog(state, dialog.dialogId) ? { status: 'ended', dialog, reason: 'answered-elsewhere' } : state;
    case 'accepting':
      return sameDialog(state, dialog.dialogId) ? { status: 'active', dialog, resumes: 0 } : state;
    case 'active':
      // After a resume the dialog is adopted when it shows up; later snapshots change nothing here.
      return state.dialog === undefined ? { status: 'active', dialog, resumes: state.resumes } : state;
    default:
      return state;
  }
}

/** An update of the pending invitation (e.g. its `expires` moved): keep the status, take the news. */
function onInvitationUpdated(state: CallState, dialog: CallDialog): CallState {
  if (!isPending(state) || !sameDialog(state, dialog.dialogId) || sameDialogState(state.dialog, dialog)) return state;
  const next: CallInvitation = { ...dialog, sessionState: 'INVITED' };
  return state.status === 'invited' ? { ...state, dialog: next } : { status: state.status, dialog: next };
}

function onClosed(state: CallState, dialog: CallDialog, reason: CloseReason): CallState {
  if (isPending(state)) {
    if (!sameDialog(state, dialog.dialogId)) return state;
    if (reason === 'expired') return { status: 'expired', dialog };
    if (reason === 'declined') return { status: 'declined', dialog, by: 'dialog' };
    return { status: 'ended', dialog, reason };
  }
  // A resumed call whose dialog is not known yet ends with the first call dialog that closes.
  if (state.status === 'active' && (state.dialog === undefined || state.dialog.dialogId === dialog.dialogId)) return { status: 'ended', dialog, reason };
  return state;
}

function onDialog(state: CallState, event: DialogEvent, autoOffer: boolean): CallState {
  if (!event.dialog.isCall) return state;
  switch (event.type) {
    case 'invited':
      return onInvited(state, event.dialog, autoOffer);
    case 'accepted':
      return onAccepted(state, event.dialog);
    case 'updated':
      if (event.dialog.sessionState === 'ACCEPTED') return onAccepted(state, event.dialog);
      return event.dialog.sessionState === 'INVITED' ? onInvitationUpdated(state, event.dialog) : state;
    case 'closed':
      return onClosed(state, event.dialog, event.reason);
    default:
      return assertNever(event);
  }
}

function onIntent(state: CallState, intent: SessionIntent): CallState {
  if (checkIntent(state, intent) !== undefined || (state.status !== 'invited' && state.status !== 'offered')) return state;
  switch (intent.type) {
    case 'accept':
      return { status: 'accepting', dialog: state.dialog };
    case 'decline':
      return { status: 'declined', dialog: state.dialog, by: 'consumer' };
    case 'offer':
      return state.status === 'invited' && !state.offering ? { status: 'invited', dialog: state.dialog, offering: true } : state;
    default:
      return assertNever(intent.type);
  }
}

function onResume(state: CallState, replayed: boolean, known: CallDialog | undefined): CallState {
  switch (state.status) {
    case 'active':
      return { status: 'active', dialog: state.dialog ?? known, resumes: state.resumes + 1 };
    case 'accepting':
      return { status: 'active', dialog: state.dialog, resumes: 1 };
    case 'idle':
      return { status: 'active', dialog: known, resumes: 1 };
    default:
      // A replayed resume only matters at start-up (idle); a live one wins over a pending invitation.
      return replayed ? state : { status: 'active', dialog: known, resumes: 1 };
  }
}

function onPublished(state: CallState, event: Extract<SessionEvent, { type: 'published' }>): CallState {
  if (event.dialogId === undefined || !sameDialog(state, event.dialogId)) return state;
  if (state.status === 'invited' && event.event === 'cobrowseOffered') return { status: 'offered', dialog: state.dialog };
  if (state.status === 'accepting' && event.event === 'cobrowseAccepted') return { status: 'active', dialog: state.dialog, resumes: 0 };
  return state;
}

function onPublishFailed(state: CallState, event: Extract<SessionEvent, { type: 'publish-failed' }>): CallState {
  const { event: name, field, message, dialogId } = event;
  // A failed offer fails the invitation (and an accept that had to offer first); a failed accept fails the accept.
  const pending = name === 'cobrowseOffered' ? isPending(state) : name === 'cobrowseAccepted' && state.status === 'accepting';
  return pending && dialogId !== undefined && sameDialog(state, dialogId) ? fail(state, { type: 'publish-failed', event: name, field, message }) : state;
}

/**
 * The call session's pure transition: the next state for `event`. Exhaustive over events and
 * states; every call rule lives here (offer gate, intents, answered elsewhere, resume, failures).
 * Events that change nothing the session acts on return `state` itself (same reference), so a
 * `distinctUntilChanged()` after it emits only real changes.
 *
 * @example
 * import { initialCallState, transition } from 'lp-call-streams';
 * transition(initialCallState, { type: 'dialog', event: { type: 'invited', dialog: { ...dialog, sessionState: 'INVITED' } } });
 * // → { status: 'invited', dialog, offering: true }
 */
export function transition(state: CallState, event: SessionEvent, options: SessionOptions = {}): CallState {
  switch (event.type) {
    case 'dialog':
      return onDialog(state, event.event, options.autoOffer ?? true);
    case 'accept':
    case 'decline':
    case 'offer':
      return onIntent(state, event);
    case 'session-error':
      return isTerminal(state) ? state : fail(state, { type: 'session-error', id: event.id, message: event.message });
    case 'resume':
      return onResume(state, event.replayed, event.dialog);
    case 'published':
      return onPublished(state, event);
    case 'publish-failed':
      return onPublishFailed(state, event);
    case 'call-screen-failed':
      return state.status === 'accepting' || state.status === 'active' ? fail(state, { type: 'call-screen-failed', message: event.message }) : state;
    default:
      return assertNever(event);
  }
}
