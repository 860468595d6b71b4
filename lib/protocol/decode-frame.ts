/**
 * `decode(text)`: one inbound WebSocket text frame to a typed frame or a typed error. Total: it
 * never throws.
 */
import { decodeExConversationBody } from './decode-conversation';
import { decodeMessagingBody } from './decode-messaging';
import { decodeText } from './decode-text';
import { Fields } from './fields';
import { Fail, isObject, Issues, type Read } from './read';
import type { DecodeResult, InboundFrame, JsonObject, NotificationFrame, ResponseFrame } from './types';

/** A response; `reqId` may be a number on the wire (exposed as a string); `type` is informational only. */
export function decodeResponse(root: JsonObject, issues: Issues): Read<ResponseFrame> {
  const f = new Fields('', issues);
  const reqId = f.id(root['reqId'], 'reqId');
  const code = f.integer(root['code'], 'code');
  if (f.fail !== undefined) return f.fail;
  const type = root['type'];
  // The docs disagree on response `type` strings: never fail a response over it.
  return { kind: 'resp', reqId, code, type: typeof type === 'string' ? type : undefined, body: root['body'] };
}

function decodeNotification(root: JsonObject, issues: Issues): Read<NotificationFrame> {
  const type = root['type'];
  if (typeof type !== 'string') return new Fail('type', 'string');
  switch (type) {
    case 'cqm.ExConversationChangeNotification': {
      const body = decodeExConversationBody(root['body'], 'body', issues);
      return body instanceof Fail ? body : { kind: 'notification', type, body };
    }
    case 'ms.MessagingEventNotification': {
      const body = decodeMessagingBody(root['body'], 'body', issues);
      return body instanceof Fail ? body : { kind: 'notification', type, body };
    }
    default:
      return { kind: 'notification', type: 'unknown', notificationType: type, body: root['body'] };
  }
}

/**
 * A parsed frame (any JSON value) to a typed frame, or the first failure outside any list. What
 * was dropped or adjusted inside lists is recorded in `issues`.
 */
export function decodeParsed(root: unknown, issues: Issues = new Issues()): Read<InboundFrame> {
  if (!isObject(root)) return new Fail('', 'JSON object');
  const kind = root['kind'];
  if (typeof kind !== 'string') return new Fail('kind', 'string');
  switch (kind) {
    case 'resp':
      return decodeResponse(root, issues);
    case 'notification':
      return decodeNotification(root, issues);
    default:
      return { kind: 'unknown', frameKind: kind, raw: root };
  }
}

/**
 * Decodes one inbound text frame. Never throws: a malformed frame becomes a `DecodeError` naming
 * the offending path (e.g. `body.changes: expected array`).
 *
 * Failure is isolated: one element of a list that does not decode (a change, a dialog, a
 * participant, a messaging change, …) is left out, and the frame is still delivered with an entry
 * in `issues` naming it (`recovery: { type: 'dropped', element }`); so is an implausible `expires`
 * (`recovery: { type: 'expires', rule }`). Only a failure outside any list drops the whole frame.
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
 * if (result.ok) {
 *   result.issues.forEach((issue) => diagnostics.report(issue.message));
 *   frame$.next(result.frame);
 * } else diagnostics.report(result.error.message);
 * ```
 */
export function decode(text: string): DecodeResult {
  return decodeText(text, decodeParsed);
}
