/** The checks `createCallClient` runs before anything else (see `connection/validate-config.ts`). */
import { checkConnectionBasics, checkDuration, checkKnownKeys } from '../connection/validate-config';
import { ConfigError } from '../errors';
import type { CallClientConfig } from './types';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

// Exhaustive by type: a key added to CallClientConfig must be added here.
const CLIENT_KEYS: Readonly<Record<keyof CallClientConfig, true>> = {
  accountId: true,
  auth: true,
  endpoint: true,
  visitor: true,
  lpTag: true,
  lpTagWaitMs: true,
  container: true,
  callScreen: true,
  document: true,
  scheduler: true,
  webSocketFactory: true,
  fetch: true,
  autoOffer: true,
  expirySkewMs: true,
  connection: true,
};

/** Checks a `createCallClient` config; throws `ConfigError` for the first mistake. */
export function validateClientConfig(config: CallClientConfig): void {
  const value: unknown = config;
  if (!isRecord(value)) throw new ConfigError('config', 'must be an object: createCallClient({ accountId, auth, visitor })');
  checkConnectionBasics(value);
  const { visitor, autoOffer } = value;
  if (!isRecord(visitor)) throw new ConfigError('visitor', "is missing: pass the visitor the agent sees, e.g. visitor: { name: 'Jane' }");
  const { name } = visitor;
  if (typeof name === 'string' ? name.trim() === '' : typeof name !== 'function') {
    throw new ConfigError('visitor.name', "must be a non-empty string, or a function returning one: visitor: { name: 'Jane' } (every call event carries it)");
  }
  checkKnownKeys(value, Object.keys(CLIENT_KEYS), '', 'see CallClientConfig in the README');
  if (autoOffer !== undefined && typeof autoOffer !== 'boolean') throw new ConfigError('autoOffer', 'must be true (publish cobrowseOffered at once, the default) or false (call offer())');
  checkDuration(value['lpTagWaitMs'], 'lpTagWaitMs');
  checkDuration(value['expirySkewMs'], 'expirySkewMs');
}
