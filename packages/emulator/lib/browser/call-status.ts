/**
 * Reads the status of one call out of the emulator's `GET /emulator/state` snapshot.
 * The search is structural (any object naming the `serviceId`, directly or in a direct child such as
 * `metaData`), so it does not depend on the exact layout of the snapshot.
 */
import { isRecord } from './narrow';

/** `open`: the dialog is there and not closed; `closed`: it ended; `absent`: not in the snapshot. */
export type CallStatus = 'open' | 'closed' | 'absent';

const MAX_DEPTH = 8;

/** Objects that may carry a dialog's call fields: the node itself and its direct object children (`metaData`, …). */
const layers = (node: Record<string, unknown>): Record<string, unknown>[] => [node, ...Object.values(node).filter(isRecord)];

const namesService = (node: Record<string, unknown>, serviceId: string): boolean =>
  layers(node).some((layer) => layer['serviceId'] === serviceId);

const isClosed = (node: Record<string, unknown>): boolean =>
  node['state'] === 'CLOSE' || node['state'] === 'CLOSED' || layers(node).some((layer) => layer['sessionState'] === 'CLOSED');

/**
 * The status of the call `serviceId` in `snapshot`: `closed` if any object naming it is closed
 * (dialog `state: 'CLOSE'` or `sessionState: 'CLOSED'`), `open` if one names it, else `absent`.
 */
export function callStatusIn(snapshot: unknown, serviceId: string): CallStatus {
  let found = false;
  let closed = false;
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || closed) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (!isRecord(node)) return;
    if (namesService(node, serviceId)) {
      found = true;
      closed = isClosed(node);
      if (closed) return;
    }
    for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(snapshot, 0);
  return closed ? 'closed' : found ? 'open' : 'absent';
}
