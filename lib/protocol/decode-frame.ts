/**
 * `decode(text)`: one inbound WebSocket text frame to a typed frame or a typed error. Total: it
 * never throws.
 */
import { decodeExConversationBody } from './decode-conversation';
import { decodeError } from './decode-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './depth';
import { decodeMessagingBody } from './decode-messaging';
import { Fields } from './fields';
import { Fail, isObject, type Read } from './read';
import type { DecodeResult, InboundFrame, JsonObject, NotificationFrame, ResponseFrame } from './types';

/** A response; `reqId` may be a number on the wire (exposed as a string); `type` is informational only. */
function decodeResponse(root: JsonObject): Read<ResponseFrame> {
  const f = new Fields('');
  const reqId = f.id(root['reqId'], 'reqId');
  const code = f.integer(root['code'], 'code');
  if (f.fail !== undefined) return f.fail;
  const type = root['type'];
  // The docs disagree on response `type` strings: never fail a response over it.
  return { kind: 'resp', reqId, code, type: typeof type === 'string' ? type : undefined, body: root['body'] };
}

function decodeNotification(root: JsonObject): Read<NotificationFrame> {
  const type = root['type'];
  if (typeof type !== 'string') return new Fail('type', 'string');
  switch (type) {
    case 'cqm.ExConversationChangeNotification': {
      const body = decodeExConversationBody(root['body'], 'body');
      return body instanceof Fail ? body : { kind: 'notification', type, body };
    }
    case 'ms.MessagingEventNotification': {
      const body = decodeMessagingBody(root['body'], 'body');
      return body instanceof Fail ? body : { kind: 'notification', type, body };
    }
    default:
      return { kind: 'notification', type: 'unknown', notificationType: type, body: root['body'] };
  }
}

/** A parsed frame (any JSON value) to a typed frame, or the first failure. */
export function decodeParsed(root: unknown): Read<InboundFrame> {
  if (!isObject(root)) return new Fail('', 'JSON object');
  const kind = root['kind'];
  if (typeof kind !== 'string') return new Fail('kind', 'string');
  switch (kind) {
    case 'resp':
      return decodeResponse(root);
    case 'notification':
      return decodeNotification(root);
    default:
      return { kind: 'unknown', frameKind: kind, raw: root };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Decodes one inbound text frame. Never throws: malformed input becomes a `DecodeError` naming the
 * offending path (e.g. `body.changes[0].result.conversationDetails.dialogs: expected array`).
 *
 * - `kind: "resp"` → `ResponseFrame` (`reqId` always a string; `code` a finite integer);
 * - `kind: "notification"` → the two modelled notifications, else `UnknownNotification`;
 * - any other `kind` string → `UnknownFrame`; a missing or non-string `kind` → error at `kind`;
 * - JSON nested more than 1000 levels deep → an error at the frame, without parsing it.
 *
 * @example
 * ```ts
 * import { decode } from 'lp-call-streams/protocol';
 * const result = decode(message.data);
 * if (result.ok) frame$.next(result.frame); else diagnostics.report(result.error.message);
 * ```
 */
export function decode(text: string): DecodeResult {
  if (typeof text !== 'string') return { ok: false, error: decodeError(new Fail('', 'text frame (string)'), '') };
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return { ok: false, error: decodeError(new Fail('', `JSON nested at most ${MAX_JSON_DEPTH} levels deep`), text) };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: decodeError(new Fail('', 'JSON text'), text) };
  }
  try {
    const frame = decodeParsed(parsed);
    return frame instanceof Fail ? { ok: false, error: decodeError(frame, text) } : { ok: true, frame };
  } catch (error: unknown) {
    // Not expected (the decoders return failures as values); kept so `decode` stays total.
    return { ok: false, error: decodeError(new Fail('', `a decodable frame (internal ${describe(error)})`), text) };
  }
}
