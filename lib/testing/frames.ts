/**
 * Builders for inbound frames as the server sends them: plain wire JSON (`expires` in epoch
 * seconds, ids as strings), to feed a fake socket, the emulator's tests or `decode`.
 * Deterministic: every default is a constant (the seed's ids and timestamps), never random or `Date.now`.
 * Options typed `… | null` take `null` to leave that field out of the frame.
 */
import type { Json, JsonObject } from 'lp-call-streams/protocol';

/** The constants every builder falls back to. */
export const FRAME_DEFAULTS = {
  consumerId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2',
  /** As in a COBROWSE dialog's `participants`: `"<accountId>.<agentNumericId>"`. */
  agentId: 'le83624296.356285412',
  /** The agent's participant id (PId), as in the conversation's `participants`. */
  agentPid: '3f2c9a71-5b1e-4c2d-9e8f-0a1b2c3d4e5f',
  conversationId: '7507be78-6d1c-4d2b-8f3a-1c2d3e4f5a6b',
  dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
  serviceId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2#7904fffd-fc68-4d93-b611-4dc06ab26bf4',
  subscriptionId: '1e25cbe8-2f4a-4b6c-8d0e-1f2a3b4c5d6e',
  creationTs: 1502893041905,
  /** Invitations expire two minutes after creation (protocol notes §5.3). */
  invitationTtlMs: 120_000,
} as const;

/** The seed's invitation dialog, verbatim (voice-and-video-calls.md, step 3). */
export const SEED_INVITED_DIALOG: JsonObject = {
  dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
  participants: ['cc05f2b9-916b-496e-89fe-66a46d975ae2', 'le83624296.356285412'],
  dialogType: 'OTHER',
  channelType: 'COBROWSE',
  metaData: {
    serviceId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2#7904fffd-fc68-4d93-b611-4dc06ab26bf4',
    mode: 'VIDEO_CALL',
    expires: 1.502893131855e9,
    sessionState: 'INVITED',
    dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
  },
  state: 'OPEN',
  creationTs: 1502893041905,
  metaDataLastUpdateTs: 1502893041905,
};

/** The seed's hang-up / cancel / expiry dialog, verbatim (voice-and-video-calls.md, last section). */
export const SEED_CLOSED_DIALOG: JsonObject = {
  dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
  dialogType: 'OTHER',
  channelType: 'COBROWSE',
  metaData: { sessionState: 'CLOSED' },
};

/** Options of {@link callDialog}. Times are epoch milliseconds. */
export interface CallDialogOptions {
  readonly dialogId?: string;
  /** `VOICE_CALL`, `VIDEO_CALL`, `shared`, `view`, `follow` (default `VIDEO_CALL`). */
  readonly mode?: string | null;
  /** Default `INVITED`. */
  readonly sessionState?: string | null;
  /** Expiry in ms (written as `expires` in seconds); default `creationTs + 120 s`. */
  readonly expiresAt?: number | null;
  readonly creationTs?: number | null;
  /** Default: `creationTs`. */
  readonly metaDataLastUpdateTs?: number | null;
  /** Dialog `state`; default `CLOSE` when `sessionState` is `CLOSED`, else `OPEN`. */
  readonly state?: string | null;
  readonly serviceId?: string | null;
  /** Left out unless given. */
  readonly notificationKey?: string | null;
  readonly consumerId?: string;
  /** The second entry of `participants`; `null` leaves `participants` out. */
  readonly agentId?: string | null;
}

/** A COBROWSE (call or co-browse) dialog, as inside `conversationDetails.dialogs`. */
export function callDialog(options: CallDialogOptions = {}): JsonObject {
  const dialogId = options.dialogId ?? FRAME_DEFAULTS.dialogId;
  const sessionState = pick(options.sessionState, 'INVITED');
  const creationTs = pick(options.creationTs, FRAME_DEFAULTS.creationTs);
  const expiresAt = pick(options.expiresAt, (creationTs ?? FRAME_DEFAULTS.creationTs) + FRAME_DEFAULTS.invitationTtlMs);
  const agentId = pick(options.agentId, FRAME_DEFAULTS.agentId);
  return compact({
    dialogId,
    participants: agentId === undefined ? undefined : [options.consumerId ?? FRAME_DEFAULTS.consumerId, agentId],
    dialogType: 'OTHER',
    channelType: 'COBROWSE',
    metaData: compact({
      serviceId: pick(options.serviceId, FRAME_DEFAULTS.serviceId),
      mode: pick(options.mode, 'VIDEO_CALL'),
      expires: expiresAt === undefined ? undefined : expiresAt / 1000,
      sessionState,
      dialogId,
      notificationKey: pick(options.notificationKey, undefined),
    }),
    state: pick(options.state, sessionState === 'CLOSED' ? 'CLOSE' : 'OPEN'),
    creationTs,
    metaDataLastUpdateTs: pick(options.metaDataLastUpdateTs, creationTs),
  });
}

