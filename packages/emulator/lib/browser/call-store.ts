/**
 * The active call in sessionStorage, like the real call app keeps it so a reload can resume.
 * Reads decode the stored JSON (it may be stale, hand-edited or from another version).
 */
import { isRecord } from './narrow';
import { isCallMode } from './offer';
import type { ActiveCall } from './types';

/** sessionStorage key of the active call. */
export const ACTIVE_CALL_KEY = 'lpCallStreamsStandIn.activeCall';

/** The part of `Storage` the stand-in uses. */
export type StandInStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The stored active call, or `undefined` if none (or unreadable). */
export function readActiveCall(storage: StandInStorage): ActiveCall | undefined {
  const raw = storage.getItem(ACTIVE_CALL_KEY);
  if (raw === null) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const { serviceId, mode, agentId, startedAt } = parsed;
  if (typeof serviceId !== 'string' || typeof agentId !== 'string' || !isCallMode(mode)) return undefined;
  return { serviceId, mode, agentId, startedAt: typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : undefined };
}

/** Stores `call` as the active call. */
export function writeActiveCall(storage: StandInStorage, call: ActiveCall): void {
  storage.setItem(ACTIVE_CALL_KEY, JSON.stringify(call));
}

/** Forgets the active call. */
export function clearActiveCall(storage: StandInStorage): void {
  storage.removeItem(ACTIVE_CALL_KEY);
}
