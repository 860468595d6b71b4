/**
 * The REFERENCE MODEL's state (spec only): the dialog rules as a pure reducer that copies its state
 * on every input — simple and obviously right, O(history) per input. The library's incremental core
 * (lib/dialog/dialog-core.ts) must produce the same events; reference.spec.ts checks it.
 */
import type { CallDialog, DialogEvent } from '../../../lib/dialog/types';

/**
 * Where one dialog stands.
 * - `invited` / `accepted` / `open` (any other session state): announced on `dialog$`, not closed;
 * - `unannounced`: seen only as an invitation already expired on arrival — never announced, and
 *   closes silently;
 * - `closed`: a tombstone. Closed or never-announced-and-over; nothing is emitted for it again.
 */
export type DialogPhase = 'invited' | 'accepted' | 'open' | 'unannounced' | 'closed';

/** One dialog: its latest accepted snapshot and its phase. */
export interface DialogRecord {
  readonly dialog: CallDialog;
  readonly phase: DialogPhase;
}

/** One conversation: the newest `metaDataLastUpdateTs` seen, and whether it is known to be closed. */
export interface ConversationRecord {
  readonly lastUpdateTs: number | undefined;
  readonly closed: boolean;
}

/**
 * Everything the reducer remembers. Tombstones stay for the life of the subscription (one small
 * record per COBROWSE dialog ever seen) so that a replayed snapshot can never revive a dialog.
 */
export interface DialogsState {
  readonly dialogs: ReadonlyMap<string, DialogRecord>;
  readonly conversations: ReadonlyMap<string, ConversationRecord>;
  /** Every `subscriptionId` seen: a new one marks a full listing (the reconciliation point). */
  readonly subscriptionIds: ReadonlySet<string>;
}

export type { DialogInput } from '../../../lib/dialog/state';

/** The reducer's result: the next state and the events to emit, in order. */
export interface DialogStep {
  readonly state: DialogsState;
  readonly events: readonly DialogEvent[];
}

/** The state before anything arrived. */
export const INITIAL_DIALOGS_STATE: DialogsState = {
  dialogs: new Map(),
  conversations: new Map(),
  subscriptionIds: new Set(),
};

/** True when `dialog` has an expiry at or before `now`. */
export function isExpired(dialog: CallDialog, now: number): boolean {
  return dialog.expiresAt !== undefined && dialog.expiresAt <= now;
}

/** When the next announced invitation expires (epoch ms), if any: when to send the next `tick`. */
export function nextExpiry(state: DialogsState): number | undefined {
  let next: number | undefined;
  for (const { dialog, phase } of state.dialogs.values()) {
    if (phase === 'invited' && dialog.expiresAt !== undefined && (next === undefined || dialog.expiresAt < next)) next = dialog.expiresAt;
  }
  return next;
}
