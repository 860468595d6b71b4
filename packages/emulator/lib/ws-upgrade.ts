/**
 * Accepts WebSocket upgrades on `/ws_api/account/{accountId}/messaging/consumer?v=3` only, and reads
 * the handshake headers native clients may send instead of InitConnection headers.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isRecord, parseJson, stringList } from './narrow';

const SOCKET_PATH = /^\/ws_api\/account\/([A-Za-z0-9_.-]{1,64})\/messaging\/consumer$/;

/** A consumer socket request, or the HTTP status to refuse it with. */
export type UpgradeCheck =
  | { readonly ok: true; readonly accountId: string; readonly handshake: { readonly jwt: string; readonly features: readonly string[] } | undefined }
  | { readonly ok: false; readonly status: 400 | 404; readonly message: string };

function handshakeFeatures(header: string | string[] | undefined): readonly string[] {
  if (typeof header !== 'string') return [];
  const parsed = parseJson(header);
  const features = parsed.ok && isRecord(parsed.value) ? stringList(parsed.value['features'] ?? []) : undefined;
  return features ?? [];
}

/** Checks the path and `v=3`; picks up `Authorization: jwt <token>` and `Client-Properties: {json}`. */
export function checkUpgrade(req: IncomingMessage): UpgradeCheck {
  const url = new URL(req.url ?? '/', 'ws://emulator.invalid');
  const match = SOCKET_PATH.exec(url.pathname);
  if (match?.[1] === undefined) return { ok: false, status: 404, message: 'Not Found' };
  if (url.searchParams.get('v') !== '3') return { ok: false, status: 400, message: 'Bad Request: v=3 is required' };
  const auth = /^jwt\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  const jwt = auth?.[1];
  return {
    ok: true,
    accountId: match[1],
    handshake: jwt === undefined ? undefined : { jwt, features: handshakeFeatures(req.headers['client-properties']) },
  };
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request' };

/** Answers a refused upgrade with a plain HTTP status and closes the socket. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 421, message: string): void {
  const text = `${message}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Refused'}\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
