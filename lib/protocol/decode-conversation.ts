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
  const f = new Fields(value, path);
  const participant: Participant = { id: f.id('id'), role: f.string('role') };
  return f.fail ?? participant;
}

/**
 * `conversationDetails`: `dialogs` is required; a missing `participants` reads as `[]` (a snapshot
 * without it is odd, but nothing in the call flow depends on it).
 */
export function decodeConversationDetails(value: Json | undefined, path: string): Read<ConversationDetails> {
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(value, path);
  const details: ConversationDetails = {
    skillId: f.optId('skillId'),
    brandId: f.optId('brandId'),
    participants: f.optList('participants', isObject, 'object', decodeParticipant) ?? [],
    dialogs: f.list('dialogs', isObject, 'object', decodeDialog),
    state: f.optString('state'),
    stage: f.optString('stage'),
    startTs: f.optTimestamp('startTs'),
    endTs: f.optTimestamp('endTs'),
    metaDataLastUpdateTs: f.optTimestamp('metaDataLastUpdateTs'),
    closeReason: f.optString('closeReason'),
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
  const f = new Fields(result, resultPath);
  const convId = f.id('convId');
  const effectiveTTR = f.optNumber('effectiveTTR');
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
  const f = new Fields(value, path);
  const body: ExConversationChangeNotification['body'] = {
    subscriptionId: f.optId('subscriptionId'),
    sentTs: f.optTimestamp('sentTs'),
    changes: f.list('changes', isObject, 'object', decodeConversationChange),
  };
  return f.fail ?? body;
}
