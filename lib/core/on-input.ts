/**
 * What the consumer's commands, LivePerson's call app and the effects' outcomes do to the call.
 */
import type { CallDialog } from '../dialog/types';
import { holdsScreen, isPending, isTerminal, refusalOf } from './state';
import type { CallError, CallResume, EffectOutcome, IntentType } from './types';
import { confirm, emit, moveTo, publish, settle, type Work } from './work';

/** A command: refused at once, or applied (then settled by the states it leads to). */
export function onIntent(work: Work, id: number, intent: IntentType, dialogId: string): void {
  const { model } = work;
  const session = model.session;
  const reason = model.held.has(dialogId) ? 'busy' : refusalOf(session, dialogId);
  if (reason !== undefined || (session.status !== 'invited' && session.status !== 'offered')) {
    emit(work, { type: 'command', id, result: { type: 'failed', reason: reason ?? 'unknown-invitation', detail: undefined } });
    return;
  }
  model.commands.set(id, { intent, dialogId });
  emit(work, { type: 'command', id, result: { type: 'applied' } });
  const { dialog } = session;
  switch (intent) {
    case 'accept': {
      // LivePerson's call app expects both: an invitation never offered (autoOffer: false) is offered first.
      const offerFirst = session.status === 'invited' && !session.offering;
      moveTo(work, { status: 'accepting', dialog });
      if (offerFirst) publish(work, { event: 'cobrowseOffered', dialog });
      publish(work, { event: 'cobrowseAccepted', dialog });
      return;
    }
    case 'decline':
      model.declined.add(dialogId);
      moveTo(work, { status: 'declined', dialog });
      publish(work, { event: 'cobrowseDeclined', dialog });
      return;
    case 'offer':
      if (session.status === 'invited' && !session.offering) {
        moveTo(work, { status: 'invited', dialog, offering: true });
        publish(work, { event: 'cobrowseOffered', dialog });
      } else settle(work);
      return;
  }
}

/** The newest open call dialog the server says ACCEPTED: the call a resume restores. */
function adoptable(work: Work): CallDialog | undefined {
  let newest: CallDialog | undefined;
  for (const call of work.model.openCalls.values()) newest = call;
  return newest;
}

/** `cobrowse` / `sessionResume`: LivePerson's call app holds an active call on this page. */
export function onResume(work: Work, resume: CallResume): void {
  const { model } = work;
  emit(work, { type: 'resume', resume });
  const session = model.session;
  // A replayed resume (lpTag history) only matters at start-up.
  if (resume.replayed && session.status !== 'idle') return;
  switch (session.status) {
    case 'active':
      moveTo(work, { status: 'active', dialog: session.dialog ?? adoptable(work), resumes: session.resumes + 1 });
      break;
    case 'accepting':
    case 'joining':
      // The call app has the call: it is on.
      moveTo(work, { status: 'active', dialog: session.dialog, resumes: 1 });
      break;
    default: {
      // The call app brought a call here: an invitation shown meanwhile cannot be taken any more.
      if (session.status === 'invited' || session.status === 'offered') moveTo(work, { status: 'ended', dialog: session.dialog, reason: 'answered-elsewhere' });
      model.confirmed = false;
      moveTo(work, { status: 'active', dialog: adoptable(work), resumes: 1 });
    }
  }
  model.resumed = resume;
  publish(work, { event: 'sliderOpened' });
  const restored = model.session;
  if (restored.status === 'active' && restored.dialog?.sessionState === 'ACCEPTED') confirm(work, { ...restored.dialog, sessionState: 'ACCEPTED' });
}

/** `cobrowse` / `sessionError`: the call fails (`error$` tells it either way). */
export function onSessionError(work: Work, error: CallError): void {
  emit(work, { type: 'error', error });
  const session = work.model.session;
  if (isTerminal(session)) return;
  moveTo(work, { status: 'failed', dialog: session.status === 'idle' ? undefined : session.dialog, failure: { type: 'session-error', id: error.id, message: error.message } });
}

/** The outcome of a publish or of the call screen. */
export function onOutcome(work: Work, outcome: EffectOutcome): void {
  const session = work.model.session;
  switch (outcome.type) {
    case 'published':
      if (session.status === 'invited' && outcome.event === 'cobrowseOffered' && session.dialog.dialogId === outcome.dialogId) {
        moveTo(work, { status: 'offered', dialog: session.dialog });
      } else if (session.status === 'accepting' && outcome.event === 'cobrowseAccepted' && session.dialog.dialogId === outcome.dialogId) {
        moveTo(work, { status: 'joining', dialog: session.dialog });
      }
      return;
    case 'publish-failed': {
      // A refused offer fails the invitation (and an accept that had to offer first); a refused accept the accept.
      const { event, field, message, dialogId } = outcome;
      if (!isPending(session) || session.dialog.dialogId !== dialogId) return;
      if (event === 'cobrowseOffered' || (event === 'cobrowseAccepted' && session.status === 'accepting')) {
        moveTo(work, { status: 'failed', dialog: session.dialog, failure: { type: 'publish-failed', event, field, message } });
      }
      return;
    }
    case 'call-screen-failed':
      if (holdsScreen(session) && session.status !== 'idle') moveTo(work, { status: 'failed', dialog: session.dialog, failure: { type: 'call-screen-failed', message: outcome.message } });
      return;
  }
}

/** The frames ended (the connection closed for good): commands in flight can no longer be done. */
export function onEnd(work: Work): void {
  const { commands } = work.model;
  for (const id of commands.keys()) emit(work, { type: 'command', id, result: { type: 'failed', reason: 'client-ended', detail: undefined } });
  commands.clear();
}
