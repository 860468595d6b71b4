/**
 * Configuration checks run when a connection (or client) is created: a mistake is a `ConfigError`
 * thrown at once, naming the field and saying what to pass — never network trouble retried forever.
 * The options are data (tables of rules, config-words.ts).
 */
import { anything, is, isRecord, kindOf, table, type Rule } from './config-words';
import type { ConnectionConfig } from './types';
import { duration, TIMING_RULES } from './validate-timing';

/** A string that starts with `<scheme>://` or `<scheme>s://`. */
const url = (scheme: string): Rule => is(`a URL starting ${scheme}:// or ${scheme}s://`, (value) => typeof value === 'string' && new RegExp(`^${scheme}s?://\\S+$`, 'i').test(value));

/** What the call client takes at its top level too (so not inside its `connection`). */
export const SHARED_RULES = {
  // kindOf says 'a blank string' for '' and '   ': 'a string' is a non-blank one.
  accountId: is("your account id as a string, e.g. '12345678'", (value) => kindOf(value) === 'a string', true),
  auth: is('unauthenticated(), authenticated(getAuthCode) or { jwt: () => token }', (value) => isRecord(value) && typeof value['jwt'] === 'function', true),
  endpoint: table({ socketUrl: url('ws'), domainApi: url('http') }),
  scheduler: anything,
  webSocketFactory: anything,
  fetch: anything,
} satisfies Record<'accountId' | 'auth' | 'endpoint' | 'scheduler' | 'webSocketFactory' | 'fetch', Rule>;

/** The rest: the call client's `connection`. */
export const CONNECTION_OPTION_RULES = {
  ...TIMING_RULES,
  requestTimeoutMs: duration,
  handshakeTimeoutMs: duration,
  tokenTimeoutMs: duration,
  maxInboundFrameSize: is('a positive number of characters, or Infinity', (value) => typeof value === 'number' && value > 0),
  random: anything,
  clientProperties: anything,
  navigator: anything,
  decodeFrame: is('a function (text) => DecodeResult, e.g. decodeCallFrame', (value) => typeof value === 'function'),
} satisfies Record<Exclude<keyof ConnectionConfig, keyof typeof SHARED_RULES>, Rule>;

// Exhaustive by type: a key added to ConnectionConfig fails to compile until it is in one of the two tables.
export const CONNECTION_RULES = { ...SHARED_RULES, ...CONNECTION_OPTION_RULES } satisfies Record<keyof ConnectionConfig, Rule>;

/** Checks a `createConnection` config; throws `ConfigError` for the first mistake. */
export function validateConnectionConfig(config: ConnectionConfig): void {
  table(CONNECTION_RULES)(config, '');
}
