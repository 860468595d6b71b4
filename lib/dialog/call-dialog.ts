/**
 * From a decoded COBROWSE dialog to the call-domain `CallDialog`. Pure: no rxjs, no clock.
 */
import type { CobrowseDialog, ConversationDetails } from '../protocol/types';
import type { CallDialog, DialogKind } from './types';

const KINDS: { readonly [mode: string]: DialogKind } = {
  VOICE_CALL: 'voice',
  VIDEO_CALL: 'video',
  shared: 'shared',
  view: 'view',
  follow: 'follow',
};

/** The kind for a wire `mode`; casing is significant (calls upper case, co-browse lower case). */
export function dialogKind(mode: string | undefined): DialogKind {
  return (mode !== undefined && Object.hasOwn(KINDS, mode) ? KINDS[mode] : undefined) ?? 'unknown';
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
  const consumers = new Set(conversation?.participants.filter((p) => p.role === 'CONSUMER').map((p) => p.id));
  const serviceOwner = dialog.metaData.serviceId?.split('#')[0];
  if (serviceOwner) consumers.add(serviceOwner);
  const participants = dialog.participants ?? [];
  const fromDialog = consumers.size > 0 ? participants.find((id) => !consumers.has(id)) : participants[1];
  return fromDialog ?? conversation?.participants.find((p) => p.role === 'ASSIGNED_AGENT')?.id;
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
    expiresAt: metaData.expiresAtMs ?? (metaData.expires === undefined ? undefined : Math.round(metaData.expires * 1000)),
    creationTs: dialog.creationTs,
    metaDataLastUpdateTs: dialog.metaDataLastUpdateTs,
    notificationKey: metaData.notificationKey,
  };
}

/** What a dialog *says*: every field but `metaDataLastUpdateTs`, which only orders snapshots. */
const STATE_FIELDS: readonly (keyof CallDialog)[] = [
  'dialogId', 'conversationId', 'kind', 'isCall', 'mode', 'sessionState', 'dialogState', 'serviceId',
  'agentId', 'expiresAt', 'creationTs', 'notificationKey',
];

/** True when both say the same thing (a re-sent snapshot), whatever their timestamps. */
export function sameDialogState(a: CallDialog, b: CallDialog): boolean {
  return STATE_FIELDS.every((field) => a[field] === b[field]);
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
