/**
 * Serves the requests of an initialised consumer socket. Responses always go out before the
 * notifications the request causes (subscribe response, then the initial notification).
 */
import type { JsonObject } from './json';
import type { EmulatorCore } from './core';
import type { FieldChange } from './request-bodies';
import type { EmulatorRequest } from './requests';
import { messagingNotification, eventChange, responseFrame, RESPONSE_TYPES } from './snapshots';
import type { StoredConversation, StoredDialog } from './store';
import type { ConversationSubscriptions } from './subscriptions';

/** What a handler may touch: the socket's identity, its subscriptions and its output. */
export interface HandlerScope {
  readonly core: EmulatorCore;
  readonly accountId: string;
  readonly consumerId: string;
  readonly subscriptions: ConversationSubscriptions;
  /** Dialog ids of `ms.SubscribeMessagingEvents`. */
  readonly eventSubscriptions: Set<string>;
  send(frame: JsonObject): void;
}

export type ServedRequest = Exclude<EmulatorRequest, { type: 'InitConnection' }>;

/** The response code sent (for the log). */
export type Served = number;

function fail(scope: HandlerScope, reqId: string, message: string, code = 400): Served {
  scope.send(responseFrame(reqId, code, RESPONSE_TYPES.string, message.slice(0, 128)));
  return code;
}

function ok(scope: HandlerScope, reqId: string, type: string, body?: JsonObject | string): Served {
  scope.send(responseFrame(reqId, 200, type, body));
  return 200;
}

function ownConversation(scope: HandlerScope, conversationId: string): StoredConversation | undefined {
  const conversation = scope.core.store.get(conversationId);
  return conversation !== undefined && conversation.accountId === scope.accountId && conversation.consumerId === scope.consumerId ? conversation : undefined;
}

function ownDialog(scope: HandlerScope, dialogId: string): { conversation: StoredConversation; dialog: StoredDialog } | undefined {
  for (const conversation of scope.core.store.ofConsumer(scope.accountId, scope.consumerId)) {
    const dialog = conversation.dialogs.find((d) => d.dialogId === dialogId);
    if (dialog !== undefined) return { conversation, dialog };
  }
  return undefined;
}

/** Checks every change first (all or nothing); returns an error text or undefined. */
function fieldError(conversation: StoredConversation, field: FieldChange): string | undefined {
  if (field.field !== 'DialogChange') {
    if (field.conversationState !== 'CLOSE') return `${field.field}: only CLOSE is supported`;
    return conversation.stage === 'CLOSE' ? 'Conversation is already closed' : undefined;
  }
  const dialog = conversation.dialogs.find((d) => d.dialogId === field.dialogId);
  if (dialog === undefined) return 'Unknown dialogId';
  if (field.state !== 'CLOSE') return 'DialogChange: only closing a dialog (state CLOSE) is supported';
  return dialog.state === 'CLOSE' ? 'Dialog is already closed' : undefined;
}

function applyField(scope: HandlerScope, conversation: StoredConversation, field: FieldChange): void {
  const { core } = scope;
  const dialog = field.field === 'DialogChange' ? conversation.dialogs.find((d) => d.dialogId === field.dialogId) : undefined;
  if (dialog?.cobrowse !== undefined) core.closeCall(conversation, dialog, 'consumer');
  else if (conversation.stage === 'OPEN') core.closeConversation(conversation, 'CONSUMER', field.field === 'DialogChange' ? field.closedCause : undefined);
}

function updateFields(scope: HandlerScope, request: Extract<ServedRequest, { type: 'cm.UpdateConversationField' }>): Served {
  const conversation = ownConversation(scope, request.body.conversationId);
  if (conversation === undefined) return fail(scope, request.id, 'Unknown conversationId');
  for (const field of request.body.fields) {
    const error = fieldError(conversation, field);
    if (error !== undefined) return fail(scope, request.id, error);
  }
  const closesDialogOnly = request.body.fields.every((f) => f.field === 'DialogChange' && f.dialogId !== conversation.convId);
  ok(scope, request.id, RESPONSE_TYPES.string, closesDialogOnly ? 'OK Dialog closed successfully' : 'OK Conversation resolved successfully');
  for (const field of request.body.fields) applyField(scope, conversation, field);
  return 200;
}

