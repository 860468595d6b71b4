/**
 * Issue #14 point 2: the config values that feed timers (keep-alive, backoff, queue, timeouts) are
 * checked when the connection is created. A value a timer cannot run (NaN, negative, a keep-alive
 * of 0 ms that would probe in a loop, an infinite backoff ceiling that yields NaN waits) is a
 * ConfigError naming the field; a long value (30 days) is fine: it is waited out in 2^31−1 ms steps.
 */
import { createCallClient } from '../../lib/client/create-call-client';
import type { CallClientConfig } from '../../lib/client/types';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionConfig } from '../../lib/connection/types';
import { ConfigError } from '../../lib/errors';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';

const THIRTY_DAYS_MS = 30 * 86_400_000;
const base = (): ConnectionConfig => ({
  accountId: '123',
  auth: { jwt: () => 'jwt' },
  endpoint: { socketUrl: 'wss://fake.invalid/ws' },
  webSocketFactory: createFakeSocketFactory().webSocketFactory,
});
/** A config as plain JavaScript could pass it (the types would refuse some of these). */
const create = (extra: object) => () => createConnection({ ...base(), ...extra });

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.field;
    throw error;
  }
  return '(nothing thrown)';
}

describe('timing config is checked when the connection is created', () => {
  it.each([
    [{ keepAlive: { idleMs: 0 } }, 'keepAlive.idleMs'],
    [{ keepAlive: { idleMs: NaN } }, 'keepAlive.idleMs'],
    [{ keepAlive: { idleMs: '30000' } }, 'keepAlive.idleMs'],
    [{ keepAlive: { deadlineMs: -1 } }, 'keepAlive.deadlineMs'],
    [{ keepAlive: { idleMS: 1000 } }, 'keepAlive.idleMS'],
    [{ keepAlive: 30_000 }, 'keepAlive'],
    [{ reconnect: { capMs: Infinity } }, 'reconnect.capMs'],
    [{ reconnect: { floorMs: NaN } }, 'reconnect.floorMs'],
    [{ reconnect: { baseMs: -5 } }, 'reconnect.baseMs'],
    [{ reconnect: { stableAfterMs: NaN } }, 'reconnect.stableAfterMs'],
    [{ reconnect: { maxAttempts: 0.5 } }, 'reconnect.maxAttempts'],
    [{ reconnect: { maxAuthFailures: 0 } }, 'reconnect.maxAuthFailures'],
    [{ reconnect: { backoffMs: 10 } }, 'reconnect.backoffMs'],
    [{ queue: { ttlMs: -1 } }, 'queue.ttlMs'],
    [{ queue: { maxSize: 1.5 } }, 'queue.maxSize'],
    [{ requestTimeoutMs: NaN }, 'requestTimeoutMs'],
  ])('%j → ConfigError on %s', (extra, field) => {
    expect(fieldOf(create(extra))).toBe(field);
  });

  it('long values are fine (waited out in steps), and Infinity where it means "never"', () => {
    expect(fieldOf(create({ keepAlive: { idleMs: THIRTY_DAYS_MS, deadlineMs: Infinity } }))).toBe('(nothing thrown)');
    expect(fieldOf(create({ reconnect: { floorMs: THIRTY_DAYS_MS, baseMs: THIRTY_DAYS_MS, capMs: THIRTY_DAYS_MS, stableAfterMs: Infinity, maxAttempts: Infinity } }))).toBe('(nothing thrown)');
    expect(fieldOf(create({ queue: { maxSize: 10, ttlMs: Infinity }, requestTimeoutMs: THIRTY_DAYS_MS }))).toBe('(nothing thrown)');
  });

  it('the call client checks its connection options the same way, naming the full path', () => {
    const client = (connection: object) => () =>
      createCallClient({ ...base(), visitor: { name: 'Jane' }, callScreen: () => ({ subscribe: () => ({ unsubscribe: () => undefined }) }), connection } as unknown as CallClientConfig);
    expect(fieldOf(client({ keepAlive: { idleMs: 0 } }))).toBe('connection.keepAlive.idleMs');
    expect(fieldOf(client({ queue: { maxSize: 1.5 } }))).toBe('connection.queue.maxSize');
    expect(fieldOf(client({ handshakeTimeoutMs: -1 }))).toBe('connection.handshakeTimeoutMs');
  });

  it('messages give the value or its kind in English', () => {
    const messageOf = (extra: object): string => {
      try {
        create(extra)();
      } catch (error: unknown) {
        return error instanceof ConfigError ? error.message : String(error);
      }
      return '(nothing thrown)';
    };
    expect(messageOf({ keepAlive: { idleMs: '30000' } })).toBe('keepAlive.idleMs: must be a number of milliseconds > 0, or Infinity (got a string)');
    expect(messageOf({ reconnect: { maxAttempts: 0.5 } })).toBe('reconnect.maxAttempts: must be a whole number ≥ 0, or Infinity (got 0.5)');
    expect(messageOf({ keepAlive: 30_000 })).toMatch(/^keepAlive: must be an object with idleMs, deadlineMs \(got 30000\)$/);
  });
});
