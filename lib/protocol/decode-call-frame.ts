/**
 * `decodeCallFrame(text)`: the decoder the call client's connection runs. It checks and copies only
 * what the connection and the call core read, and leaves the rest where it is:
 *
 * - a response: `reqId`, `code`, `type`, its `body` untouched (read by the request that asked);
 * - `cqm.ExConversationChangeNotification`: `subscriptionId`; per change its `type` and `convId`; of
 *   the conversation `state`, `stage`, `metaDataLastUpdateTs` and `participants`; of every dialog
 *   its identity (`dialogId`, `dialogType`, `channelType`, `state`), and of a **COBROWSE** dialog
 *   also `participants`, `creationTs`, `metaDataLastUpdateTs` and the whole decoded `metaData`;
 * - any other notification (`ms.MessagingEventNotification` too) as an `UnknownNotification` with
 *   its body untouched, decoded on demand (`messagingChangesOf`, lib/protocol/decode-messaging.ts) by whoever asks for it.
 *
 * What it returns satisfies the types of `decode` (every field it leaves out is optional there),
 * with the same paths in its errors and the same isolation: an element that does not decode (a
 * change, a dialog, a participant) is left out with an issue, the rest is delivered. A field it does
 * not read cannot fail it. Total: never throws. The full typed model is `decode`
 * (`lp-call-streams/protocol`), used by `createConnection`.
 */
import { decodeCobrowseMetaData, droppedDialog } from './decode-dialog';
import { decodeParticipant } from './decode-conversation';
import { decodeResponse } from './decode-frame';
import { decodeText } from './decode-text';
import { Fields } from './fields';
import { at, Fail, idIn, isObject, isString, type Issues, type Read } from './read';
import type { ConversationChange, ConversationDetails, DecodeResult, Dialog, DroppedElement, ExConversationChangeNotification, InboundFrame, Json, JsonObject } from './types';

const keepString = (value: string): string => value;

/** A COBROWSE dialog with what the call core reads; any other dialog with its identity. */
function decodeCallDialog(value: JsonObject, path: string, issues: Issues): Read<Dialog> {
  const f = new Fields(path, issues);
  const dialogId = f.id(value['dialogId'], 'dialogId');
  const dialogType = f.optString(value['dialogType'], 'dialogType');
  const channelType = f.optString(value['channelType'], 'channelType');
  const state = f.optString(value['state'], 'state');
  if (channelType !== 'COBROWSE') return f.fail ?? { dialogId, dialogType, channelType, state };
  const participants = f.optList(value['participants'], 'participants', isString, 'string', keepString);
  const creationTs = f.optTimestamp(value['creationTs'], 'creationTs');
  const metaDataLastUpdateTs = f.optTimestamp(value['metaDataLastUpdateTs'], 'metaDataLastUpdateTs');
  if (f.fail !== undefined) return f.fail;
  const metaData = decodeCobrowseMetaData(value['metaData'], at(path, 'metaData'), issues, creationTs ?? metaDataLastUpdateTs);
  return metaData instanceof Fail ? metaData : { dialogId, dialogType, channelType, state, participants, creationTs, metaDataLastUpdateTs, metaData };
}

function decodeDetails(value: Json | undefined, path: string, issues: Issues): Read<ConversationDetails> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path, issues);
  let droppedDialogs: DroppedElement[] | undefined;
  const details: ConversationDetails = {
    participants: f.optList(value['participants'], 'participants', isObject, 'object', decodeParticipant) ?? [],
    dialogs: f.list(value['dialogs'], 'dialogs', isObject, 'object', decodeCallDialog, (element) => (droppedDialogs ??= []).push(droppedDialog(element))),
    state: f.optString(value['state'], 'state'),
    stage: f.optString(value['stage'], 'stage'),
    metaDataLastUpdateTs: f.optTimestamp(value['metaDataLastUpdateTs'], 'metaDataLastUpdateTs'),
    droppedDialogs,
  };
  return f.fail ?? details;
}

// decodeChange and decodeBody follow decode-conversation.ts's decodeConversationChange and
// decodeExConversationBody without `effectiveTTR` and `sentTs`, which the call path does not read (so
// they cannot fail it). Kept apart on purpose: one shared decoder with a switch for those fields
// put them into createCallClient's bundle (+0.2 KB minified, +0.1 KB min+gzip, measured).
function decodeChange(value: JsonObject, path: string, issues: Issues): Read<ConversationChange | undefined> {
  const type = value['type'];
  if (typeof type !== 'string') return new Fail(at(path, 'type'), 'string');
  if (type !== 'UPSERT' && type !== 'DELETE') return undefined;
  const resultPath = at(path, 'result');
  const result = value['result'];
  if (!isObject(result)) return new Fail(resultPath, 'object');
  const f = new Fields(resultPath, issues);
  const convId = f.id(result['convId'], 'convId');
  if (f.fail !== undefined) return f.fail;
  const rawDetails = result['conversationDetails'];
  if (type === 'DELETE' && (rawDetails === undefined || rawDetails === null)) return { type, result: { convId, conversationDetails: undefined } };
  const conversationDetails = decodeDetails(rawDetails, f.pathOf('conversationDetails'), issues);
  if (conversationDetails instanceof Fail) return conversationDetails;
  return { type, result: { convId, conversationDetails } };
}

function decodeBody(value: Json | undefined, issues: Issues): Read<ExConversationChangeNotification['body']> {
  if (!isObject(value)) return new Fail('body', 'object');
  const f = new Fields('body', issues);
  let droppedChanges: DroppedElement[] | undefined;
  const body: ExConversationChangeNotification['body'] = {
    subscriptionId: f.optId(value['subscriptionId'], 'subscriptionId'),
    changes: f.list(value['changes'], 'changes', isObject, 'object', decodeChange, (element) => (droppedChanges ??= []).push({ id: idIn(element, 'convId', 'result') })),
    droppedChanges,
  };
  return f.fail ?? body;
}

function decodeCallRoot(root: unknown, issues: Issues): Read<InboundFrame> {
  if (!isObject(root)) return new Fail('', 'JSON object');
  const kind = root['kind'];
  if (typeof kind !== 'string') return new Fail('kind', 'string');
  if (kind === 'resp') return decodeResponse(root, issues);
  if (kind !== 'notification') return { kind: 'unknown', frameKind: kind, raw: root };
  const type = root['type'];
  if (typeof type !== 'string') return new Fail('type', 'string');
  if (type !== 'cqm.ExConversationChangeNotification') return { kind: 'notification', type: 'unknown', notificationType: type, body: root['body'] };
  const body = decodeBody(root['body'], issues);
  return body instanceof Fail ? body : { kind: 'notification', type, body };
}

/** Decodes one inbound text frame for the call path (see the module comment). Never throws. */
export function decodeCallFrame(text: string): DecodeResult {
  return decodeText(text, decodeCallRoot);
}
