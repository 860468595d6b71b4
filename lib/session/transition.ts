import type { CallDialog, CallInvitation, CloseReason, DialogEvent } from '../dialog/types';
import { assertNever } from './assert-never';
import { isTerminal, type CallFailure, type CallState } from './call-state';
import { checkIntent } from './check-intent';
import type { SessionEvent, SessionIntent } from './session-event';

const sameDialog = (state: CallState, dialogId: string): boolean => state.status !== 'idle' && state.dialog?.dialogId === dialogId;

const fail = (state: CallState, failure: CallFailure): CallState => ({
  status: 'failed',
  dialog: state.status === 'idle' ? undefined : state.dialog,
  failure,
});

function onInvited(state: CallState, dialog: CallInvitation): CallState {
  // One session at a time; a terminal session starts over, unless it is this very dialog again.
  if (state.status === 'idle' || (isTerminal(state) && !sameDialog(state, dialog.dialogId))) return { status: 'invited', dialog };
  return state;
}

function onAccepted(state: CallState, dialog: CallDialog): CallState {
  switch (state.status) {
    case 'invited':
    case 'offered':
    case 'accepting':
      return sameDialog(state, dialog.dialogId) ? { status: 'active', dialog, resumes: 0 } : state;
    case 'active':
      // After a resume the dialog is adopted when it shows up; otherwise keep the latest snapshot.
      return state.dialog === undefined || state.dialog.dialogId === dialog.dialogId ? { status: 'active', dialog, resumes: state.resumes } : state;
    default:
      return state;
  }
}

function onClosed(state: CallState, dialog: CallDialog, reason: CloseReason): CallState {
  switch (state.status) {
    case 'invited':
    case 'offered':
    case 'accepting':
      if (!sameDialog(state, dialog.dialogId)) return state;
      if (reason === 'expired') return { status: 'expired', dialog };
      if (reason === 'declined') return { status: 'declined', dialog, by: 'dialog' };
      return { status: 'ended', dialog, reason };
    case 'active':
      // A resumed call whose dialog is not known yet ends with the first call dialog that closes.
      return state.dialog === undefined || state.dialog.dialogId === dialog.dialogId ? { status: 'ended', dialog, reason } : state;
    default:
      return state;
  }
}

function onDialog(state: CallState, event: DialogEvent): CallState {
  if (!event.dialog.isCall) return state;
  switch (event.type) {
    case 'invited':
      return onInvited(state, event.dialog);
    case 'accepted':
      return onAccepted(state, event.dialog);
    case 'updated':
      return event.dialog.sessionState === 'ACCEPTED' ? onAccepted(state, event.dialog) : state;
    case 'closed':
      return onClosed(state, event.dialog, event.reason);
    default:
      return assertNever(event);
  }
}

function onIntent(state: CallState, intent: SessionIntent): CallState {
  const rejected = checkIntent(state, intent);
  if (rejected) return { ...state, rejected };
  if (state.status !== 'invited' && state.status !== 'offered') return state; // unreachable: checkIntent refused it
  return intent.type === 'accept' ? { status: 'accepting', dialog: state.dialog } : { status: 'declined', dialog: state.dialog, by: 'consumer' };
}

function onResume(state: CallState, replayed: boolean): CallState {
  switch (state.status) {
    case 'active':
      return { status: 'active', dialog: state.dialog, resumes: state.resumes + 1 };
    case 'accepting':
      return { status: 'active', dialog: state.dialog, resumes: 1 };
    case 'idle':
      return { status: 'active', dialog: undefined, resumes: 1 };
    default:
      // A replayed resume only matters at start-up (idle); a live one wins over a pending invitation.
      return replayed ? state : { status: 'active', dialog: undefined, resumes: 1 };
  }
}

/**
 * The call session's pure transition: the next state for `event`. Exhaustive over events and
 * states; events that do not apply return `state` itself (same reference).
 *
 * @example
 * import { initialCallState, transition } from 'lp-call-streams';
 * transition(initialCallState, { type: 'dialog', event: { type: 'invited', dialog } }); // { status: 'invited', dialog }
 */
export function transition(state: CallState, event: SessionEvent): CallState {
  switch (event.type) {
    case 'dialog':
      return onDialog(state, event.event);
    case 'accept':
    case 'decline':
      return onIntent(state, event);
    case 'session-error':
      return isTerminal(state) ? state : fail(state, { type: 'session-error', id: event.id, message: event.message });
    case 'resume':
      return onResume(state, event.replayed);
    case 'published':
      if (event.dialogId === undefined || !sameDialog(state, event.dialogId)) return state;
      if (state.status === 'invited' && event.event === 'cobrowseOffered') return { status: 'offered', dialog: state.dialog };
      if (state.status === 'accepting' && event.event === 'cobrowseAccepted') return { status: 'active', dialog: state.dialog, resumes: 0 };
      return state;
    case 'publish-failed': {
      const { event: name, field, message } = event;
      const pending = name === 'cobrowseOffered' ? state.status === 'invited' || state.status === 'offered' : name === 'cobrowseAccepted' && state.status === 'accepting';
      return pending && event.dialogId !== undefined && sameDialog(state, event.dialogId) ? fail(state, { type: 'publish-failed', event: name, field, message }) : state;
    }
    case 'call-screen-failed':
      return state.status === 'accepting' || state.status === 'active' ? fail(state, { type: 'call-screen-failed', message: event.message }) : state;
    default:
      return assertNever(event);
  }
}
