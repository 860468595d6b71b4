/**
 * REFERENCE MODEL (spec only): the per-dialog rules of the reference reducer, applied to a private
 * working copy of the state. Only `reduceDialogs` creates one; the state it was made from is never
 * mutated.
 */
import { mergeCallDialog, sameDialogState } from '../../../lib/dialog/call-dialog';
import { isExpired } from './state';
import type { ConversationRecord, DialogPhase, DialogRecord, DialogsState, DialogStep } from './state';
import type { CallDialog, CloseReason, DialogEvent } from '../../../lib/dialog/types';

const ANNOUNCED: ReadonlySet<DialogPhase> = new Set(['invited', 'accepted', 'open']);

/**
 * Clock skew tolerated between LivePerson's servers and the page when telling an expiry from a
 * cancel: an INVITED dialog closing at most this long before its `expiresAt` (by the page's clock)
 * has expired — the server closed it at `expires` by its own clock.
 */
export const EXPIRY_SKEW_MS = 2_000;

/**
 * Why an announced dialog closed, when the dialog itself says so (CLOSED / CLOSE) or vanished.
 * `closing` is the closing snapshot, when there is one: its `notificationKey: cancel_invitation`
 * means cancelled whatever the time; its `expiresAt` (if any) wins over the one seen before.
 */
export function closeReason(record: DialogRecord, now: number, closing?: CallDialog, skewMs: number = EXPIRY_SKEW_MS): CloseReason {
  switch (record.phase) {
    case 'accepted':
      return 'hangup';
    case 'invited': {
      if (closing?.notificationKey === 'cancel_invitation') return 'cancelled';
      const expiresAt = closing?.expiresAt ?? record.dialog.expiresAt;
      return expiresAt !== undefined && expiresAt <= now + skewMs ? 'expired' : 'cancelled';
    }
    default:
      return 'unknown';
  }
}

/** True when both carry `metaDataLastUpdateTs` and `next` is older: an out-of-order snapshot. */
function isOlder(next: CallDialog, last: CallDialog): boolean {
  return next.metaDataLastUpdateTs !== undefined && last.metaDataLastUpdateTs !== undefined && next.metaDataLastUpdateTs < last.metaDataLastUpdateTs;
}

/** A dialog state that ends it: session `CLOSED` or dialog `CLOSE` (either counts, protocol notes §5.3). */
function isTerminal(dialog: CallDialog): boolean {
  return dialog.sessionState === 'CLOSED' || dialog.dialogState === 'CLOSE';
}

export class DialogsDraft {
  readonly dialogs: Map<string, DialogRecord>;
  readonly conversations: Map<string, ConversationRecord>;
  readonly subscriptionIds: Set<string>;
  private readonly events: DialogEvent[] = [];

  constructor(
    state: DialogsState,
    readonly now: number,
    readonly expirySkewMs: number = EXPIRY_SKEW_MS,
  ) {
    this.dialogs = new Map(state.dialogs);
    this.conversations = new Map(state.conversations);
    this.subscriptionIds = new Set(state.subscriptionIds);
  }

  result(): DialogStep {
    return {
      state: { dialogs: this.dialogs, conversations: this.conversations, subscriptionIds: this.subscriptionIds },
      events: this.events,
    };
  }

  /** Closes every announced invitation whose `expiresAt` has passed: reason `expired`. */
  expireDue(): void {
    this.closeWhere((r) => r.phase === 'invited' && isExpired(r.dialog, this.now), () => 'expired');
  }

  /** Closes every dialog that is not closed yet and matches; silently if it was never announced. */
  closeWhere(matches: (record: DialogRecord) => boolean, reason: (record: DialogRecord) => CloseReason): void {
    for (const record of [...this.dialogs.values()]) {
      if (record.phase !== 'closed' && matches(record)) this.close(record, reason(record));
    }
  }

  /** Applies one snapshot of one COBROWSE dialog (`conversationClosed`: its conversation has ended). */
  apply(next: CallDialog, conversationClosed: boolean): void {
    const record = this.dialogs.get(next.dialogId);
    if (record?.phase === 'closed' || (record && isOlder(next, record.dialog))) return;
    if (conversationClosed || isTerminal(next)) {
      if (record === undefined) this.set(next, 'closed');
      else this.close(record, conversationClosed ? 'conversation-closed' : closeReason(record, this.now, next, this.expirySkewMs), mergeCallDialog(record.dialog, next));
    } else if (next.sessionState === 'INVITED') {
      this.invited(record, next);
    } else if (next.sessionState === 'ACCEPTED') {
      if (record?.phase === 'accepted') this.update(record, next);
      else this.announce(next, 'accepted');
    } else if (record === undefined) {
      this.announce(next, 'open');
    } else {
      this.update(record, next);
    }
  }

  private invited(record: DialogRecord | undefined, next: CallDialog): void {
    if (record?.phase === 'accepted') return; // session states only move forward
    if (record?.phase === 'invited') this.update(record, next);
    else if (!isExpired(next, this.now)) this.announce(next, 'invited');
    else if (record?.phase === 'open') this.close(record, 'expired', next);
    else this.set(next, 'unannounced'); // expired on arrival: never announced
  }

  private announce(dialog: CallDialog, phase: 'invited' | 'accepted' | 'open'): void {
    this.set(dialog, phase);
    if (phase === 'invited') this.events.push({ type: 'invited', dialog: { ...dialog, sessionState: 'INVITED' } });
    else if (phase === 'accepted') this.events.push({ type: 'accepted', dialog: { ...dialog, sessionState: 'ACCEPTED' } });
    else this.events.push({ type: 'updated', dialog });
  }

  /** Keeps the phase; emits `updated` when the dialog says something new. */
  private update(record: DialogRecord, next: CallDialog): void {
    this.set(next, record.phase);
    if (ANNOUNCED.has(record.phase) && !sameDialogState(record.dialog, next)) this.events.push({ type: 'updated', dialog: next });
  }

  private close(record: DialogRecord, reason: CloseReason, dialog: CallDialog = record.dialog): void {
    this.set(dialog, 'closed');
    if (ANNOUNCED.has(record.phase)) this.events.push({ type: 'closed', dialog, reason });
  }

  private set(dialog: CallDialog, phase: DialogPhase): void {
    this.dialogs.set(dialog.dialogId, { dialog, phase });
  }
}
