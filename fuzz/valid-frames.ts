/**
 * Valid inbound frames, built with the test kit's frame builders over a small universe of ids (so
 * sequences of them talk about the same conversations and dialogs).
 */
import type { Json, JsonObject } from 'lp-call-streams/protocol';
import {
  callDialog,
  conversationDelete,
  conversationUpsert,
  exConversationNotification,
  mainDialog,
  messagingEventChange,
  messagingEventNotification,
  response,
  responses,
} from 'lp-call-streams/testing';
import type { Rand } from './rand';

/** The ids a sequence of frames talks about. */
export interface Universe {
  readonly conversations: readonly string[];
  readonly dialogs: readonly { readonly dialogId: string; readonly conversationId: string }[];
  readonly subscriptionIds: readonly string[];
}

/** 1–3 conversations with 1–3 call dialogs each, and two subscription ids. */
export function universe(r: Rand, subscriptionIds: readonly string[] = ['sub-a', 'sub-b']): Universe {
  const conversations = Array.from({ length: r.range(1, 3) }, (_, c) => `conv-${c}`);
  const dialogs = conversations.flatMap((conversationId, c) =>
    Array.from({ length: r.range(1, 3) }, (_, d) => ({ dialogId: `call-${c}-${d}`, conversationId })),
  );
  return { conversations, dialogs, subscriptionIds };
}

const SESSION_STATES = ['INVITED', 'ACCEPTED', 'CLOSED', 'INVITED', 'ACCEPTED', 'JOINED', 'REJECTED'];
const MODES = ['VIDEO_CALL', 'VOICE_CALL', 'shared', 'view', 'follow', 'SOMETHING_NEW'];
const DAY_MS = 86_400_000;

/** An `expires` (as epoch ms for the builder): mostly near `now`, sometimes past, far, or in ms instead of s. */
export function expiresAt(r: Rand, now: number): number | null {
  switch (r.int(8)) {
    case 0:
      return now - r.int(600_000); // already past
    case 1:
      return now + 30 * DAY_MS; // far future: above 2^31-1 ms away
    case 2:
      return (now + 120_000) * 1000; // sent in ms instead of s
    case 3:
      return null; // no expires
    default:
      return now + r.int(300_000);
  }
}

/** A call (COBROWSE) dialog in a random state. */
export function randomCallDialog(r: Rand, dialogId: string, now: number, ts: number): JsonObject {
  return callDialog({
    dialogId,
    sessionState: r.pick(SESSION_STATES),
    mode: r.pick(MODES),
    expiresAt: expiresAt(r, now),
    creationTs: Math.max(0, ts - r.int(10_000)),
    metaDataLastUpdateTs: r.chance(0.1) ? null : ts,
    ...(r.chance(0.2) ? { state: r.pick(['OPEN', 'CLOSE']) } : {}),
    ...(r.chance(0.15) ? { notificationKey: r.pick(['cancel_invitation', 'call_ended', 'x']) } : {}),
    ...(r.chance(0.1) ? { agentId: null } : {}),
  });
}

/** An UPSERT of one conversation of the universe, holding some of its dialogs. */
export function upsert(r: Rand, u: Universe, now: number, ts: number): JsonObject {
  const conversationId = r.pick(u.conversations);
  const dialogs = u.dialogs.filter((d) => d.conversationId === conversationId && r.chance(0.7));
  const stage = r.chance(0.1) ? 'CLOSE' : 'OPEN';
  return conversationUpsert({
    conversationId,
    dialogs: [mainDialog({ conversationId }), ...dialogs.map((d) => randomCallDialog(r, d.dialogId, now, ts))],
    state: stage,
    stage,
    metaDataLastUpdateTs: ts,
  });
}

/** A `cqm.ExConversationChangeNotification` (UPSERTs and DELETEs) for the universe. */
export function conversationNotification(r: Rand, u: Universe, now: number, ts: number, subscriptionId?: string): JsonObject {
  const changes = Array.from({ length: r.range(1, 3) }, () => (r.chance(0.1) ? conversationDelete(r.pick(u.conversations)) : upsert(r, u, now, ts)));
  return exConversationNotification({ subscriptionId: subscriptionId ?? r.pick(u.subscriptionIds), changes, sentTs: ts });
}

/** An `ms.MessagingEventNotification` about a conversation of the universe. */
export function messagingNotification(r: Rand, u: Universe, ts: number): JsonObject {
  const conversationId = r.pick(u.conversations);
  const changes = Array.from({ length: r.range(1, 3) }, (_, i) =>
    messagingEventChange({ conversationId, sequence: i, serverTimestamp: ts, text: r.pick(['Hello', '', '<b>hi</b>', '👋']) }),
  );
  return messagingEventNotification({ changes, sentTs: ts });
}

/** A response to `reqId`: a documented success, an error, or an odd body. */
export function randomResponse(r: Rand, reqId: string): JsonObject {
  if (r.chance(0.6)) {
    const documented: readonly ((id: string) => JsonObject)[] = [
      responses.initConnection,
      (id) => responses.getClock(id),
      (id) => responses.requestConversation(id),
      (id) => responses.publishEvent(id),
      responses.subscribeMessagingEvents,
      responses.updateConversationField,
      (id) => responses.subscribeExConversations(id),
      responses.unsubscribeExConversations,
      (id) => responses.error(id, r.pick([400, 401, 429, 500])),
    ];
    return r.pick(documented)(reqId);
  }
  const body: Json = r.pick<Json>(['OK', null, {}, [], { subscriptionId: 'sub-x' }, { currentTime: 'soon' }, 42]);
  return response({ reqId, code: r.pick([200, 201, 400, 401, 404, 429, 500, 503]), body });
}

/** Any valid frame: a conversation or messaging notification, a response, or a frame of an unknown kind. */
export function anyValidFrame(r: Rand, u: Universe, now: number): JsonObject {
  const ts = now + r.int(1000);
  switch (r.int(6)) {
    case 0:
      return messagingNotification(r, u, ts);
    case 1:
      return randomResponse(r, String(r.int(100)));
    case 2:
      return r.chance(0.5) ? { kind: 'notification', type: 'some.OtherNotification', body: { x: 1 } } : { kind: 'req', id: '1', type: 'x', body: {} };
    default:
      return conversationNotification(r, u, now, ts);
  }
}
