/**
 * What the server's dialog changes do to the call: the rules for one dialog event of the index.
 * Every event reaches `dialog$` as the server told it; call dialogs also move the session.
 */
import { sameDialogState } from '../dialog/call-dialog';
import type { AcceptedCall, CallDialog, CloseReason, DialogEvent } from '../dialog/types';
import { isFree, isPending } from './state';
import { announce, confirm, emit, moveTo, type Work } from './work';

/** One event of the dialog index. */
export function onDialogEvent(work: Work, event: DialogEvent): void {
  const { model } = work;
  const { dialog } = event;
  // The server closes an invitation declined here as a cancel or an expiry: we know it was declined.
  const told = event.type === 'closed' && model.declined.delete(dialog.dialogId) && (event.reason === 'cancelled' || event.reason === 'expired') ? { ...event, reason: 'declined' as const } : event;
  emit(work, { type: 'dialog', event: told });
  if (!dialog.isCall) return; // co-browse: dialog$ only
  switch (event.type) {
    case 'invited':
      // One call at a time: an invitation arriving while a call holds the session waits for it.
      if (isFree(model.session)) announce(work, event.dialog);
      else model.held.set(dialog.dialogId, event.dialog);
      return;
    case 'accepted':
      return onAccepted(work, event.dialog);
    case 'updated':
      if (dialog.sessionState === 'ACCEPTED') return onAccepted(work, { ...dialog, sessionState: 'ACCEPTED' });
      if (dialog.sessionState === 'INVITED') onInvitationUpdated(work, dialog);
      return;
    case 'closed':
      return onClosed(work, dialog, event.reason);
  }
}

/** An update of an invitation (e.g. its `expires` moved): the session keeps its status and takes the news. */
function onInvitationUpdated(work: Work, dialog: CallDialog): void {
  const { model } = work;
  const session = model.session;
  const invitation = { ...dialog, sessionState: 'INVITED' as const };
  if (model.held.has(dialog.dialogId)) model.held.set(dialog.dialogId, invitation);
  if (!isPending(session) || session.dialog.dialogId !== dialog.dialogId || sameDialogState(session.dialog, dialog)) return;
  moveTo(work, session.status === 'invited' ? { ...session, dialog: invitation } : { status: session.status, dialog: invitation });
}

/** The server says a call dialog is ACCEPTED (the first time, or again: `joined`). */
function onAccepted(work: Work, call: AcceptedCall): void {
  const { model } = work;
  const id = call.dialogId;
  model.openCalls.delete(id); // the most recent last
  model.openCalls.set(id, call);
  model.declined.delete(id);
  model.held.delete(id); // accepted before it was shown: it never will be (a resume may adopt it)
  const session = model.session;
  switch (session.status) {
    case 'invited':
    case 'offered':
      // Accepted, but not here: the consumer answered in another tab or on another device.
      if (session.dialog.dialogId === id) moveTo(work, { status: 'ended', dialog: call, reason: 'answered-elsewhere' });
      return;
    case 'accepting':
    case 'joining':
      if (session.dialog.dialogId !== id) return;
      confirm(work, call);
      return moveTo(work, { status: 'active', dialog: call, resumes: 0 });
    case 'active':
      // A resumed call adopts its dialog when it shows up.
      if (session.dialog !== undefined && session.dialog.dialogId !== id) return;
      confirm(work, call);
      if (session.dialog === undefined) moveTo(work, { status: 'active', dialog: call, resumes: session.resumes });
      return;
    default:
      return;
  }
}

/** A call dialog closed on the server (or expired): the call it holds ends. */
function onClosed(work: Work, dialog: CallDialog, reason: CloseReason): void {
  const { model } = work;
  model.openCalls.delete(dialog.dialogId);
  model.held.delete(dialog.dialogId); // never shown: nothing to tell
  const session = model.session;
  if (isFree(session) || session.status === 'idle' || session.dialog?.dialogId !== dialog.dialogId) return;
  if (reason === 'expired' && isPending(session)) moveTo(work, { status: 'expired', dialog });
  else moveTo(work, { status: 'ended', dialog, reason });
}
