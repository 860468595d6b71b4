/**
 * Configuration checks run when a connection (or client) is created: a mistake is a `ConfigError`
 * thrown at once, naming the field and saying what to pass — never network trouble retried forever.
 * Pure: reads only the config.
 */
import { ConfigError } from '../errors';
import { CONFIG_DOCS, isRecord, kindOf } from './config-words';
import type { ConnectionConfig } from './types';
import { checkTimingOptions } from './validate-timing';

/** The known key closest to `key` by case and a small edit distance, if any. */
function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i += 1) {
      let previous = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j += 1) {
        const current = row[j] ?? 0;
        row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length] ?? Infinity;
  };
  return known.find((name) => name.toLowerCase() === lower) ?? known.find((name) => distance(name.toLowerCase(), lower) <= 2);
}

/** Throws for the first key of `value` that `known` does not list (`path` prefixes the field name). */
export function checkKnownKeys(value: Record<string, unknown>, known: readonly string[], path: string, takes: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    throw new ConfigError(`${path}${key}`, `unknown key${guess === undefined ? '' : ` (did you mean ${guess}?)`}; ${takes}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0 (or undefined); `field` is the full path. */
export function checkDuration(value: unknown, field: string): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new ConfigError(field, `must be a number of milliseconds ≥ 0 (got ${kindOf(value)})`);
  }
}

// Exhaustive by type: a key added to ConnectionConfig must be added here.
export const CONNECTION_KEYS: Readonly<Record<keyof ConnectionConfig, true>> = {
  accountId: true,
  auth: true,
  endpoint: true,
  webSocketFactory: true,
  scheduler: true,
  random: true,
  keepAlive: true,
  reconnect: true,
  queue: true,
  requestTimeoutMs: true,
  handshakeTimeoutMs: true,
  tokenTimeoutMs: true,
  clientProperties: true,
  navigator: true,
  fetch: true,
  maxInboundFrameSize: true,
};
const ENDPOINT_KEYS = ['socketUrl', 'domainApi'];

/** Checks what a connection needs: the account, the auth provider, the endpoint. */
export function checkConnectionBasics(config: { readonly accountId?: unknown; readonly auth?: unknown; readonly endpoint?: unknown }): void {
  const { accountId, auth, endpoint } = config;
  if (typeof accountId !== 'string') throw new ConfigError('accountId', `must be a string: your LivePerson account id, e.g. accountId: '12345678' (got ${kindOf(accountId)})`);
  if (accountId.trim() === '') throw new ConfigError('accountId', "is empty: pass your LivePerson account id, e.g. accountId: '12345678'");
  if (typeof auth === 'string') throw new ConfigError('auth', 'is a string: wrap your token in a provider, { jwt: () => token }, or use unauthenticated() / authenticated(getAuthCode)');
  if (!isRecord(auth) || typeof auth['jwt'] !== 'function') {
    throw new ConfigError('auth', `must be an auth provider: unauthenticated(), authenticated(getAuthCode), or { jwt: () => token } (got ${isRecord(auth) ? 'an object without a jwt function' : kindOf(auth)})`);
  }
  if (endpoint === undefined) return;
  if (!isRecord(endpoint)) throw new ConfigError('endpoint', `must be { socketUrl } or { domainApi } (got ${kindOf(endpoint)})`);
  // A typo must never silently fall back to LivePerson's production hosts.
  checkKnownKeys(endpoint, ENDPOINT_KEYS, 'endpoint.', `endpoint takes socketUrl or domainApi; ${CONFIG_DOCS}`);
  const { socketUrl, domainApi } = endpoint;
  if (socketUrl !== undefined && (typeof socketUrl !== 'string' || !/^wss?:\/\/\S+$/i.test(socketUrl))) {
    throw new ConfigError('endpoint.socketUrl', "must be a ws:// or wss:// URL, e.g. 'wss://host/ws_api/account/12345678/messaging/consumer?v=3'");
  }
  if (domainApi !== undefined && (typeof domainApi !== 'string' || !/^https?:\/\/\S+$/i.test(domainApi))) {
    throw new ConfigError('endpoint.domainApi', "must be an http:// or https:// URL, e.g. 'https://api.liveperson.net' (the default)");
  }
}

/**
 * Checks the options besides account, auth and endpoint: those of `createConnection` (`known`: all of
 * them), and `createCallClient`'s `connection` (`path` `'connection.'`, `known` without the client's own).
 */
export function checkConnectionOptions(value: Record<string, unknown>, path: string, known: readonly string[] = Object.keys(CONNECTION_KEYS)): void {
  checkKnownKeys(value, known, path, CONFIG_DOCS);
  for (const field of ['requestTimeoutMs', 'handshakeTimeoutMs', 'tokenTimeoutMs'] as const) checkDuration(value[field], `${path}${field}`);
  checkTimingOptions(value, path);
  const frameCap = value['maxInboundFrameSize'];
  if (frameCap !== undefined && !(typeof frameCap === 'number' && frameCap > 0)) {
    throw new ConfigError(`${path}maxInboundFrameSize`, `must be a positive number of characters, e.g. 1048576 (the default) or Infinity for no cap (got ${kindOf(frameCap)})`);
  }
}

/** Checks a `createConnection` config; throws `ConfigError` for the first mistake. */
export function validateConnectionConfig(config: ConnectionConfig): void {
  const value: unknown = config;
  if (!isRecord(value)) throw new ConfigError('config', `must be an object (got ${kindOf(value)})`);
  checkConnectionBasics(value);
  checkConnectionOptions(value, '');
}
