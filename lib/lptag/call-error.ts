/**
 * The typed form of `cobrowse` / `sessionError` (`{ msg, id }`), decoded from an `unknown` payload.
 */
import type { CallError, KnownCallErrorId } from '../core/types';

export type { CallError, CallErrorId, KnownCallErrorId } from '../core/types';

const KNOWN: readonly string[] = ['UNABLE_TO_CONNECT', 'BROWSER_NOT_SUPPORTED', 'NO_CAMERA_ACCESS', 'AGENT_DISCONNECTED'];

/** True for the four documented ids. */
export function isKnownCallErrorId(id: string): id is KnownCallErrorId {
  return KNOWN.includes(id);
}

/**
 * Decodes a `sessionError` payload. Never throws: a payload that is not an object or lacks a
 * string `id` gives `id: 'UNKNOWN'`; a missing `msg` gives `message: ''`; `problems` says why.
 */
export function decodeCallError(payload: unknown): { readonly error: CallError; readonly problems: readonly string[] } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { error: { id: 'UNKNOWN', message: '' }, problems: ['payload is not an object'] };
  }
  const id: unknown = Reflect.get(payload, 'id');
  const msg: unknown = Reflect.get(payload, 'msg');
  const problems: string[] = [];
  const goodId = typeof id === 'string' && id !== '';
  if (!goodId) problems.push('id is not a non-empty string');
  if (typeof msg !== 'string') problems.push('msg is not a string');
  return { error: { id: goodId ? id : 'UNKNOWN', message: typeof msg === 'string' ? msg : '' }, problems };
}
