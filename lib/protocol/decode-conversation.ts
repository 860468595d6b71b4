/**
 * Decoding the body of `cqm.ExConversationChangeNotification`: changes, conversation details,
 * participants (dialogs are in `decode-dialog.ts`).
 */
import { decodeDialog, droppedDialog } from './decode-dialog';
import { Fields } from './fields';
import { at, Fail, idIn, isObject, type Issues, type Read } from './read';
import type { ConversationChange, ConversationDetails, DroppedElement, ExConversationChangeNotification, Json, JsonObject, Participant } from './types';

/** `{id, role}` of `conversationDetails.participants`. */
export function decodeParticipant(value: JsonObject, path: string, issues: Issues): Read<Participant> {
  const f = new Fields(path, issues);
  const participant: Participant = { id: f.id(value['id'], 'id'), role: f.string(value['role'], 'role') };
  return f.fail ?? participant;
}

/**
 * `conversationDetails`: `dialogs` is required; a missing `participants` reads as `[]` (a snapshot
 * without it is odd, but nothing in the call flow depends on it). A dialog or participant that
 * does not decode is left out; the dialogs left out are listed in `droppedDialogs`.
 */
export function decodeConversationDetails(value: Json | undefined, path: string, issues: Issues): Read<ConversationDetails> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path, issues);
  let droppedDialogs: DroppedElement[] | undefined;
  const details: ConversationDetails = {
    skillId: f.optId(value['skillId'], 'skillId'),
    brandId: f.optId(value['brandId'], 'brandId'),
    participants: f.optList(value['participants'], 'participants', isObject, 'object', decodeParticipant) ?? [],
    dialogs: f.list(value['dialogs'], 'dialogs', isObject, 'object', decodeDialog, (element) => (droppedDialogs ??= []).push(droppedDialog(element))),
    state: f.optString(value['state'], 'state'),
    stage: f.optString(value['stage'], 'stage'),
    startTs: f.optTimestamp(value['startTs'], 'startTs'),
    endTs: f.optTimestamp(value['endTs'], 'endTs'),
    metaDataLastUpdateTs: f.optTimestamp(value['metaDataLastUpdateTs'], 'metaDataLastUpdateTs'),
    closeReason: f.optString(value['closeReason'], 'closeReason'),
    droppedDialogs,
  };
  return f.fail ?? details;
}

/**
 * One entry of `changes`. An undocumented change `type` gives `undefined` (the entry is dropped:
 * the protocol says to ignore unknown enum values). DELETE may omit `conversationDetails`.
 */
export function decodeConversationChange(value: JsonObject, path: string, issues: Issues): Read<ConversationChange | undefined> {
  const type = value['type'];
  if (typeof type !== 'string') return new Fail(at(path, 'type'), 'string');
  if (type !== 'UPSERT' && type !== 'DELETE') return undefined;
  const resultPath = at(path, 'result');
  const result = value['result'];
  if (!isObject(result)) return new Fail(resultPath, 'object');
  const f = new Fields(resultPath, issues);
  const convId = f.id(result['convId'], 'convId');
  const effectiveTTR = f.optNumber(result['effectiveTTR'], 'effectiveTTR');
  if (f.fail !== undefined) return f.fail;
  const rawDetails = result['conversationDetails'];
  if (type === 'DELETE' && (rawDetails === undefined || rawDetails === null)) {
    return { type, result: { convId, conversationDetails: undefined } };
  }
  const conversationDetails = decodeConversationDetails(rawDetails, f.pathOf('conversationDetails'), issues);
  if (conversationDetails instanceof Fail) return conversationDetails;
  return type === 'UPSERT' ? { type, result: { convId, effectiveTTR, conversationDetails } } : { type, result: { convId, conversationDetails } };
}

/** What is known of a change that did not decode: its `convId`, if readable. */
function droppedChange(element: Json | undefined): DroppedElement {
  return { id: idIn(element, 'convId', 'result') };
}

/**
 * The body of `cqm.ExConversationChangeNotification` (at `path`, normally `body`). A change that
 * does not decode is left out (listed in `droppedChanges`); the others are kept.
 */
export function decodeExConversationBody(value: Json | undefined, path: string, issues: Issues): Read<ExConversationChangeNotification['body']> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path, issues);
  let droppedChanges: DroppedElement[] | undefined;
  const body: ExConversationChangeNotification['body'] = {
    subscriptionId: f.optId(value['subscriptionId'], 'subscriptionId'),
    sentTs: f.optTimestamp(value['sentTs'], 'sentTs'),
    changes: f.list(value['changes'], 'changes', isObject, 'object', decodeConversationChange, (element) => (droppedChanges ??= []).push(droppedChange(element))),
    droppedChanges,
  };
  return f.fail ?? body;
}
