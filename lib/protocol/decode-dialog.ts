/**
 * Decoding one dialog of `conversationDetails.dialogs`, including a COBROWSE dialog's `metaData`.
 */
import { Fields } from './fields';
import { at, Fail, isObject, isString, MAX_EPOCH_S, type Read } from './read';
import type { CobrowseMetaData, Dialog, Json, JsonObject, ParticipantDetails } from './types';

const EXPECT_EPOCH_SECONDS = 'epoch seconds (finite number, 0 < s ≤ 8.64e12)';

/** `metaData` of a COBROWSE dialog; missing or `null` gives `{ raw: {} }` (all fields undefined). */
export function decodeCobrowseMetaData(value: Json | undefined, path: string): Read<CobrowseMetaData> {
  if (value === undefined || value === null) return emptyMetaData();
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path);
  const expires = f.optNumber(value['expires'], 'expires');
  const meta: CobrowseMetaData = {
    serviceId: f.optString(value['serviceId'], 'serviceId'),
    mode: f.optString(value['mode'], 'mode'),
    sessionState: f.optString(value['sessionState'], 'sessionState'),
    expires,
    expiresAtMs: expires === undefined ? undefined : Math.round(expires * 1000),
    dialogId: f.optString(value['dialogId'], 'dialogId'),
    notificationKey: f.optString(value['notificationKey'], 'notificationKey'),
    callLink: f.optString(value['callLink'], 'callLink'),
    raw: value,
  };
  if (f.fail !== undefined) return f.fail;
  if (expires !== undefined && !(expires > 0 && expires <= MAX_EPOCH_S)) return new Fail(f.pathOf('expires'), EXPECT_EPOCH_SECONDS);
  return meta;
}

function emptyMetaData(): CobrowseMetaData {
  const none = undefined;
  return { serviceId: none, mode: none, sessionState: none, expires: none, expiresAtMs: none, dialogId: none, notificationKey: none, callLink: none, raw: {} };
}

/** `{id, role, state?}` of `participantsDetails`. */
export function decodeParticipantDetails(value: JsonObject, path: string): Read<ParticipantDetails> {
  const f = new Fields(path);
  const details: ParticipantDetails = { id: f.id(value['id'], 'id'), role: f.string(value['role'], 'role'), state: f.optString(value['state'], 'state') };
  return f.fail ?? details;
}

function keepString(value: string): string {
  return value;
}

/** `metaData` of a non-COBROWSE dialog: an object, kept as JSON. */
function decodeOtherMetaData(value: Json | undefined, path: string): Read<JsonObject | undefined> {
  if (value === undefined || value === null) return undefined;
  return isObject(value) ? value : new Fail(path, 'object');
}

/** One dialog. `channelType: "COBROWSE"` gives a `CobrowseDialog` with decoded `metaData`. */
export function decodeDialog(value: JsonObject, path: string): Read<Dialog> {
  const f = new Fields(path);
  const dialogId = f.id(value['dialogId'], 'dialogId');
  const dialogType = f.optString(value['dialogType'], 'dialogType');
  const channelType = f.optString(value['channelType'], 'channelType');
  const state = f.optString(value['state'], 'state');
  const participants = f.optList(value['participants'], 'participants', isString, 'string', keepString);
  const participantsDetails = f.optList(value['participantsDetails'], 'participantsDetails', isObject, 'object', decodeParticipantDetails);
  const creationTs = f.optTimestamp(value['creationTs'], 'creationTs');
  const endTs = f.optTimestamp(value['endTs'], 'endTs');
  const metaDataLastUpdateTs = f.optTimestamp(value['metaDataLastUpdateTs'], 'metaDataLastUpdateTs');
  const closedBy = f.optString(value['closedBy'], 'closedBy');
  const closedCause = f.optString(value['closedCause'], 'closedCause');
  if (f.fail !== undefined) return f.fail;
  const rawMeta = value['metaData'];
  if (channelType === 'COBROWSE') {
    const metaData = decodeCobrowseMetaData(rawMeta, at(path, 'metaData'));
    if (metaData instanceof Fail) return metaData;
    return { dialogId, dialogType, channelType, state, participants, participantsDetails, creationTs, endTs, metaDataLastUpdateTs, closedBy, closedCause, metaData };
  }
  const metaData = decodeOtherMetaData(rawMeta, at(path, 'metaData'));
  if (metaData instanceof Fail) return metaData;
  return { dialogId, dialogType, channelType, state, participants, participantsDetails, creationTs, endTs, metaDataLastUpdateTs, closedBy, closedCause, metaData };
}
