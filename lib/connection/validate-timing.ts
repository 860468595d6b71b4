/**
 * Checks of the config values that feed timers (issue #14): a value no timer can run is a
 * `ConfigError` at creation. Long values are fine: every timer of the library is clamped to
 * 2^31−1 ms and waited out in steps (lib/scheduling), so `Infinity` may mean "never" where noted.
 */
import { ConfigError } from '../errors';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => (typeof value === 'number' ? String(value) : value === null ? 'null' : `a ${typeof value}`);

interface Rule {
  /** Smallest accepted value (`exclusive`: strictly above it). */
  readonly min: number;
  readonly exclusive?: boolean;
  /** Accepts `Infinity` (meaning "never"). */
  readonly infinite?: boolean;
  readonly integer?: boolean;
  /** What to pass, for the message. */
  readonly takes: string;
}

const ms = (min: number, takes: string, rule: Partial<Rule> = {}): Rule => ({ min, takes, ...rule });

/** Per option group, the rule of each key (unknown keys are errors too). */
const GROUPS: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  keepAlive: {
    idleMs: ms(0, 'milliseconds of outbound silence before a probe, > 0 (default 30000; Infinity: never probe)', { exclusive: true, infinite: true }),
    deadlineMs: ms(0, 'milliseconds a probe may take, > 0 (default 10000; Infinity: never half-open)', { exclusive: true, infinite: true }),
  },
  reconnect: {
    floorMs: ms(0, 'a finite number of milliseconds ≥ 0 (default 1000)'),
    baseMs: ms(0, 'a finite number of milliseconds ≥ 0 (default 5000)'),
    capMs: ms(0, 'a finite number of milliseconds ≥ 0 (default 30000): the backoff ceiling'),
    stableAfterMs: ms(0, 'milliseconds ≥ 0 (default 10000; Infinity: never stable)', { infinite: true }),
    maxAuthFailures: ms(1, 'a whole number ≥ 1 (default 2)', { integer: true }),
    maxAttempts: ms(0, 'a whole number ≥ 0, or Infinity (the default)', { integer: true, infinite: true }),
  },
  queue: {
    maxSize: ms(0, 'a whole number ≥ 0 (default 50)', { integer: true }),
    ttlMs: ms(0, 'milliseconds ≥ 0 (default 30000; Infinity: wait for ever)', { infinite: true }),
  },
};

function fits(value: number, rule: Rule): boolean {
  if (Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) return value > 0 && rule.infinite === true;
  if (rule.integer === true && !Number.isInteger(value)) return false;
  return rule.exclusive === true ? value > rule.min : value >= rule.min;
}

/** Throws `ConfigError` for the first timing option (`keepAlive`, `reconnect`, `queue`) no timer can run. */
export function checkTimingOptions(config: Record<string, unknown>): void {
  for (const [group, rules] of Object.entries(GROUPS)) {
    const options = config[group];
    if (options === undefined) continue;
    if (!isRecord(options)) throw new ConfigError(group, `must be an object with ${Object.keys(rules).join(', ')} (got ${shown(options)})`);
    for (const [key, value] of Object.entries(options)) {
      const rule = rules[key];
      if (rule === undefined) throw new ConfigError(`${group}.${key}`, `unknown key; ${group} takes ${Object.keys(rules).join(', ')}`);
      if (value === undefined) continue;
      if (typeof value !== 'number' || !fits(value, rule)) throw new ConfigError(`${group}.${key}`, `must be ${rule.takes} (got ${shown(value)})`);
    }
  }
}
