/**
 * Decoding the body of `cqm.ExConversationChangeNotification`: changes, conversation details,
 * participants (dialogs are in `decode-dialog.ts`).
 */
import { decodeDialog } from './decode-dialog';
import { Fields } from './fields';
import { at, Fail, isObject, type Read } from './read';
import type { ConversationChange, ConversationDetails, ExConversationChangeNotification, Json, JsonObject, Participant } from './types';

/** `{id, role}` of `conversationDetails.participants`. */
export function decodeParticipant(value: JsonObject, path: string): Read<Participant> {
  const f = new Fields(path);
  const participant: Participant = { id: f.id(value['id'], 'id'), role: f.string(value['role'], 'role') };
  return f.fail ?? participant;
}

/**
 * `conversationDetails`: `dialogs` is required; a missing `participants` reads as `[]` (a snapshot
 * without it is odd, but nothing in the call flow depends on it).
 */
export function decodeConversationDetails(value: Json | undefined, path: string): Read<ConversationDetails> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path);
  const details: ConversationDetails = {
    skillId: f.optId(value['skillId'], 'skillId'),
    brandId: f.optId(value['brandId'], 'brandId'),
    participants: f.optList(value['participants'], 'participants', isObject, 'object', decodeParticipant) ?? [],
    dialogs: f.list(value['dialogs'], 'dialogs', isObject, 'object', decodeDialog),
    state: f.optString(value['state'], 'state'),
    stage: f.optString(value['stage'], 'stage'),
    startTs: f.optTimestamp(value['startTs'], 'startTs'),
    endTs: f.optTimestamp(value['endTs'], 'endTs'),
    metaDataLastUpdateTs: f.optTimestamp(value['metaDataLastUpdateTs'], 'metaDataLastUpdateTs'),
    closeReason: f.optString(value['closeReason'], 'closeReason'),
  };
  return f.fail ?? details;
}

/**
 * One entry of `changes`. An undocumented change `type` gives `undefined` (the entry is dropped:
 * the protocol says to ignore unknown enum values). DELETE may omit `conversationDetails`.
 */
export function decodeConversationChange(value: JsonObject, path: string): Read<ConversationChange | undefined> {
  const type = value['type'];
  if (typeof type !== 'string') return new Fail(at(path, 'type'), 'string');
  if (type !== 'UPSERT' && type !== 'DELETE') return undefined;
  const resultPath = at(path, 'result');
  const result = value['result'];
  if (!isObject(result)) return new Fail(resultPath, 'object');
  const f = new Fields(resultPath);
  const convId = f.id(result['convId'], 'convId');
  const effectiveTTR = f.optNumber(result['effectiveTTR'], 'effectiveTTR');
  if (f.fail !== undefined) return f.fail;
  const rawDetails = result['conversationDetails'];
  if (type === 'DELETE' && (rawDetails === undefined || rawDetails === null)) {
    return { type, result: { convId, conversationDetails: undefined } };
  }
  const conversationDetails = decodeConversationDetails(rawDetails, f.pathOf('conversationDetails'));
  if (conversationDetails instanceof Fail) return conversationDetails;
  return type === 'UPSERT' ? { type, result: { convId, effectiveTTR, conversationDetails } } : { type, result: { convId, conversationDetails } };
}

/** The body of `cqm.ExConversationChangeNotification` (at `path`, normally `body`). */
export function decodeExConversationBody(value: Json | undefined, path: string): Read<ExConversationChangeNotification['body']> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path);
  const body: ExConversationChangeNotification['body'] = {
    subscriptionId: f.optId(value['subscriptionId'], 'subscriptionId'),
    sentTs: f.optTimestamp(value['sentTs'], 'sentTs'),
    changes: f.list(value['changes'], 'changes', isObject, 'object', decodeConversationChange),
  };
  return f.fail ?? body;
}
