/**
 * Checks of the config values that feed timers (issue #14): a value no timer can run is a
 * `ConfigError` at creation. Long values are fine: every timer of the library is clamped to
 * 2^31−1 ms and waited out in steps (lib/scheduling), so `Infinity` may mean "never" where allowed.
 */
import { ConfigError } from '../errors';
import { isRecord, kindOf } from './config-words';

/**
 * A rule as flags: `p` positive (> 0, else ≥ 0), `i` a whole number, `∞` Infinity allowed
 * (meaning "never"/"for ever"), `1` at least 1.
 */
const GROUPS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  keepAlive: { idleMs: 'p∞', deadlineMs: 'p∞' },
  // floor, base and cap must be finite: an infinite ceiling draws NaN or infinite waits.
  reconnect: { floorMs: '', baseMs: '', capMs: '', stableAfterMs: '∞', maxAuthFailures: 'i1', maxAttempts: 'i∞' },
  queue: { maxSize: 'i', ttlMs: '∞' },
};

function fits(value: number, rule: string): boolean {
  if (Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) return value > 0 && rule.includes('∞');
  if (rule.includes('i') && !Number.isInteger(value)) return false;
  return rule.includes('1') ? value >= 1 : rule.includes('p') ? value > 0 : value >= 0;
}

const expected = (rule: string): string =>
  `${rule.includes('i') ? 'a whole number' : 'a number of milliseconds'} ${rule.includes('1') ? '≥ 1' : rule.includes('p') ? '> 0' : '≥ 0'}${rule.includes('∞') ? ', or Infinity' : ''}`;

/**
 * Throws `ConfigError` for the first timing option (`keepAlive`, `reconnect`, `queue`) no timer can
 * run; `path` prefixes the field (`'connection.'` inside `createCallClient`'s config).
 */
export function checkTimingOptions(config: Record<string, unknown>, path = ''): void {
  for (const [group, rules] of Object.entries(GROUPS)) {
    const options = config[group];
    if (options === undefined) continue;
    const keys = Object.keys(rules).join(', ');
    if (!isRecord(options)) throw new ConfigError(`${path}${group}`, `must be an object with ${keys} (got ${kindOf(options)})`);
    for (const [key, value] of Object.entries(options)) {
      const rule = rules[key];
      if (rule === undefined) throw new ConfigError(`${path}${group}.${key}`, `unknown key; ${group} takes ${keys}`);
      if (value !== undefined && (typeof value !== 'number' || !fits(value, rule))) throw new ConfigError(`${path}${group}.${key}`, `must be ${expected(rule)} (got ${kindOf(value)})`);
    }
  }
}
