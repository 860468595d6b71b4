/**
 * Wire frames, shaped as LivePerson sends them (protocol notes §2, §4, §5): full-snapshot UPSERTs,
 * DELETEs, messaging events and responses. Pure functions of the stored state.
 */
import type { Json, JsonObject } from './json';
import type { AgentIdentity, StoredConversation, StoredDialog, StoredEvent } from './store';

/** Drops `undefined` members, so optional fields are absent rather than `null`. */
export function compact(fields: Readonly<Record<string, Json | undefined>>): JsonObject {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/** Response `type` strings. Clients must key on `reqId`/`code`; these follow the docs' examples. */
export const RESPONSE_TYPES = {
  string: '.ReqBody$StringResp',
  clock: 'GetClockResponse',
  requestConversation: 'cm.RequestConversationResponse',
  publish: 'ms.PublishEventResponse',
  genericSubscribe: '.ams.GenericSubscribeResponse',
  subscribeConversations: 'cqm.SubscribeExConversationsResponse',
} as const;

/** A response frame; `reqId` is absent only when the request's id was unreadable. */
export function responseFrame(reqId: string | undefined, code: number, type: string, body?: Json): JsonObject {
  return compact({ kind: 'resp', reqId, code, type, body });
}

/** The state and timestamps every dialog carries. */
function lifecycleWire(dialog: StoredDialog): Readonly<Record<string, Json | undefined>> {
  return {
    state: dialog.state,
    creationTs: dialog.creationTs,
    metaDataLastUpdateTs: dialog.metaDataLastUpdateTs,
    endTs: dialog.endTs,
    closedBy: dialog.closedBy,
    closedCause: dialog.closedCause,
  };
}

function cobrowseWire(conversation: StoredConversation, dialog: StoredDialog, agent: AgentIdentity): JsonObject | undefined {
  const session = dialog.cobrowse;
  if (session === undefined) return undefined;
  return compact({
    dialogId: dialog.dialogId,
    participants: [conversation.consumerId, agent.cobrowseId(conversation.accountId)],
    dialogType: dialog.dialogType,
    channelType: dialog.channelType,
    metaData: compact({
      serviceId: session.serviceId,
      mode: session.mode,
      // Epoch seconds, a float, like LP's 1.502893131855E9.
      expires: session.expiresAtMs / 1000,
      sessionState: session.sessionState,
      dialogId: dialog.dialogId,
      notificationKey: session.notificationKey,
    }),
    ...lifecycleWire(dialog),
  });
}

/** One dialog as on the wire (COBROWSE dialogs with bare-id `participants`). */
export function dialogWire(conversation: StoredConversation, dialog: StoredDialog, agent: AgentIdentity): JsonObject {
  const cobrowse = cobrowseWire(conversation, dialog, agent);
  if (cobrowse !== undefined) return cobrowse;
  const details: JsonObject[] = [{ id: conversation.consumerId, role: 'CONSUMER', state: 'ACTIVE' }];
  if (conversation.agentPid !== undefined) details.push({ id: conversation.agentPid, role: 'ASSIGNED_AGENT', state: 'ACTIVE' });
  return compact({
    dialogId: dialog.dialogId,
    participantsDetails: details,
    dialogType: dialog.dialogType,
    channelType: dialog.channelType,
    metaData: {},
    ...lifecycleWire(dialog),
  });
}

/** `conversationDetails`; without `withCobrowse` (no CO_BROWSE feature) the COBROWSE dialogs are left out. */
export function conversationDetails(conversation: StoredConversation, agent: AgentIdentity, withCobrowse: boolean): JsonObject {
  const participants: JsonObject[] = [{ id: conversation.consumerId, role: 'CONSUMER' }];
  if (conversation.agentPid !== undefined) participants.push({ id: conversation.agentPid, role: 'ASSIGNED_AGENT' });
  const dialogs = conversation.dialogs.filter((d) => withCobrowse || d.cobrowse === undefined);
  return compact({
    skillId: conversation.skillId,
    brandId: conversation.accountId,
    participants,
    dialogs: dialogs.map((d) => dialogWire(conversation, d, agent)),
    state: conversation.state,
    stage: conversation.stage,
    startTs: conversation.startTs,
    endTs: conversation.endTs,
    metaDataLastUpdateTs: conversation.metaDataLastUpdateTs,
    closeReason: conversation.closeReason,
    ttr: { ttrType: 'NORMAL', value: 3600 },
    campaignInfo: conversation.campaignInfo,
    context: conversation.context,
    conversationHandlerDetails: { accountId: conversation.accountId, skillId: conversation.skillId },
  });
}

/** A full-snapshot UPSERT change. */
export function upsertChange(conversation: StoredConversation, agent: AgentIdentity, withCobrowse: boolean): JsonObject {
  return {
    type: 'UPSERT',
    result: { convId: conversation.convId, effectiveTTR: -1, conversationDetails: conversationDetails(conversation, agent, withCobrowse) },
  };
}

/** A DELETE change: the conversation leaves the stream. */
export function deleteChange(conversation: StoredConversation, agent: AgentIdentity, withCobrowse: boolean): JsonObject {
  return { type: 'DELETE', result: { convId: conversation.convId, conversationDetails: conversationDetails(conversation, agent, withCobrowse) } };
}

/** `cqm.ExConversationChangeNotification`. */
export function exConversationNotification(subscriptionId: string, changes: readonly JsonObject[], sentTs: number): JsonObject {
  return { kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: { subscriptionId, sentTs, changes } };
}

/** One change of `ms.MessagingEventNotification`, for a stored (sequenced) event. */
export function eventChange(conversation: StoredConversation, dialogId: string, stored: StoredEvent): JsonObject {
  return {
    sequence: stored.sequence,
    originatorId: stored.originatorId,
    originatorMetadata: { id: stored.originatorId, role: stored.role },
    serverTimestamp: stored.serverTimestamp,
    event: stored.event,
    conversationId: conversation.convId,
    dialogId,
    messageAudience: 'ALL',
  };
}

/** A ChatStateEvent change: not stored, so no `sequence` and no `serverTimestamp` (as LP sends them). */
export function chatStateChange(conversation: StoredConversation, dialogId: string, originatorId: string, event: JsonObject): JsonObject {
  return { originatorId, originatorMetadata: { id: originatorId, role: 'CONSUMER' }, event, conversationId: conversation.convId, dialogId };
}

/** `ms.MessagingEventNotification`. */
export function messagingNotification(changes: readonly JsonObject[], sentTs: number): JsonObject {
  return { kind: 'notification', type: 'ms.MessagingEventNotification', body: { sentTs, changes } };
}