/** Options of {@link mainDialog}. */
export interface MainDialogOptions {
  /** Also the dialog id (the MAIN dialog id equals the conversation id). */
  readonly conversationId?: string;
  readonly state?: string;
  readonly consumerId?: string;
  readonly agentPid?: string | null;
  readonly creationTs?: number;
  readonly metaDataLastUpdateTs?: number;
}

/** The MAIN messaging dialog of a conversation. */
export function mainDialog(options: MainDialogOptions = {}): JsonObject {
  const agentPid = pick(options.agentPid, FRAME_DEFAULTS.agentPid);
  const creationTs = options.creationTs ?? FRAME_DEFAULTS.creationTs;
  return {
    dialogId: options.conversationId ?? FRAME_DEFAULTS.conversationId,
    dialogType: 'MAIN',
    channelType: 'MESSAGING',
    state: options.state ?? 'OPEN',
    participantsDetails: [
      { id: options.consumerId ?? FRAME_DEFAULTS.consumerId, role: 'CONSUMER', state: 'ACTIVE' },
      ...(agentPid === undefined ? [] : [{ id: agentPid, role: 'ASSIGNED_AGENT', state: 'ACTIVE' }]),
    ],
    metaData: { appInstallId: 'a44eb05d-7c1f-4e2a-9b3c-5d6e7f8a9b0c' },
    creationTs,
    metaDataLastUpdateTs: options.metaDataLastUpdateTs ?? creationTs,
  };
}

/** Options of {@link conversationUpsert}. */
export interface ConversationUpsertOptions {
  readonly conversationId?: string;
  /** Default: just the MAIN dialog. */
  readonly dialogs?: readonly JsonObject[];
  /** Reflects the MAIN dialog; default `OPEN`. */
  readonly state?: string;
  /** The whole conversation; default: `state`. */
  readonly stage?: string;
  /** Default: the newest `metaDataLastUpdateTs` among `dialogs` (or the default creation time). */
  readonly metaDataLastUpdateTs?: number;
  /** Default: the consumer, then the assigned agent. */
  readonly participants?: readonly { readonly id: string; readonly role: string }[];
}

/** One UPSERT change: the whole current conversation (put it into {@link exConversationNotification}). */
export function conversationUpsert(options: ConversationUpsertOptions = {}): JsonObject {
  const conversationId = options.conversationId ?? FRAME_DEFAULTS.conversationId;
  const dialogs = options.dialogs ?? [mainDialog({ conversationId })];
  const state = options.state ?? 'OPEN';
  const participants = options.participants ?? [
    { id: FRAME_DEFAULTS.consumerId, role: 'CONSUMER' },
    { id: FRAME_DEFAULTS.agentPid, role: 'ASSIGNED_AGENT' },
  ];
  const dialogTs = dialogs.map((d) => d['metaDataLastUpdateTs']).filter((ts) => typeof ts === 'number');
  return {
    type: 'UPSERT',
    result: {
      convId: conversationId,
      effectiveTTR: -1,
      conversationDetails: {
        skillId: '3801636938',
        brandId: '87657570',
        participants: participants.map(({ id, role }) => ({ id, role })),
        dialogs: [...dialogs],
        state,
        stage: options.stage ?? state,
        startTs: FRAME_DEFAULTS.creationTs,
        metaDataLastUpdateTs: options.metaDataLastUpdateTs ?? (dialogTs.length > 0 ? Math.max(...dialogTs) : FRAME_DEFAULTS.creationTs),
      },
    },
  };
}

/** One DELETE change: the conversation left the subscription. */
export function conversationDelete(conversationId: string = FRAME_DEFAULTS.conversationId): JsonObject {
  return { type: 'DELETE', result: { convId: conversationId } };
}

/** A `cqm.ExConversationChangeNotification` carrying `changes` (UPSERT / DELETE). */
export function exConversationNotification(options: {
  readonly subscriptionId?: string | null;
  readonly changes: readonly JsonObject[];
  readonly sentTs?: number;
}): JsonObject {
  return {
    kind: 'notification',
    type: 'cqm.ExConversationChangeNotification',
    body: compact({
      subscriptionId: pick(options.subscriptionId, FRAME_DEFAULTS.subscriptionId),
      sentTs: options.sentTs ?? FRAME_DEFAULTS.creationTs,
      changes: [...options.changes],
    }),
  };
}

