/**
 * Decoding of the `lpCoBrowse` payloads the site publishes (`cobrowseOffered` / `Accepted` / `Declined`).
 * The real call app fails silently on bad data (a console line only with `lpDebug`); the stand-in
 * reports the first missing field so it can log the same kind of line.
 */
import { isRecord, nonEmptyText as text } from './narrow';
import type { CallMode, CallOffer } from './types';

/** The decoded payload, or the name of the first mandatory field that is missing or invalid. */
export type OfferDecode =
  | { readonly ok: true; readonly offer: CallOffer }
  | { readonly ok: false; readonly field: string };

const MODES: readonly CallMode[] = ['VIDEO_CALL', 'VOICE_CALL', 'shared', 'view', 'follow'];

/** Narrows `value` to a known call/co-browse mode. */
export function isCallMode(value: unknown): value is CallMode {
  return typeof value === 'string' && (MODES as readonly string[]).includes(value);
}

/**
 * Decodes a `cobrowseOffered`/`cobrowseAccepted` payload. Mandatory: `serviceId`, `agentId`,
 * `visitorName`, `mode` (a known mode), `ssid`, `svid` — each a non-empty string.
 * `fallback` (the remembered offer of the same `serviceId`) fills fields an accept leaves out
 * (some sites send `visitorName: null` and no `mode` on accept).
 */
export function decodeOffer(data: unknown, fallback?: CallOffer): OfferDecode {
  if (!isRecord(data)) return { ok: false, field: 'serviceId' };
  const serviceId = text(data, 'serviceId');
  if (serviceId === undefined) return { ok: false, field: 'serviceId' };
  const same = fallback?.serviceId === serviceId ? fallback : undefined;
  const agentId = text(data, 'agentId') ?? same?.agentId;
  if (agentId === undefined) return { ok: false, field: 'agentId' };
  const visitorName = text(data, 'visitorName') ?? same?.visitorName;
  if (visitorName === undefined) return { ok: false, field: 'visitorName' };
  const rawMode = data['mode'] ?? same?.mode;
  if (!isCallMode(rawMode)) return { ok: false, field: 'mode' };
  const ssid = text(data, 'ssid') ?? same?.ssid;
  if (ssid === undefined) return { ok: false, field: 'ssid' };
  const svid = text(data, 'svid') ?? same?.svid;
  if (svid === undefined) return { ok: false, field: 'svid' };
  return { ok: true, offer: { serviceId, agentId, visitorName, mode: rawMode, ssid, svid } };
}

/** The `serviceId` of a payload (for `cobrowseDeclined`, which only needs to name the offer). */
export function payloadServiceId(data: unknown): string | undefined {
  return isRecord(data) ? text(data, 'serviceId') : undefined;
}
