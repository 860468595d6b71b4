import fc from 'fast-check';
import {
  type AttemptEnd,
  backoffDelay,
  decideReconnect,
  defaultReconnectPolicy,
  initialReconnectState,
  type ReconnectPolicy,
  refreshFor,
} from '../../lib/transport/reconnect-policy';

const policy: ReconnectPolicy = { ...defaultReconnectPolicy, floorMs: 1_000, baseMs: 2_000, capMs: 30_000, stableAfterMs: 10_000 };
const closed = (code: number, openedForMs?: number): AttemptEnd => ({
  close: { code, reason: '', wasClean: code !== 1006 },
  cause: { type: 'socket-closed' },
  openedForMs,
});
const half = (): number => 0.5;

describe('reconnect policy (pure)', () => {
  describe('peers §3.4 close codes', () => {
    it('stops after our own 1000', () => {
      expect(decideReconnect({ ...closed(1000, 5), byClient: true }, initialReconnectState, policy, half)).toEqual({ type: 'stop' });
    });

    it('reconnects with backoff after a server 1000 (not ours)', () => {
      expect(decideReconnect(closed(1000, 5), initialReconnectState, policy, half)).toMatchObject({ type: 'retry', refresh: 'none' });
    });

    it.each([1006, 1011, 1001, 4000])('backs off after %i', (code) => {
      const decision = decideReconnect(closed(code), initialReconnectState, policy, half);
      expect(decision).toEqual({ type: 'retry', attempt: 1, delayMs: 1_500, refresh: 'none', next: { attempt: 1, authFailures: 0 } });
    });

    it('asks for a fresh token at once after 4401, and for an identity refresh after 4407', () => {
      expect(decideReconnect(closed(4401, 60_000), initialReconnectState, policy, half)).toEqual({
        type: 'retry',
        attempt: 1,
        delayMs: 0,
        refresh: 'token',
        next: { attempt: 1, authFailures: 1 },
      });
      expect(decideReconnect(closed(4407, 60_000), initialReconnectState, policy, half)).toMatchObject({ type: 'retry', delayMs: 0, refresh: 'identity' });
    });

    it('treats an InitConnection 401/403 like 4401, other rejections like any failure', () => {
      const rejected = (code: number): AttemptEnd => ({ close: { code: 4002, reason: '', wasClean: false }, cause: { type: 'handshake-rejected', code }, openedForMs: undefined });
      expect(refreshFor(rejected(401))).toBe('token');
      expect(refreshFor(rejected(403))).toBe('token');
      expect(refreshFor(rejected(500))).toBe('none');
      expect(refreshFor({ ...closed(4401), cause: { type: 'keep-alive-timeout' } })).toBe('none');
    });

    it('ends with terminal auth after two auth failures in a row', () => {
      const first = decideReconnect(closed(4401, 60_000), initialReconnectState, policy, half);
      if (first.type !== 'retry') throw new Error('expected a retry');
      expect(decideReconnect(closed(4401), first.next, policy, half)).toEqual({ type: 'terminal', reason: 'auth' });
    });

    it('does not clear the auth count for a link that was not stable (no 4401 storm)', () => {
      const first = decideReconnect(closed(4401, 60_000), initialReconnectState, policy, half);
      if (first.type !== 'retry') throw new Error('expected a retry');
      expect(decideReconnect(closed(4401, 50), first.next, policy, half)).toEqual({ type: 'terminal', reason: 'auth' });
    });

    it('forgets an old auth failure after a stable link', () => {
      expect(decideReconnect(closed(4401, 60_000), { attempt: 0, authFailures: 1 }, policy, half)).toMatchObject({ type: 'retry', refresh: 'token' });
    });
  });

  describe('peers §3.1 backoff', () => {
    it('grows exponentially per failed attempt and is capped', () => {
      const top = (): number => 0.999999;
      const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, policy, top));
      expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    });

    it('never goes under the floor (random = 0)', () => {
      expect(backoffDelay(1, policy, () => 0)).toBe(1_000);
      expect(backoffDelay(9, policy, () => 0)).toBe(1_000);
    });

    it('restarts at attempt 1 after a stable link, keeps counting after a short one', () => {
      const state = { attempt: 4, authFailures: 0 };
      expect(decideReconnect(closed(1006, 10_000), state, policy, half)).toMatchObject({ attempt: 1 });
      expect(decideReconnect(closed(1006, 9_999), state, policy, half)).toMatchObject({ attempt: 5 });
      expect(decideReconnect(closed(1006), state, policy, half)).toMatchObject({ attempt: 5 });
    });

    it('gives up after maxAttempts failures in a row', () => {
      const limited = { ...policy, maxAttempts: 3 };
      expect(decideReconnect(closed(1006), { attempt: 2, authFailures: 0 }, limited, half)).toMatchObject({ type: 'retry', attempt: 3 });
      expect(decideReconnect(closed(1006), { attempt: 3, authFailures: 0 }, limited, half)).toEqual({ type: 'terminal', reason: 'gave-up' });
    });

    it('full jitter: every delay lies in [floor, min(cap, base·2^(n-1))]', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
          const delay = backoffDelay(attempt, policy, () => r);
          const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
          return delay >= policy.floorMs && delay <= ceiling;
        }),
      );
    });
  });

  describe('defaults: a mass drop', () => {
    it('spreads the first attempt after a stable link over at least 2 s, so no 100 ms window holds more than 5 % of the clients', () => {
      // 1 000 clients dropped at once, their `random` evenly spread over [0, 1): the busiest 100 ms window.
      const clients = 1_000;
      const windows = new Map<number, number>();
      for (let i = 0; i < clients; i++) {
        const decision = decideReconnect(closed(1006, 60_000), initialReconnectState, defaultReconnectPolicy, () => (i + 0.5) / clients);
        if (decision.type !== 'retry') throw new Error('expected a retry');
        const window = Math.floor(decision.delayMs / 100);
        windows.set(window, (windows.get(window) ?? 0) + 1);
      }
      expect(Math.max(...windows.values()) / clients).toBeLessThanOrEqual(0.05);
      expect(defaultReconnectPolicy.floorMs).toBeGreaterThanOrEqual(1_000); // still never sooner than a second
    });
  });
});