/** Options of {@link messagingEventChange}. */
export interface MessagingEventChangeOptions {
  readonly dialogId?: string;
  readonly conversationId?: string;
  readonly sequence?: number;
  readonly originatorId?: string;
  readonly role?: string;
  readonly serverTimestamp?: number;
  /** Default: a `text/plain` ContentEvent carrying `text`. */
  readonly event?: JsonObject;
  readonly text?: string;
}

/** One change of an `ms.MessagingEventNotification` (default: the agent says "Hello"). */
export function messagingEventChange(options: MessagingEventChangeOptions = {}): JsonObject {
  const conversationId = options.conversationId ?? FRAME_DEFAULTS.conversationId;
  const originatorId = options.originatorId ?? FRAME_DEFAULTS.agentPid;
  return {
    sequence: options.sequence ?? 0,
    originatorId,
    originatorMetadata: { id: originatorId, role: options.role ?? 'ASSIGNED_AGENT' },
    serverTimestamp: options.serverTimestamp ?? FRAME_DEFAULTS.creationTs,
    event: options.event ?? { type: 'ContentEvent', contentType: 'text/plain', message: options.text ?? 'Hello' },
    conversationId,
    dialogId: options.dialogId ?? conversationId,
  };
}

/** An `ms.MessagingEventNotification` (default: one change built by {@link messagingEventChange}). */
export function messagingEventNotification(options: { readonly changes?: readonly JsonObject[]; readonly sentTs?: number } = {}): JsonObject {
  return {
    kind: 'notification',
    type: 'ms.MessagingEventNotification',
    body: { sentTs: options.sentTs ?? FRAME_DEFAULTS.creationTs, changes: [...(options.changes ?? [messagingEventChange()])] },
  };
}

/** A response (`kind: "resp"`); `body` and `type` are left out unless given. */
export function response(options: { readonly reqId: string; readonly code?: number; readonly body?: Json; readonly type?: string }): JsonObject {
  return compact({ kind: 'resp', reqId: options.reqId, code: options.code ?? 200, type: options.type, body: options.body });
}

/** The documented success response of each request type, by `reqId`. */
export const responses = {
  initConnection: (reqId: string): JsonObject => response({ reqId, type: '.ReqBody$StringResp', body: 'OK' }),
  getClock: (reqId: string, currentTime: number = FRAME_DEFAULTS.creationTs): JsonObject =>
    response({ reqId, type: 'GetClockResponse', body: { currentTime } }),
  requestConversation: (reqId: string, conversationId: string = FRAME_DEFAULTS.conversationId): JsonObject =>
    response({ reqId, type: 'cm.RequestConversationResponse', body: { conversationId } }),
  publishEvent: (reqId: string, sequence = 0): JsonObject => response({ reqId, type: 'ms.PublishEventResponse', body: { sequence } }),
  subscribeMessagingEvents: (reqId: string): JsonObject => response({ reqId, type: '.ams.GenericSubscribeResponse' }),
  updateConversationField: (reqId: string): JsonObject =>
    response({ reqId, type: 'StringResponse', body: 'OK Conversation resolved successfully' }),
  subscribeExConversations: (reqId: string, subscriptionId: string = FRAME_DEFAULTS.subscriptionId): JsonObject =>
    response({ reqId, type: 'cqm.SubscribeExConversationsResponse', body: { subscriptionId } }),
  unsubscribeExConversations: (reqId: string): JsonObject => response({ reqId, type: '.ReqBody$StringResp', body: 'OK' }),
  /** A failure: `code` ≥ 400 with a string body (e.g. 400, 429). */
  error: (reqId: string, code: number, body = 'Bad request'): JsonObject => response({ reqId, code, type: '.ReqBody$StringResp', body }),
} as const;

/** The frame as JSON text, as it travels over the socket. */
export function frameText(frame: JsonObject): string {
  return JSON.stringify(frame);
}

/** `undefined` → the default; `null` → leave the field out. */
function pick<T>(value: T | null | undefined, fallback: T | undefined): T | undefined {
  return value === null ? undefined : (value ?? fallback);
}

/** Drops `undefined` members so the result is valid JSON. */
function compact(members: { readonly [key: string]: Json | undefined }): JsonObject {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(members)) if (value !== undefined) out[key] = value;
  return out;
}
