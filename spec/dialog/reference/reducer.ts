/**
 * REFERENCE MODEL (spec only): the dialog rules as a pure reducer `(state, input, now) => { state,
 * events }` that copies its state on every input and walks every dialog ever seen. It was the
 * library's core until the incremental `createDialogTracker` replaced it; it stays here because it
 * is simple to read, and reference.spec.ts checks that the tracker emits exactly what it emits.
 */
import { isCobrowseDialog, isExConversationChange } from '../../../lib/protocol/guards';
import type { ConversationDetails, ExConversationChangeNotification } from '../../../lib/protocol/types';
import { toCallDialog } from '../../../lib/dialog/call-dialog';
import { closeReason, DialogsDraft } from './draft';
import { nextExpiry } from './state';
import type { DialogInput, DialogsState, DialogStep } from './state';

/** Options of {@link reduceDialogs}. */
export interface ReduceDialogsOptions {
  /** Clock skew tolerated when telling an expiry from a cancel (default 2000 ms). */
  readonly expirySkewMs?: number;
}

/**
 * Applies one input. First, every announced invitation whose `expiresAt` is at or before `now`
 * closes (`expired`), so the outcome never depends on whether a timer or a frame came first.
 * Then:
 * - `frame`: a conversation notification is applied (other frames change nothing). A NEW
 *   `subscriptionId` marks a full listing: open dialogs of conversations absent from it close
 *   (`conversation-closed`). Each UPSERT is a whole snapshot (see `applyUpsert`); a DELETE
 *   closes the conversation's open dialogs (`conversation-closed`) for good.
 * - `tick`: nothing more (the expiry sweep above is its whole job).
 */
export function reduceDialogs(state: DialogsState, input: DialogInput, now: number, options: ReduceDialogsOptions = {}): DialogStep {
  const relevant = input.type !== 'frame' || isExConversationChange(input.frame);
  if (!relevant && (nextExpiry(state) ?? Infinity) > now) return { state, events: [] };
  const draft = new DialogsDraft(state, now, options.expirySkewMs);
  draft.expireDue();
  if (input.type === 'frame' && isExConversationChange(input.frame)) applyNotification(draft, input.frame);
  return draft.result();
}

function applyNotification(draft: DialogsDraft, notification: ExConversationChangeNotification): void {
  const { subscriptionId, changes } = notification.body;
  if (subscriptionId !== undefined && !draft.subscriptionIds.has(subscriptionId)) {
    draft.subscriptionIds.add(subscriptionId);
    const listed = new Set(changes.flatMap((c) => (c.type === 'UPSERT' ? [c.result.convId] : [])));
    draft.closeWhere((r) => !listed.has(r.dialog.conversationId), () => 'conversation-closed');
  }
  for (const change of changes) {
    if (change.type === 'UPSERT') applyUpsert(draft, change.result.convId, change.result.conversationDetails);
    else closeConversation(draft, change.result.convId);
  }
}

/**
 * One whole conversation snapshot (replace, don't merge):
 * - older than the newest snapshot seen for this conversation (by `metaDataLastUpdateTs`): dropped
 *   whole — it would revive dialogs that have since vanished;
 * - each COBROWSE dialog goes through the per-dialog rules (`DialogsDraft.apply`);
 * - a tracked dialog missing from the snapshot has ended: it closes (`hangup` / `cancelled` / `expired` / `unknown`);
 * - a closed conversation (`stage: CLOSE`, or `state: CLOSE` when `stage` is absent) closes all of
 *   its dialogs (`conversation-closed`), and stays closed.
 */
function applyUpsert(draft: DialogsDraft, conversationId: string, details: ConversationDetails): void {
  const known = draft.conversations.get(conversationId);
  const ts = details.metaDataLastUpdateTs;
  if (known?.lastUpdateTs !== undefined && ts !== undefined && ts < known.lastUpdateTs) return;
  const closed = known?.closed === true || details.stage === 'CLOSE' || (details.stage === undefined && details.state === 'CLOSE');
  draft.conversations.set(conversationId, { lastUpdateTs: ts ?? known?.lastUpdateTs, closed });
  const present = new Set<string>();
  for (const dialog of details.dialogs) {
    if (!isCobrowseDialog(dialog)) continue;
    present.add(dialog.dialogId);
    draft.apply(toCallDialog(conversationId, dialog, details), closed);
  }
  draft.closeWhere(
    (r) => r.dialog.conversationId === conversationId && (closed || !present.has(r.dialog.dialogId)),
    (r) => (closed ? 'conversation-closed' : closeReason(r, draft.now, undefined, draft.expirySkewMs)),
  );
}

function closeConversation(draft: DialogsDraft, conversationId: string): void {
  const known = draft.conversations.get(conversationId);
  draft.conversations.set(conversationId, { lastUpdateTs: known?.lastUpdateTs, closed: true });
  draft.closeWhere((r) => r.dialog.conversationId === conversationId, () => 'conversation-closed');
}
