/**
 * The rules of the config values that feed timers (issue #14): a value no timer can run is a
 * `ConfigError` at creation. Long values are fine: every timer of the library is clamped to
 * 2^31−1 ms and waited out in steps (lib/scheduling), so `Infinity` may mean "never" where allowed.
 */
import type { QueueConfig } from '../rpc/queue';
import type { KeepAliveConfig } from '../transport/keep-alive';
import type { ReconnectPolicy } from '../transport/reconnect-policy';
import { num, table, type Rule } from './config-words';

/** A duration: finite and ≥ 0 (a timeout, a wait). */
export const duration = num('');

export const TIMING_RULES = {
  // A keep-alive of 0 ms would probe in a loop.
  keepAlive: table({ idleMs: num('pn'), deadlineMs: num('pn') } satisfies Record<keyof KeepAliveConfig, Rule>),
  // floor, base and cap must be finite: an infinite ceiling draws NaN or infinite waits.
  reconnect: table({ floorMs: duration, baseMs: duration, capMs: duration, stableAfterMs: num('n'), maxAuthFailures: num('i1'), maxAttempts: num('in') } satisfies Record<keyof ReconnectPolicy, Rule>),
  queue: table({ maxSize: num('i'), ttlMs: num('n') } satisfies Record<keyof QueueConfig, Rule>),
};
