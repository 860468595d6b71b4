/** The checks `createCallClient` runs before anything else: its options as data (connection/config-words.ts). */
import { anything, is, isRecord, kindOf, table, type Rule } from '../connection/config-words';
import { CONNECTION_OPTION_RULES, SHARED_RULES } from '../connection/validate-config';
import { duration } from '../connection/validate-timing';
import type { CallClientConfig, ContainerConfig, VisitorConfig } from './types';

const isFunction = (value: unknown): boolean => typeof value === 'function';

// Exhaustive by type: a key added to CallClientConfig (or its visitor, container, connection) fails to compile until it is here.
export const CLIENT_RULES = {
  ...SHARED_RULES,
  visitor: table(
    {
      name: is('a non-empty string, or a function returning one', (name) => kindOf(name) === 'a string' || isFunction(name), true),
      ssid: anything,
      svid: anything,
      scid: anything,
      cid: anything,
      eid: anything,
    } satisfies Record<keyof VisitorConfig, Rule>,
    "the visitor the agent sees, e.g. { name: 'Jane' }",
  ),
  lpTag: anything,
  lpTagWaitMs: duration,
  container: table({
    // A selector string ('#call') is the likely mistake: "(got a string)" says so.
    parent: is('an Element or a function returning one', (parent) => isFunction(parent) || isRecord(parent)),
    loadingText: is('a string, or null for none', (text) => text === null || typeof text === 'string'),
  } satisfies Record<keyof ContainerConfig, Rule>),
  callScreen: anything, // below: whether it is required depends on `document`
  document: anything,
  autoOffer: is('true (the default) or false', (value) => typeof value === 'boolean'),
  expirySkewMs: duration,
  // The client's own options (fetch, scheduler, …) go at its top level: inside `connection` they are unknown keys.
  connection: table(CONNECTION_OPTION_RULES satisfies Record<keyof NonNullable<CallClientConfig['connection']>, Rule>),
} satisfies Record<keyof CallClientConfig, Rule>;

/** Checks a `createCallClient` config; throws `ConfigError` for the first mistake. */
export function validateClientConfig(config: CallClientConfig): void {
  table(CLIENT_RULES)(config, '');
  // Without either an accepted call would fail in silence: session$ `failed` (call-screen-failed), nothing else.
  is(
    'a function returning an Observable; without a document (Node, a worker) pass document or callScreen: () => NEVER',
    isFunction,
    config.document === undefined && typeof document === 'undefined',
  )(config.callScreen, 'callScreen');
}
