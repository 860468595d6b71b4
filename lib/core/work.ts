/**
 * The verbs the step's rules speak: what one input does to the model, collected as it happens
 * (events, publishes) so the step can hand it out whole. Every change of the session goes through
 * `moveTo`, so a call's end always reaches `closed$` (or `error$`) and every command in flight is
 * settled by the same change that decides it.
 */
import type { AcceptedCall, CallInvitation } from '../dialog/types';
import type { CallModel } from './model';
import { closedCallOf, commandProgress, isFree, isTerminal } from './state';
import type { CallEvent, CallPublish, CallState } from './types';

/** One input being applied. */
export interface Work {
  readonly model: CallModel;
  /** The scheduler's clock when the input is applied (epoch ms). */
  readonly now: number;
  events: CallEvent[] | undefined;
  publishes: CallPublish[] | undefined;
}

export const startWork = (model: CallModel, now: number): Work => ({ model, now, events: undefined, publishes: undefined });

export function emit(work: Work, event: CallEvent): void {
  (work.events ??= []).push(event);
}

export function publish(work: Work, request: CallPublish): void {
  (work.publishes ??= []).push(request);
}

/** Settles the commands in flight that the session's state decides. */
export function settle(work: Work): void {
  const { commands, session } = work.model;
  for (const [id, command] of commands) {
    const result = commandProgress(command.intent, command.dialogId, session);
    if (result === undefined) continue;
    commands.delete(id);
    emit(work, { type: 'command', id, result });
  }
}

/**
 * The session's next state. Entering a terminal state ends the call: `closed$` says so when its
 * dialog is known, else `error$` does (unless a `sessionError` already did). Leaving `active` drops
 * the resume that restored it.
 */
export function moveTo(work: Work, next: CallState): void {
  const { model } = work;
  const previous = model.session;
  model.session = next;
  if (next.status !== 'active') model.resumed = undefined;
  if (isTerminal(next) && !isTerminal(previous)) {
    const call = closedCallOf(next);
    if (call !== undefined) emit(work, { type: 'closed', call });
    // Only the call screen fails a call whose dialog is not known (a resumed one): a refused publish
    // fails a pending invitation, and a sessionError is on error$ already.
    else if (next.status === 'failed' && next.failure.type === 'call-screen-failed') emit(work, { type: 'error', error: { id: 'CALL_SCREEN_FAILED', message: next.failure.message } });
  }
  if (model.commands.size > 0) settle(work);
}

/** Shows an invitation: `invitation$`, and `cobrowseOffered` at once with `autoOffer`. */
export function announce(work: Work, invitation: CallInvitation): void {
  const { model } = work;
  model.confirmed = false;
  moveTo(work, { status: 'invited', dialog: invitation, offering: model.autoOffer });
  emit(work, { type: 'invitation', invitation });
  if (model.autoOffer) publish(work, { event: 'cobrowseOffered', dialog: invitation });
}

/** `accepted$`, once per call. */
export function confirm(work: Work, call: AcceptedCall): void {
  if (work.model.confirmed) return;
  work.model.confirmed = true;
  emit(work, { type: 'accepted', call });
}

/** When no call holds the session, shows the oldest invitation that waited for it. */
export function showHeld(work: Work): void {
  const { model } = work;
  if (model.held.size === 0 || !isFree(model.session)) return;
  for (const [id, invitation] of model.held) {
    model.held.delete(id);
    announce(work, invitation);
    return;
  }
}
