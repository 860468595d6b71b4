/** The checks `createCallClient` runs before anything else (see `connection/validate-config.ts`). */
import { CONFIG_DOCS, isRecord, kindOf } from '../connection/config-words';
import { checkConnectionBasics, checkConnectionOptions, checkDuration, checkKnownKeys, CONNECTION_KEYS } from '../connection/validate-config';
import { ConfigError } from '../errors';
import type { CallClientConfig } from './types';

// Exhaustive by type: a key added to CallClientConfig must be added here.
export const CLIENT_KEYS: Readonly<Record<keyof CallClientConfig, true>> = {
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


const SCREEN = 'callScreen: () => NEVER';

/** `container`, `callScreen`, `document`: their types, and that a call can get a screen at all. */
function checkCallScreen(config: Record<string, unknown>): void {
  const { container, callScreen, document: doc } = config;
  if (callScreen !== undefined && typeof callScreen !== 'function') throw new ConfigError('callScreen', `must be a function returning an Observable, e.g. ${SCREEN}`);
  if (container !== undefined) {
    if (!isRecord(container)) throw new ConfigError('container', 'must be an object: { parent, loadingText }');
    checkKnownKeys(container, ['parent', 'loadingText'], 'container.', CONFIG_DOCS);
    const { parent, loadingText } = container;
    // A selector string ('#call') is the likely mistake: the example shows what to pass instead.
    if (parent !== undefined && typeof parent !== 'function' && !isRecord(parent)) {
      throw new ConfigError('container.parent', `must be an Element or a function returning one, e.g. () => document.querySelector('#call') (got ${kindOf(parent)})`);
    }
    if (loadingText != null && typeof loadingText !== 'string') throw new ConfigError('container.loadingText', 'must be a string, or null for none');
  }
  // Without either an accepted call would fail in silence: session$ `failed` (call-screen-failed), nothing else.
  if (callScreen === undefined && doc === undefined && typeof document === 'undefined') {
    throw new ConfigError('callScreen', `is needed without a document (Node, a worker): pass document, or ${SCREEN} for no screen`);
  }
}

/** Checks a `createCallClient` config; throws `ConfigError` for the first mistake. */
export function validateClientConfig(config: CallClientConfig): void {
  const value: unknown = config;
  if (!isRecord(value)) throw new ConfigError('config', 'must be an object: createCallClient({ accountId, auth, visitor })');
  checkConnectionBasics(value);
  const { visitor, autoOffer, connection } = value;
  if (!isRecord(visitor)) throw new ConfigError('visitor', "is missing: pass the visitor the agent sees, e.g. visitor: { name: 'Jane' }");
  const { name } = visitor;
  if (typeof name === 'string' ? name.trim() === '' : typeof name !== 'function') {
    throw new ConfigError('visitor.name', "must be a non-empty string, or a function returning one: visitor: { name: 'Jane' }");
  }
  checkKnownKeys(value, Object.keys(CLIENT_KEYS), '', CONFIG_DOCS);
  if (autoOffer !== undefined && typeof autoOffer !== 'boolean') throw new ConfigError('autoOffer', 'must be true (publish cobrowseOffered at once, the default) or false (call offer())');
  checkDuration(value['lpTagWaitMs'], 'lpTagWaitMs');
  checkDuration(value['expirySkewMs'], 'expirySkewMs');
  if (connection !== undefined) {
    if (!isRecord(connection)) throw new ConfigError('connection', `must be an object; ${CONFIG_DOCS} (got ${kindOf(connection)})`);
    // The client's own options (fetch, scheduler, …) go at its top level: inside `connection` they are unknown keys.
    checkConnectionOptions(connection, 'connection.', Object.keys(CONNECTION_KEYS).filter((key) => !(key in CLIENT_KEYS)));
  }
  checkCallScreen(value);
}
