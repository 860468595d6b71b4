/**
 * Decoding the body of `ms.MessagingEventNotification` and its events.
 */
import { decodeError, excerptOf, issueError } from './decode-error';
import { Fields } from './fields';
import { at, Fail, isNumber, isObject, Issues, readSequence, type Read } from './read';
import type { DecodeError, InboundFrame, Json, JsonObject, MessagingEvent, MessagingEventChange, MessagingEventNotification } from './types';

function unknownEvent(eventType: string, raw: JsonObject): MessagingEvent {
  return { type: 'unknown', eventType, raw };
}

/**
 * One messaging event. Modelled: `ContentEvent` with a string `message` (`contentType` defaults to
 * `text/plain`), `ChatStateEvent`, `AcceptStatusEvent`. Anything else — including content events
 * whose `message` is not a string (files, rich content) — is an `UnknownMessagingEvent` with its JSON.
 */
export function decodeMessagingEvent(value: JsonObject, path: string, issues: Issues): Read<MessagingEvent> {
  const type = value['type'];
  if (typeof type !== 'string') return new Fail(at(path, 'type'), 'string');
  const f = new Fields(path, issues);
  switch (type) {
    case 'ContentEvent': {
      const message = value['message'];
      if (typeof message !== 'string') return unknownEvent(type, value);
      const contentType = f.optString(value['contentType'], 'contentType') ?? 'text/plain';
      return f.fail ?? { type, contentType, message };
    }
    case 'ChatStateEvent': {
      const chatState = f.string(value['chatState'], 'chatState');
      return f.fail ?? { type, chatState };
    }
    case 'AcceptStatusEvent': {
      const status = f.string(value['status'], 'status');
      const sequenceList = f.list(value['sequenceList'], 'sequenceList', isNumber, 'number', readSequence);
      return f.fail ?? { type, status, sequenceList };
    }
    default:
      return unknownEvent(type, value);
  }
}

function decodeOriginatorMetadata(value: JsonObject, path: string, issues: Issues): Read<MessagingEventChange['originatorMetadata']> {
  const f = new Fields(path, issues);
  const metadata = { id: f.id(value['id'], 'id'), role: f.string(value['role'], 'role') };
  return f.fail ?? metadata;
}

/** One entry of `changes`: `originatorId`, `event` and `dialogId` are required (else the change is dropped). */
export function decodeMessagingChange(value: JsonObject, path: string, issues: Issues): Read<MessagingEventChange> {
  const f = new Fields(path, issues);
  const sequence = f.optInteger(value['sequence'], 'sequence', 0);
  const originatorId = f.id(value['originatorId'], 'originatorId');
  const originatorMetadata = f.optNested(value['originatorMetadata'], 'originatorMetadata', decodeOriginatorMetadata);
  const serverTimestamp = f.optTimestamp(value['serverTimestamp'], 'serverTimestamp');
  const event = f.nested(value['event'], 'event', decodeMessagingEvent);
  const conversationId = f.optId(value['conversationId'], 'conversationId');
  const dialogId = f.id(value['dialogId'], 'dialogId');
  const messageAudience = f.optString(value['messageAudience'], 'messageAudience');
  // `event` is undefined only after a failure; the fallback keeps the types honest.
  if (f.fail !== undefined || event === undefined) return f.fail ?? new Fail(f.pathOf('event'), 'object');
  return { sequence, originatorId, originatorMetadata, serverTimestamp, event, conversationId, dialogId, messageAudience };
}

/** The body of `ms.MessagingEventNotification` (at `path`, normally `body`); a change that does not decode is left out. */
export function decodeMessagingBody(value: Json | undefined, path: string, issues: Issues): Read<MessagingEventNotification['body']> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path, issues);
  const body: MessagingEventNotification['body'] = {
    sentTs: f.optTimestamp(value['sentTs'], 'sentTs'),
    changes: f.list(value['changes'], 'changes', isObject, 'object', decodeMessagingChange),
  };
  return f.fail ?? body;
}

/** The messaging changes of one inbound frame, and what decoding them dropped. */
export interface MessagingChanges {
  readonly changes: readonly MessagingEventChange[];
  /** The body or a change that did not decode (the frame's excerpt is its JSON). */
  readonly errors: readonly DecodeError[];
}

const NONE: MessagingChanges = { changes: [], errors: [] };

/**
 * The changes of an `ms.MessagingEventNotification`: as decoded by `decode`, or — when the frame
 * came from `decodeCallFrame`, which leaves messaging bodies untouched — decoded now, with the same
 * isolation (a change that does not decode is left out, named in `errors`; a body that does not
 * decode gives no changes and one error). Any other frame has none. Never throws.
 */
export function messagingChangesOf(frame: InboundFrame): MessagingChanges {
  if (frame.kind !== 'notification') return NONE;
  if (frame.type === 'ms.MessagingEventNotification') return { changes: frame.body.changes, errors: [] };
  if (frame.type !== 'unknown' || frame.notificationType !== 'ms.MessagingEventNotification') return NONE;
  const issues = new Issues();
  const body = decodeMessagingBody(frame.body, 'body', issues);
  const { list } = issues;
  if (!(body instanceof Fail) && list === undefined) return { changes: body.changes, errors: [] };
  // Only on failure: the excerpt needs the frame's text.
  const text = JSON.stringify({ kind: 'notification', type: frame.notificationType, body: frame.body });
  if (body instanceof Fail) return { changes: [], errors: [decodeError(body, text)] };
  const excerpt = excerptOf(text);
  return { changes: body.changes, errors: (list ?? []).map((issue) => issueError(issue, excerpt)) };
}
