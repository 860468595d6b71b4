/**
 * Reads one text frame from a consumer socket into a typed request, or a 400 to answer with.
 * Lenient where LivePerson's docs are (a missing `kind`, a numeric `id`, `.GetClock`, one element
 * instead of a one-element array), strict everywhere else; never throws.
 */
import { MAX_JSON_DEPTH } from './limits';
import { isRecord, parseJson } from './narrow';
import {
  readInitHeaders,
  readPublish,
  readRequestConversation,
  readSubscribeConversations,
  readSubscribeEvents,
  readUnsubscribe,
  readUpdateFields,
  type InitHeaders,
  type PublishInput,
  type Read,
  type RequestConversationInput,
  type SubscribeConversationsInput,
  type SubscribeEventsInput,
  type UpdateFieldsInput,
} from './request-bodies';

/** A request the emulator understands, discriminated on `type`; `id` is always a string. */
export type EmulatorRequest =
  | { readonly type: 'InitConnection'; readonly id: string; readonly body: InitHeaders }
  | { readonly type: 'GetClock'; readonly id: string; readonly body: undefined }
  | { readonly type: 'KeepAlive'; readonly id: string; readonly body: undefined }
  | { readonly type: 'cm.ConsumerRequestConversation'; readonly id: string; readonly body: RequestConversationInput }
  | { readonly type: 'ms.PublishEvent'; readonly id: string; readonly body: PublishInput }
  | { readonly type: 'ms.SubscribeMessagingEvents'; readonly id: string; readonly body: SubscribeEventsInput }
  | { readonly type: 'cm.UpdateConversationField'; readonly id: string; readonly body: UpdateFieldsInput }
  | { readonly type: 'cqm.SubscribeExConversations'; readonly id: string; readonly body: SubscribeConversationsInput }
  | { readonly type: 'cqm.UnsubscribeExConversations'; readonly id: string; readonly body: { readonly subscriptionId: string } };

export type EmulatorRequestType = EmulatorRequest['type'];

/** A frame that cannot be served: answer `code` with `message` (and `reqId` when one was readable). */
export interface RequestRejection {
  readonly reqId: string | undefined;
  readonly code: 400;
  readonly message: string;
}

export type ReadRequestResult = { readonly ok: true; readonly request: EmulatorRequest } | { readonly ok: false; readonly rejection: RequestRejection };

const reject = (reqId: string | undefined, message: string): ReadRequestResult => ({
  ok: false,
  rejection: { reqId, code: 400, message: message.slice(0, 128) },
});

function readId(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

const TYPES: readonly EmulatorRequestType[] = [
  'InitConnection',
  'GetClock',
  'KeepAlive',
  'cm.ConsumerRequestConversation',
  'ms.PublishEvent',
  'ms.SubscribeMessagingEvents',
  'cm.UpdateConversationField',
  'cqm.SubscribeExConversations',
  'cqm.UnsubscribeExConversations',
];

/** Known types by name; older docs also spell some with a leading dot (`.GetClock`). */
const BY_NAME: ReadonlyMap<string, EmulatorRequestType> = new Map<string, EmulatorRequestType>([
  ...TYPES.map((type): [string, EmulatorRequestType] => [type, type]),
  ['.GetClock', 'GetClock'],
  ['.InitConnection', 'InitConnection'],
  ['.KeepAlive', 'KeepAlive'],
]);

function wrap<B>(id: string, type: EmulatorRequestType, read: Read<B>, make: (body: B) => EmulatorRequest): ReadRequestResult {
  return read.ok ? { ok: true, request: make(read.value) } : reject(id, `${type}: ${read.error}`);
}

function readTyped(type: EmulatorRequestType, id: string, frame: Record<string, unknown>): ReadRequestResult {
  const body = frame['body'];
  switch (type) {
    case 'InitConnection':
      return wrap(id, type, readInitHeaders(frame['headers']), (b) => ({ type, id, body: b }));
    case 'GetClock':
    case 'KeepAlive':
      return { ok: true, request: { type, id, body: undefined } };
    case 'cm.ConsumerRequestConversation':
      return wrap(id, type, readRequestConversation(body), (b) => ({ type, id, body: b }));
    case 'ms.PublishEvent':
      return wrap(id, type, readPublish(body), (b) => ({ type, id, body: b }));
    case 'ms.SubscribeMessagingEvents':
      return wrap(id, type, readSubscribeEvents(body), (b) => ({ type, id, body: b }));
    case 'cm.UpdateConversationField':
      return wrap(id, type, readUpdateFields(body), (b) => ({ type, id, body: b }));
    case 'cqm.SubscribeExConversations':
      return wrap(id, type, readSubscribeConversations(body), (b) => ({ type, id, body: b }));
    case 'cqm.UnsubscribeExConversations':
      return wrap(id, type, readUnsubscribe(body), (b) => ({ type, id, body: b }));
  }
}

/** Reads one text frame. */
export function readRequest(text: string): ReadRequestResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return reject(undefined, parsed.error === 'too-deep' ? `JSON nested deeper than ${MAX_JSON_DEPTH} levels` : 'Malformed JSON');
  const frame = parsed.value;
  if (!isRecord(frame)) return reject(undefined, 'A request must be a JSON object');
  const id = readId(frame['id']);
  if (id === undefined) return reject(undefined, 'A request needs an id (a string of 1-64 chars, or a number)');
  if (frame['kind'] !== undefined && frame['kind'] !== 'req') return reject(id, 'kind must be "req"');
  const type = frame['type'];
  if (typeof type !== 'string' || type === '') return reject(id, 'A request needs a type');
  const known = BY_NAME.get(type);
  return known === undefined ? reject(id, `Unknown request type: ${type.slice(0, 64)}`) : readTyped(known, id, frame);
}
