/**
 * The agent console's tables, from the emulator's `GET /emulator/state` (decoded, never trusted):
 * conversations with their state and stage, dialogs with how each call went (`invited`, `in call`,
 * `declined by the visitor`, `expired`, `failed: NO_CAMERA_ACCESS`, …), connections with their state.
 */
import { isRecord } from '../narrow';

/** One table row: the texts of its cells. */
export type Row = readonly string[];

export interface StateView {
  readonly conversations: readonly Row[];
  readonly dialogs: readonly Row[];
  readonly connections: readonly Row[];
  /** Conversation ids, for the "Conversation" picker (open ones first). */
  readonly conversationIds: readonly string[];
  /** The known accounts and whether every id is answered. */
  readonly accounts: { readonly known: readonly string[]; readonly permissive: boolean };
  /** Where each call dialog is, by serviceId (to hang up the call the agent is in). */
  readonly calls: readonly { readonly serviceId: string; readonly conversationId: string; readonly dialogId: string; readonly open: boolean }[];
  /** The newest call, when it failed before it joined (the call app's `sessionError` id): the call panel says so. */
  readonly failedBeforeJoin: { readonly serviceId: string; readonly mode: string; readonly id: string } | undefined;
}

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
const list = (value: unknown): readonly unknown[] => (isList(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** Seconds left until `expires` (epoch seconds), as the console shows it. */
export function expiresIn(expires: unknown, nowMs: number): string {
  if (typeof expires !== 'number') return '';
  const left = Math.round((expires * 1000 - nowMs) / 1000);
  return left > 0 ? `${left} s` : 'expired';
}

export function stateView(state: unknown, nowMs: number): StateView {
  const root = record(state);
  const conversations = list(root['conversations']).map(record);
  const conversationRows = conversations.map((c): Row => {
    const details = record(c['conversationDetails']);
    const deleted = c['deleted'] === true;
    return [text(c['convId']), deleted ? 'DELETED' : text(details['state']), text(details['stage']), String(list(details['dialogs']).length)];
  });
  const calls: StateView['calls'][number][] = [];
  let failedBeforeJoin: StateView['failedBeforeJoin'];
  const dialogRows = list(root['dialogs']).map((entry): Row => {
    const e = record(entry);
    const dialog = record(e['dialog']);
    const meta = record(dialog['metaData']);
    const call = record(e['call']);
    const session = text(meta['sessionState']);
    const serviceId = text(meta['serviceId']);
    if (serviceId !== '') {
      calls.push({ serviceId, conversationId: text(e['conversationId']), dialogId: text(dialog['dialogId']), open: dialog['state'] === 'OPEN' });
      const joined = list(call['updates']).includes('joined');
      failedBeforeJoin = call['end'] === 'failed' && !joined ? { serviceId, mode: text(meta['mode']), id: text(call['outcome']).replace(/^failed: /, '') } : undefined;
    }
    const invited = session === 'INVITED' && dialog['state'] === 'OPEN';
    const left = invited ? expiresIn(meta['expires'], nowMs) : '';
    const outcome = invited && left === 'expired' ? 'expiring' : text(call['outcome']);
    return [text(e['conversationId']), text(dialog['dialogId']), text(dialog['channelType']), text(dialog['state']), session, text(meta['mode']), outcome, left];
  });
  const connectionRows = list(root['connections']).map((entry): Row => {
    const k = record(entry);
    const features = list(k['features']).map(text).join(',');
    const subscriptions = list(k['conversationSubscriptions']).length;
    const details = [features === '' ? '' : `features ${features}`, `${subscriptions} subscription${subscriptions === 1 ? '' : 's'}`].filter((d) => d !== '').join(' · ');
    return [text(k['id']), text(k['accountId']), text(k['state']), text(k['consumerId']), details];
  });
  const open = conversations.filter((c) => record(c['conversationDetails'])['stage'] === 'OPEN' && c['deleted'] !== true);
  const rest = conversations.filter((c) => !open.includes(c) && c['deleted'] !== true);
  const accounts = record(root['accounts']);
  return {
    conversations: conversationRows,
    dialogs: dialogRows,
    connections: connectionRows,
    conversationIds: [...open, ...rest].map((c) => text(c['convId'])).filter((id) => id !== ''),
    accounts: { known: list(accounts['known']).map(text), permissive: accounts['permissive'] === true },
    calls,
    failedBeforeJoin,
  };
}
