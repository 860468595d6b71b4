/**
 * `decodeResponseBody(type, body)`: the body of a successful response, narrowed per request type.
 */
import { decodeError } from './decode-error';
import { Fields } from './fields';
import { Fail, isObject, Issues, type Read } from './read';
import type { BodyDecodeResult, Json, JsonObject, RequestType, ResponseBodies } from './types';

type BodyDecoders = { readonly [T in RequestType]: (body: Json | undefined) => Read<ResponseBodies[T]> };

const PATH = 'body';

/** A string body, or none; `null` and `{}` (seen on generic responses) count as none. */
function stringOrAbsent(body: Json | undefined): Read<string | undefined> {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return undefined;
  if (isObject(body) && Object.keys(body).length === 0) return undefined;
  return new Fail(PATH, 'string');
}

/** GenericSubscribeResponse: no body, `{}`, or an informational string/object. */
function noBody(body: Json | undefined): Read<undefined> {
  if (body === undefined || body === null || typeof body === 'string' || isObject(body)) return undefined;
  return new Fail(PATH, 'object');
}

function objectBody<T>(body: Json | undefined, read: (f: Fields, body: JsonObject) => T): Read<T> {
  if (!isObject(body)) return new Fail(PATH, 'object');
  const f = new Fields(PATH, new Issues()); // no lists in response bodies: nothing is ever recorded
  const value = read(f, body);
  return f.fail ?? value;
}

const DECODERS: BodyDecoders = {
  InitConnection: stringOrAbsent,
  GetClock: (body) => objectBody(body, (f, b) => ({ currentTime: f.timestamp(b['currentTime'], 'currentTime') })),
  'cm.ConsumerRequestConversation': (body) => objectBody(body, (f, b) => ({ conversationId: f.id(b['conversationId'], 'conversationId') })),
  'ms.PublishEvent': (body) => objectBody(body, (f, b) => ({ sequence: f.integer(b['sequence'], 'sequence', 0) })),
  'ms.SubscribeMessagingEvents': noBody,
  'cm.UpdateConversationField': stringOrAbsent,
  'cqm.SubscribeExConversations': (body) => objectBody(body, (f, b) => ({ subscriptionId: f.id(b['subscriptionId'], 'subscriptionId') })),
  'cqm.UnsubscribeExConversations': stringOrAbsent,
};

/**
 * Narrows a successful response's `body` for the request `type` it answers:
 * `GetClock` → `{currentTime}`, `cm.ConsumerRequestConversation` → `{conversationId}`,
 * `ms.PublishEvent` → `{sequence}`, `cqm.SubscribeExConversations` → `{subscriptionId}`; the others
 * carry an optional informational string. Never throws; errors name the path (`body.sequence`).
 */
export function decodeResponseBody<T extends RequestType>(type: T, body: Json | undefined): BodyDecodeResult<ResponseBodies[T]> {
  const decoder: BodyDecoders[T] | undefined = Object.hasOwn(DECODERS, type) ? DECODERS[type] : undefined;
  if (decoder === undefined) return { ok: false, error: decodeError(new Fail('type', 'a known request type'), String(type)) };
  let value: Read<ResponseBodies[T]>;
  try {
    value = decoder(body);
  } catch (error: unknown) {
    value = new Fail(PATH, `a decodable body (internal ${error instanceof Error ? error.name : typeof error})`);
  }
  return value instanceof Fail ? { ok: false, error: decodeError(value, excerptText(body)) } : { ok: true, value };
}

function excerptText(body: Json | undefined): string {
  try {
    return JSON.stringify(body) ?? '';
  } catch {
    return '';
  }
}
