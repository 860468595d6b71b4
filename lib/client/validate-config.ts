/** The checks `createCallClient` runs before anything else (see `connection/validate-config.ts`). */
import { CONFIG_DOCS, isRecord, kindOf } from '../connection/config-words';
import { checkConnectionBasics, checkConnectionOptions, checkDuration, checkKnownKeys } from '../connection/validate-config';
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

const isNode = (value: unknown): boolean => isRecord(value) && typeof value['nodeType'] === 'number';
const isDocument = (value: unknown): boolean => isRecord(value) && typeof value['createElement'] === 'function';

/** `container`, `callScreen`, `document`: their types, and that a call can get a screen at all. */
function checkCallScreen(config: Record<string, unknown>): void {
  const { container, callScreen, document } = config;
  if (callScreen !== undefined && typeof callScreen !== 'function') {
    throw new ConfigError('callScreen', `must be a function returning an Observable, held while the call needs its screen, e.g. callScreen: () => NEVER (got ${kindOf(callScreen)})`);
  }
  if (document !== undefined && !isDocument(document)) throw new ConfigError('document', `must be a DOM Document, e.g. window.document or jsdom's (got ${kindOf(document)})`);
  if (container !== undefined) {
    if (!isRecord(container)) throw new ConfigError('container', `must be an object: container: { parent: () => document.querySelector('#call'), loadingText: 'Connecting…' } (got ${kindOf(container)})`);
    checkKnownKeys(container, ['parent', 'loadingText'], 'container.', `container takes parent and loadingText; ${CONFIG_DOCS}`);
    const { parent, loadingText } = container;
    if (typeof parent === 'string') {
      throw new ConfigError('container.parent', `is a string: pass the element, or a function that finds it, e.g. parent: () => document.querySelector(${JSON.stringify(parent.slice(0, 80))})`);
    }
    if (parent !== undefined && typeof parent !== 'function' && !isNode(parent)) {
      throw new ConfigError('container.parent', `must be an Element or a function returning one, e.g. parent: () => document.querySelector('#call') (got ${kindOf(parent)})`);
    }
    if (loadingText !== undefined && loadingText !== null && typeof loadingText !== 'string') {
      throw new ConfigError('container.loadingText', `must be the loading indicator's text, or null for none (got ${kindOf(loadingText)})`);
    }
  }
  // Without it an accepted call would fail in silence: session$ `failed` (call-screen-failed) and nothing else.
  if (callScreen === undefined && document === undefined && Reflect.get(globalThis, 'document') === undefined) {
    throw new ConfigError(
      'callScreen',
      "is needed where there is no document (Node, a worker): pass document (e.g. jsdom's window.document) to create the call screen in, " +
        'or callScreen: () => … returning an Observable held while the call needs its screen (callScreen: () => NEVER for a host without a screen)',
    );
  }
}

/** Checks a `createCallClient` config; throws `ConfigError` for the first mistake. */
export function validateClientConfig(config: CallClientConfig): void {
  const value: unknown = config;
  if (!isRecord(value)) throw new ConfigError('config', `must be an object: createCallClient({ accountId, auth, visitor }) (got ${kindOf(value)})`);
  checkConnectionBasics(value);
  const { visitor, autoOffer, connection } = value;
  if (!isRecord(visitor)) throw new ConfigError('visitor', `is missing: pass the visitor the agent sees, e.g. visitor: { name: 'Jane' } (got ${kindOf(visitor)})`);
  const { name } = visitor;
  if (typeof name === 'string' ? name.trim() === '' : typeof name !== 'function') {
    throw new ConfigError('visitor.name', "must be a non-empty string, or a function returning one: visitor: { name: 'Jane' } (every call event carries it)");
  }
  checkKnownKeys(value, Object.keys(CLIENT_KEYS), '', CONFIG_DOCS);
  if (autoOffer !== undefined && typeof autoOffer !== 'boolean') throw new ConfigError('autoOffer', 'must be true (publish cobrowseOffered at once, the default) or false (call offer())');
  checkDuration(value['lpTagWaitMs'], 'lpTagWaitMs');
  checkDuration(value['expirySkewMs'], 'expirySkewMs');
  if (connection !== undefined) {
    if (!isRecord(connection)) throw new ConfigError('connection', `must be an object of connection options, e.g. connection: { keepAlive: { idleMs: 30000 } }; ${CONFIG_DOCS} (got ${kindOf(connection)})`);
    checkConnectionOptions(connection, 'connection.');
  }
  checkCallScreen(value);
}
