/** The words config checks share: what a value is, in English, and where the README documents the options. */

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What was passed, in a few English words: `nothing`, `null`, `an array`, `an object`, `a string`, `NaN`, `-1`, `true`. */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Where the README lists every option (a heading the README has: spec/client/config-errors.spec.ts holds it). */
export const CONFIG_DOCS = 'see the README\'s "Configuration" section';
