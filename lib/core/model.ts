/**
 * The call core's model: everything one run of the core remembers, owned by the step and mutated
 * by it only (privately, in place: a copy per input would cost work proportional to history).
 * Every collection is bounded by what is open now: the dialog index by its own retention rules,
 * the rest by the open invitations, open calls and commands in flight.
 */
import { createDialogTracker, type DialogTracker, type DialogTrackerOptions } from '../dialog/tracker';
import type { CallDialog, CallInvitation } from '../dialog/types';
import { initialCallState } from './state';
import type { CallResume, CallState, IntentType } from './types';

/** How the core behaves. */
export interface CallCoreOptions extends DialogTrackerOptions {
  /** Publish `cobrowseOffered` as soon as an invitation is shown (default `true`); else on `offer()`. */
  readonly autoOffer?: boolean;
}

/** A command applied and not done yet. */
export interface CommandInFlight {
  readonly intent: IntentType;
  readonly dialogId: string;
}

/** One run of the core (see the module comment). */
export interface CallModel {
  readonly autoOffer: boolean;
  /** The dialog index: snapshots in, dialog events out (dedupe, stale drop, reconciliation, expiry). */
  readonly dialogs: DialogTracker;
  /** The call this page shows, from its invitation to its end. */
  session: CallState;
  /** Call invitations that arrived while a call held the session: shown, oldest first, when it ends (if still open). */
  readonly held: Map<string, CallInvitation>;
  /** Open call dialogs the server says ACCEPTED, the most recent last: what a resume adopts. */
  readonly openCalls: Map<string, CallDialog>;
  /** Invitations declined here that the server has not closed yet: a cancel or expiry of one says `declined` on `dialog$`. */
  readonly declined: Set<string>;
  /** Commands applied and not done, by id. */
  readonly commands: Map<number, CommandInFlight>;
  /** `accepted$` has told the current call. */
  confirmed: boolean;
  /** The resume that restored the call still on (`active`). */
  resumed: CallResume | undefined;
}

/** A fresh model: idle, nothing seen. */
export function createCallModel(options: CallCoreOptions = {}): CallModel {
  return {
    autoOffer: options.autoOffer ?? true,
    dialogs: createDialogTracker(options),
    session: initialCallState,
    held: new Map(),
    openCalls: new Map(),
    declined: new Set(),
    commands: new Map(),
    confirmed: false,
    resumed: undefined,
  };
}
