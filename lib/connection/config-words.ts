/**
 * The one checker every config goes through: each option is one line of data (a rule), tables of
 * rules are walked the same way at every depth, and every message is built from the same words:
 * `<full path>: must be <what to pass> (got <what was passed>)`. Pure: reads only the config.
 */
import { ConfigError } from '../errors';

/** Checks one option; `field` is its full path (`connection.keepAlive.idleMs`). Throws `ConfigError`. */
export type Rule = (value: unknown, field: string) => void;

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What was passed, in a few English words: `undefined`, `null`, `NaN`, `-1`, `true`, `an array`, `an object`, `a string`, `a blank string`, `a function`. */
export const kindOf = (value: unknown): string =>
  // number, boolean, undefined, bigint: the value itself says it best (never a function's source)
  value === null || /^[nbu]/.test(typeof value)
    ? String(value)
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string' && !value.trim()
        ? 'a blank string'
        : `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;

/** Where the README lists every option (a heading the README has: spec/client/config-errors.spec.ts holds it). */
export const CONFIG_DOCS = 'see the README\'s "Configuration" section';

/** `ok(value)` must hold, else the error says `hint`; an option left undefined is skipped unless `required` is truthy. */
export const is =
  (hint: string, ok: (value: unknown) => boolean, required?: unknown): Rule =>
  (value, field) => {
    if (value === undefined ? required : !ok(value)) throw new ConfigError(field || 'config', `must be ${hint} (got ${kindOf(value)})`);
  };

/** Anything: a function or object the library calls as given. */
export const anything: Rule = () => undefined;

/**
 * A number, by flags: `p` > 0 (else ≥ 0), `1` at least 1, `i` a whole number, `n` Infinity allowed
 * (meaning "never"/"for ever"); `''` is a duration, finite and ≥ 0. NaN never fits.
 */
export const num = (flags: string): Rule => {
  const has = (flag: string): boolean => flags.includes(flag);
  const min = has('1') ? 1 : has('p') ? Number.MIN_VALUE : 0; // MIN_VALUE: the least number > 0
  return is(
    `${has('i') ? 'a whole number' : 'a number of milliseconds'} ${min < 1 && min > 0 ? '> 0' : `≥ ${min}`}${has('n') ? ', or Infinity' : ''}`,
    // NaN and -Infinity fail the range; Infinity only where it means "never".
    (value) => typeof value === 'number' && value >= min && (value < Infinity ? !(has('i') && value % 1) : has('n')),
  );
};

/**
 * An object with exactly the keys of `rules`, each checked by its rule, then the keys it does not
 * know refused (a typo must never fall back to a default, e.g. LivePerson's production hosts). Left
 * undefined it is skipped, unless it is the config itself (`field` `''`) or `required` says what to
 * pass. Declare `rules` with `satisfies Record<keyof XConfig, Rule>`: a key added to the type then
 * fails to compile until it is here.
 */
export const table =
  (rules: Readonly<Record<string, Rule>>, required?: string): Rule =>
  (value, field) => {
    const keys = Object.keys(rules).join(', ');
    is(required ?? `an object with ${keys}`, isRecord, required ?? !field)(value, field);
    if (!isRecord(value)) return;
    const path = field && `${field}.`;
    for (const [key, rule] of Object.entries(rules)) rule(value[key], path + key);
    for (const key in value) if (!Object.hasOwn(rules, key)) throw new ConfigError(path + key, `unknown key, not one of ${keys}; ${CONFIG_DOCS}`);
  };