function publish(scope: HandlerScope, request: Extract<ServedRequest, { type: 'ms.PublishEvent' }>): Served {
  const { dialogId, conversationId, event, ephemeral } = request.body;
  const found = ownDialog(scope, dialogId);
  if (found === undefined || (conversationId !== undefined && conversationId !== found.conversation.convId)) return fail(scope, request.id, 'Unknown dialogId');
  const { conversation, dialog } = found;
  if (dialog.cobrowse !== undefined) return fail(scope, request.id, 'Cannot publish on a COBROWSE dialog');
  if (dialog.state !== 'OPEN') return fail(scope, request.id, 'Dialog is closed');
  const refusal = ephemeral ? undefined : scope.core.store.refusalToStore(conversation, event);
  if (refusal !== undefined) return fail(scope, request.id, refusal);
  if (ephemeral) {
    ok(scope, request.id, RESPONSE_TYPES.publish, { sequence: 0 });
    scope.core.relayChatState(conversation, dialog, scope.consumerId, event);
  } else {
    ok(scope, request.id, RESPONSE_TYPES.publish, { sequence: dialog.events.length });
    scope.core.append(conversation, dialog, scope.consumerId, 'CONSUMER', event);
  }
  return 200;
}

/** Why one more subscription cannot be added to the socket (`maxSubscriptionsPerSocket`), or undefined. */
function subscriptionRefusal(scope: HandlerScope): string | undefined {
  const max = scope.core.options.limits.maxSubscriptionsPerSocket;
  const held = scope.subscriptions.ids().length + scope.eventSubscriptions.size;
  return held < max ? undefined : `This socket holds the maximum of ${max} subscriptions (maxSubscriptionsPerSocket)`;
}

function subscribeEvents(scope: HandlerScope, request: Extract<ServedRequest, { type: 'ms.SubscribeMessagingEvents' }>): Served {
  const found = ownDialog(scope, request.body.dialogId);
  if (found === undefined) return fail(scope, request.id, 'Unknown dialogId');
  const full = scope.eventSubscriptions.has(found.dialog.dialogId) ? undefined : subscriptionRefusal(scope);
  if (full !== undefined) return fail(scope, request.id, full);
  scope.send(responseFrame(request.id, 200, RESPONSE_TYPES.genericSubscribe));
  scope.eventSubscriptions.add(found.dialog.dialogId);
  const replay = found.dialog.events.filter((e) => e.sequence >= request.body.fromSeq);
  if (replay.length > 0) {
    const changes = replay.map((e) => eventChange(found.conversation, found.dialog.dialogId, e));
    scope.send(messagingNotification(changes, scope.core.options.clock.now()));
  }
  return 200;
}

/** Serves one request (InitConnection is the socket's own business). */
export function serveRequest(scope: HandlerScope, request: ServedRequest): Served {
  const { core } = scope;
  switch (request.type) {
    case 'GetClock':
      return ok(scope, request.id, RESPONSE_TYPES.clock, { currentTime: core.options.clock.now() });
    case 'KeepAlive':
      return ok(scope, request.id, RESPONSE_TYPES.string, 'OK');
    case 'cm.ConsumerRequestConversation': {
      if (core.store.openOf(scope.accountId, scope.consumerId) !== undefined) return fail(scope, request.id, 'Consumer already has an open conversation');
      const noRoom = core.store.roomForConversation();
      if (noRoom !== undefined) return fail(scope, request.id, noRoom);
      const conversation = core.store.create(scope.accountId, scope.consumerId, { ...request.body, skillId: request.body.skillId ?? '-1' });
      core.forgetting.touch(scope.accountId, scope.consumerId, true);
      ok(scope, request.id, RESPONSE_TYPES.requestConversation, { conversationId: conversation.convId });
      core.changed(conversation, false);
      return 200;
    }
    case 'ms.PublishEvent':
      return publish(scope, request);
    case 'ms.SubscribeMessagingEvents':
      return subscribeEvents(scope, request);
    case 'cm.UpdateConversationField':
      return updateFields(scope, request);
    case 'cqm.SubscribeExConversations': {
      const full = subscriptionRefusal(scope);
      if (full !== undefined) return fail(scope, request.id, full);
      const { subscriptionId, initial } = scope.subscriptions.add(request.body, core.store.ofConsumer(scope.accountId, scope.consumerId));
      ok(scope, request.id, RESPONSE_TYPES.subscribeConversations, { subscriptionId });
      scope.send(initial);
      return 200;
    }
    case 'cqm.UnsubscribeExConversations':
      return scope.subscriptions.remove(request.body.subscriptionId)
        ? ok(scope, request.id, RESPONSE_TYPES.string, 'OK')
        : fail(scope, request.id, 'Unknown subscriptionId');
  }
}
