/** The words config checks share: what a value is, in English, and where the README documents the options. */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What was passed, in a few English words: `undefined`, `null`, `NaN`, `-1`, `true`, `an array`, `an object`, `a string`. */
export const kindOf = (value: unknown): string =>
  value == null || typeof value === 'number' || typeof value === 'boolean' ? String(value) : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/** Where the README lists every option (a heading the README has: spec/client/config-errors.spec.ts holds it). */
export const CONFIG_DOCS = 'see the README\'s "Configuration" section';
