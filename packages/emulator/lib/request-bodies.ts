/**
 * Readers for the bodies of the requests a consumer sends. Each returns the narrowed value or a short
 * error text (sent back as the 400 response's string body).
 */
import type { JsonObject } from './json';
import { asList, isJsonObject, isRecord, nonEmptyString, stringList } from './narrow';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (error: string): Read<never> => ({ ok: false, error });

/** InitConnection headers, reduced to what the emulator needs. */
export interface InitHeaders {
  /** `undefined`: no ConsumerAuthentication header (the socket closes with 4401). */
  readonly jwt: string | undefined;
  readonly features: readonly string[];
}

export function readInitHeaders(headers: unknown): Read<InitHeaders> {
  if (headers === undefined) return fail('InitConnection requires headers');
  let jwt: string | undefined;
  let features: readonly string[] = [];
  for (const header of asList(headers)) {
    if (!isRecord(header)) return fail('headers must be objects');
    if (header['type'] === '.ams.headers.ConsumerAuthentication') {
      if (typeof header['jwt'] !== 'string') return fail('ConsumerAuthentication.jwt must be a string');
      jwt = header['jwt'];
    } else if (header['type'] === '.ams.headers.ClientProperties' && header['features'] !== undefined) {
      const list = stringList(header['features']);
      if (list === undefined) return fail('ClientProperties.features must be strings');
      features = list;
    }
  }
  return ok({ jwt, features });
}

/** What a consumer may set when requesting a conversation. */
export interface RequestConversationInput {
  readonly skillId: string | undefined;
  readonly campaignInfo: JsonObject | undefined;
  readonly context: JsonObject | undefined;
}

export function readRequestConversation(body: unknown): Read<RequestConversationInput> {
  if (body === undefined || body === null) return ok({ skillId: undefined, campaignInfo: undefined, context: undefined });
  if (!isRecord(body)) return fail('body must be an object');
  const { skillId, campaignInfo, conversationContext } = body;
  if (skillId !== undefined && skillId !== null && typeof skillId !== 'string') return fail('skillId must be a string');
  return ok({
    skillId: typeof skillId === 'string' ? skillId : undefined,
    campaignInfo: isJsonObject(campaignInfo) ? campaignInfo : undefined,
    context: isJsonObject(conversationContext) ? conversationContext : undefined,
  });
}

/** A messaging event to publish. `ephemeral`: a ChatStateEvent (not stored, no sequence). */
export interface PublishInput {
  readonly dialogId: string;
  readonly conversationId: string | undefined;
  readonly event: JsonObject;
  readonly ephemeral: boolean;
}

function eventError(event: JsonObject): string | undefined {
  switch (event['type']) {
    case 'ContentEvent':
      return typeof event['message'] === 'string' && typeof event['contentType'] === 'string' ? undefined : 'ContentEvent needs message and contentType strings';
    case 'ChatStateEvent':
      return typeof event['chatState'] === 'string' ? undefined : 'ChatStateEvent needs a chatState string';
    case 'AcceptStatusEvent': {
      const list = event['sequenceList'];
      const valid = typeof event['status'] === 'string' && Array.isArray(list) && list.every((n) => Number.isInteger(n) && typeof n === 'number' && n >= 0);
      return valid ? undefined : 'AcceptStatusEvent needs status and a sequenceList of integers';
    }
    default:
      return typeof event['type'] === 'string' ? undefined : 'event.type must be a string';
  }
}

export function readPublish(body: unknown): Read<PublishInput> {
  if (!isRecord(body)) return fail('body must be an object');
  const dialogId = nonEmptyString(body['dialogId'], 64);
  if (dialogId === undefined) return fail('dialogId is required');
  const conversationId = body['conversationId'];
  if (conversationId !== undefined && typeof conversationId !== 'string') return fail('conversationId must be a string');
  const event = body['event'];
  if (!isJsonObject(event)) return fail('event must be an object');
  const error = eventError(event);
  return error === undefined ? ok({ dialogId, conversationId, event, ephemeral: event['type'] === 'ChatStateEvent' }) : fail(error);
}

