/**
 * Decoding one dialog of `conversationDetails.dialogs`, including a COBROWSE dialog's `metaData`.
 */
import { ExpiresAdjustment, expiresAt } from './expires';
import { Fields } from './fields';
import { at, Fail, idIn, isObject, isString, type Issues, type Read } from './read';
import type { CobrowseMetaData, Dialog, DroppedElement, Json, JsonObject, ParticipantDetails } from './types';

/**
 * `metaData` of a COBROWSE dialog; missing or `null` gives `{ raw: {} }` (all fields undefined).
 * `expires` never fails the dialog: an implausible one is handled by the rule of `expiresAt`
 * (relative to `referenceMs`, the dialog's creation), recorded in `issues`; one that is not a
 * number is ignored the same way.
 */
export function decodeCobrowseMetaData(value: Json | undefined, path: string, issues: Issues, referenceMs?: number): Read<CobrowseMetaData> {
  if (value === undefined || value === null) return emptyMetaData();
  if (!isObject(value)) return new Fail(path, 'object');
  const f = new Fields(path, issues);
  const rawExpires = value['expires'];
  const expires = typeof rawExpires === 'number' ? rawExpires : undefined;
  const read = expires === undefined ? undefined : expiresAt(expires, referenceMs);
  const expiresAtMs = read instanceof ExpiresAdjustment ? read.atMs : read;
  const meta: CobrowseMetaData = {
    serviceId: f.optString(value['serviceId'], 'serviceId'),
    mode: f.optString(value['mode'], 'mode'),
    sessionState: f.optString(value['sessionState'], 'sessionState'),
    expires,
    expiresAtMs,
    dialogId: f.optString(value['dialogId'], 'dialogId'),
    notificationKey: f.optString(value['notificationKey'], 'notificationKey'),
    callLink: f.optString(value['callLink'], 'callLink'),
    raw: value,
  };
  if (f.fail !== undefined) return f.fail;
  // Recorded only for a dialog that is kept (a dropped one has its own issue).
  if (read instanceof ExpiresAdjustment) issues.recovered(read.failAt(f.pathOf('expires')), { type: 'expires', rule: read.rule });
  else if (expires === undefined && rawExpires !== undefined && rawExpires !== null) {
    issues.recovered(new Fail(f.pathOf('expires'), 'number'), { type: 'expires', rule: 'ignored' });
  }
  return meta;
}

function emptyMetaData(): CobrowseMetaData {
  const none = undefined;
  return { serviceId: none, mode: none, sessionState: none, expires: none, expiresAtMs: none, dialogId: none, notificationKey: none, callLink: none, raw: {} };
}

/** `{id, role, state?}` of `participantsDetails`. */
export function decodeParticipantDetails(value: JsonObject, path: string, issues: Issues): Read<ParticipantDetails> {
  const f = new Fields(path, issues);
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
export function decodeDialog(value: JsonObject, path: string, issues: Issues): Read<Dialog> {
  const f = new Fields(path, issues);
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
    const metaData = decodeCobrowseMetaData(rawMeta, at(path, 'metaData'), issues, creationTs ?? metaDataLastUpdateTs);
    if (metaData instanceof Fail) return metaData;
    return { dialogId, dialogType, channelType, state, participants, participantsDetails, creationTs, endTs, metaDataLastUpdateTs, closedBy, closedCause, metaData };
  }
  const metaData = decodeOtherMetaData(rawMeta, at(path, 'metaData'));
  if (metaData instanceof Fail) return metaData;
  return { dialogId, dialogType, channelType, state, participants, participantsDetails, creationTs, endTs, metaDataLastUpdateTs, closedBy, closedCause, metaData };
}

/** What is known of a dialog that did not decode: its id, if readable. */
export function droppedDialog(element: Json | undefined): DroppedElement {
  return { id: idIn(element, 'dialogId') };
}
