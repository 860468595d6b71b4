/**
 * From a decoded COBROWSE dialog to the call-domain `CallDialog`. Pure: no rxjs, no clock.
 */
import { expiresAtMs } from '../protocol/expires';
import type { CobrowseDialog, ConversationDetails, Participant } from '../protocol/types';
import type { CallDialog, DialogKind } from './types';

/** The kind for a wire `mode`; casing is significant (calls upper case, co-browse lower case). */
export function dialogKind(mode: string | undefined): DialogKind {
  // A switch, not a lookup table: a fresh wire string as a property key costs V8 a string-table lookup.
  switch (mode) {
    case 'VOICE_CALL':
      return 'voice';
    case 'VIDEO_CALL':
      return 'video';
    case 'shared':
    case 'view':
    case 'follow':
      return mode;
    default:
      return 'unknown';
  }
}

/**
 * The agent id to hand to `lpCoBrowse` events. The docs only say "Agent ID"; two candidates exist
 * (protocol notes §5.2, §6.2, §9.4). We take, in this order:
 * 1. the COBROWSE dialog's own `participants` entry that is not the consumer
 *    (`"<accountId>.<agentNumericId>"`, e.g. `le83624296.356285412`): it names the agent who sent
 *    *this* invitation (the conversation's assigned agent may have changed since, e.g. after a
 *    transfer), it is in the co-browse service's own id space, and it is what the seed example carries;
 * 2. else the conversation's `ASSIGNED_AGENT` participant id (the agent PId; what 3P integrations send).
 *
 * The consumer is recognised by the conversation's `CONSUMER` ids and the `serviceId` prefix
 * (`"<consumerPid>#…"`); when neither is known, the docs' order decides (consumer first, then agent).
 */
export function dialogAgentId(dialog: CobrowseDialog, conversation: ConversationDetails | undefined): string | undefined {
  // Plain loops, no Sets, closures or substrings: this runs for every COBROWSE dialog of every snapshot.
  const people = conversation?.participants ?? [];
  const serviceId = dialog.metaData.serviceId ?? '';
  const hash = serviceId.indexOf('#');
  const ownerLength = hash < 0 ? serviceId.length : hash; // "<consumerPid>#…": 0 when unknown
  let consumerKnown = ownerLength > 0;
  for (const p of people) if (p.role === 'CONSUMER') consumerKnown = true;
  const participants = dialog.participants ?? [];
  if (!consumerKnown) return participants[1] ?? assignedAgent(people);
  for (const id of participants) if (!isConsumer(id, people, serviceId, ownerLength)) return id;
  return assignedAgent(people);
}

/** `id` is the service owner (the `serviceId` prefix) or a CONSUMER of the conversation. */
function isConsumer(id: string, people: readonly Participant[], serviceId: string, ownerLength: number): boolean {
  if (ownerLength > 0 && id.length === ownerLength && serviceId.startsWith(id)) return true;
  for (const p of people) if (p.role === 'CONSUMER' && p.id === id) return true;
  return false;
}

function assignedAgent(people: readonly Participant[]): string | undefined {
  for (const p of people) if (p.role === 'ASSIGNED_AGENT') return p.id;
  return undefined;
}

/** The call-domain view of one COBROWSE dialog of conversation `conversationId`. */
export function toCallDialog(conversationId: string, dialog: CobrowseDialog, conversation?: ConversationDetails): CallDialog {
  const { metaData } = dialog;
  const kind = dialogKind(metaData.mode);
  return {
    dialogId: dialog.dialogId,
    conversationId,
    kind,
    isCall: kind === 'voice' || kind === 'video',
    mode: metaData.mode,
    sessionState: metaData.sessionState,
    dialogState: dialog.state,
    serviceId: metaData.serviceId,
    agentId: dialogAgentId(dialog, conversation),
    // Decoded dialogs carry `expiresAtMs` (the rule applied); a hand-built one with only `expires` gets the same rule.
    expiresAt: metaData.expiresAtMs ?? (metaData.expires === undefined ? undefined : expiresAtMs(metaData.expires, dialog.creationTs ?? dialog.metaDataLastUpdateTs)),
    creationTs: dialog.creationTs,
    metaDataLastUpdateTs: dialog.metaDataLastUpdateTs,
    notificationKey: metaData.notificationKey,
  };
}

/** True when both say the same thing (a re-sent snapshot): every field but `metaDataLastUpdateTs`, which only orders snapshots. */
export function sameDialogState(a: CallDialog, b: CallDialog): boolean {
  return (
    a.sessionState === b.sessionState &&
    a.dialogState === b.dialogState &&
    a.notificationKey === b.notificationKey &&
    a.expiresAt === b.expiresAt &&
    a.dialogId === b.dialogId &&
    a.conversationId === b.conversationId &&
    a.kind === b.kind &&
    a.isCall === b.isCall &&
    a.mode === b.mode &&
    a.serviceId === b.serviceId &&
    a.agentId === b.agentId &&
    a.creationTs === b.creationTs
  );
}

/**
 * The last known dialog updated by a (possibly sparse) closing snapshot, so a closed event still
 * says which call it was (the seed's CLOSED payload carries nothing but `sessionState`): what the
 * dialog *is* (mode, serviceId, agent, creation) keeps its last known value, what it *says now*
 * (states, timestamps, notificationKey) takes the closing snapshot's value where it has one.
 */
export function mergeCallDialog(last: CallDialog, next: CallDialog): CallDialog {
  const keepMode = last.mode !== undefined || next.mode === undefined;
  return {
    ...last,
    kind: keepMode ? last.kind : next.kind,
    isCall: keepMode ? last.isCall : next.isCall,
    mode: last.mode ?? next.mode,
    serviceId: last.serviceId ?? next.serviceId,
    agentId: last.agentId ?? next.agentId,
    creationTs: last.creationTs ?? next.creationTs,
    sessionState: next.sessionState ?? last.sessionState,
    dialogState: next.dialogState ?? last.dialogState,
    expiresAt: next.expiresAt ?? last.expiresAt,
    metaDataLastUpdateTs: next.metaDataLastUpdateTs ?? last.metaDataLastUpdateTs,
    notificationKey: next.notificationKey ?? last.notificationKey,
  };
}