export interface SubscribeEventsInput {
  readonly dialogId: string;
  readonly fromSeq: number;
}

export function readSubscribeEvents(body: unknown): Read<SubscribeEventsInput> {
  if (!isRecord(body)) return fail('body must be an object');
  const dialogId = nonEmptyString(body['dialogId'], 64);
  if (dialogId === undefined) return fail('dialogId is required');
  const fromSeq = body['fromSeq'] ?? 0;
  if (typeof fromSeq !== 'number' || !Number.isInteger(fromSeq) || fromSeq < 0) return fail('fromSeq must be a non-negative integer');
  return ok({ dialogId, fromSeq });
}

/** One change of `cm.UpdateConversationField` the emulator understands. */
export type FieldChange =
  | { readonly field: 'ConversationStateField' | 'Stage'; readonly conversationState: string }
  | { readonly field: 'DialogChange'; readonly dialogId: string; readonly state: string | undefined; readonly closedCause: string | undefined };

function readField(field: unknown): Read<FieldChange> {
  if (!isRecord(field)) return fail('conversationField must be an object');
  const name = field['field'];
  if (name === 'ConversationStateField' || name === 'Stage') {
    const state = field['conversationState'];
    return typeof state === 'string' ? ok({ field: name, conversationState: state }) : fail(`${name} needs conversationState`);
  }
  if (name === 'DialogChange') {
    const dialog = field['dialog'];
    if (!isRecord(dialog)) return fail('DialogChange needs a dialog');
    const dialogId = nonEmptyString(dialog['dialogId'], 64);
    const { state, closedCause } = dialog;
    if (dialogId === undefined) return fail('DialogChange needs dialog.dialogId');
    return ok({
      field: name,
      dialogId,
      state: typeof state === 'string' ? state : undefined,
      closedCause: typeof closedCause === 'string' ? closedCause : undefined,
    });
  }
  return fail(`unsupported conversationField: ${typeof name === 'string' ? name.slice(0, 40) : 'missing field'}`);
}

export interface UpdateFieldsInput {
  readonly conversationId: string;
  readonly fields: readonly FieldChange[];
}

export function readUpdateFields(body: unknown): Read<UpdateFieldsInput> {
  if (!isRecord(body)) return fail('body must be an object');
  const conversationId = nonEmptyString(body['conversationId'], 64);
  if (conversationId === undefined) return fail('conversationId is required');
  if (body['conversationField'] === undefined) return fail('conversationField is required');
  const fields: FieldChange[] = [];
  for (const item of asList(body['conversationField'])) {
    const field = readField(item);
    if (!field.ok) return field;
    fields.push(field.value);
  }
  return ok({ conversationId, fields });
}

export interface SubscribeConversationsInput {
  readonly minLastUpdatedTime: number;
  readonly convState: readonly string[] | undefined;
  readonly stage: readonly string[] | undefined;
}

export function readSubscribeConversations(body: unknown): Read<SubscribeConversationsInput> {
  if (body === undefined || body === null) return ok({ minLastUpdatedTime: 0, convState: undefined, stage: undefined });
  if (!isRecord(body)) return fail('body must be an object');
  const min = body['minLastUpdatedTime'] ?? 0;
  if (typeof min !== 'number' || !Number.isFinite(min) || min < 0) return fail('minLastUpdatedTime must be a number >= 0');
  const convState = body['convState'] === undefined ? undefined : stringList(body['convState']);
  const stage = body['stage'] === undefined ? undefined : stringList(body['stage']);
  if ((body['convState'] !== undefined && convState === undefined) || (body['stage'] !== undefined && stage === undefined)) {
    return fail('convState and stage must be lists of strings');
  }
  return ok({ minLastUpdatedTime: min, convState, stage });
}

export function readUnsubscribe(body: unknown): Read<{ readonly subscriptionId: string }> {
  const subscriptionId = isRecord(body) ? nonEmptyString(body['subscriptionId'], 64) : undefined;
  return subscriptionId === undefined ? fail('subscriptionId is required') : ok({ subscriptionId });
}
