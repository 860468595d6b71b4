import { throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { defaultAutoReplies } from '../../lib/testing/fake-socket';
import { exConversationNotification } from '../../lib/testing/frames';
import type { FakeSocketFactory } from '../../lib/testing/fake-socket';
import { harness, letters, token } from './harness';

/** A random source that replays `values` (then repeats the last). */
const seeded = (values: readonly number[]) => {
  let index = 0;
  return (): number => values[Math.min(index++, values.length - 1)] ?? 0;
};

/** Makes every socket after the first `healthy` ones drop 2 ms after it is created (before it opens). */
function flaky(fake: FakeSocketFactory, scheduler: TestScheduler, healthy: number) {
  return (url: string) => {
    const socket = fake.webSocketFactory(url);
    if (fake.sockets.length > healthy) scheduler.schedule(() => socket.drop(), 2);
    return socket;
  };
}

describe('createConnection: reconnect', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  describe('peers §3.1 automatic reconnection', () => {
    it('backs off with full jitter from a seeded random, capped', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler, { random: seeded([0, 0.5, 0.999, 0.25, 0.999]) }, {}, { wrap: (f) => flaky(f, scheduler, 1) });
        const delays: number[] = [];
        connection.state$.subscribe((state) => {
          if (state.status === 'reconnecting') delays.push(state.delayMs);
        });
        const held = connection.connect().subscribe();
        at(20, () => fake.sockets[0]?.drop());
        at(400, () => held.unsubscribe());
        scheduler.flush();
        // floor 10, base 20, cap 80: attempt n draws in [10, min(80, 20·2^(n-1))].
        expect(delays.slice(0, 5)).toEqual([10, 25, 80, 28, 80]);
        expect(fake.sockets.slice(1).every((socket) => socket.requests().length === 0)).toBe(true);
      });
    });

    it('never has two sockets open at once, and opens the next only after the wait', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const held = connection.connect().subscribe();
        const openAt: number[] = [];
        at(20, () => fake.latest().drop());
        at(60, () => fake.latest().serverClose(1011, 'server error'));
        for (const frame of [19, 21, 41, 59, 61, 199]) at(frame, () => openAt.push(fake.sockets.filter((socket) => socket.readyState === 1).length));
        at(200, () => held.unsubscribe());
        scheduler.flush();
        expect(fake.sockets).toHaveLength(3);
        expect(fake.sockets.map((socket) => socket.readyState)).toEqual([3, 3, 3]);
        expect(openAt).toEqual([1, 0, 1, 1, 0, 1]);
      });
    });

    it('re-handshakes on every new socket, reusing the token (no new identity after a blip)', () => {
      scheduler.run(() => {
        const { connection, fake, jwtCalls, at } = harness(scheduler);
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().drop());
        at(100, () => held.unsubscribe());
        scheduler.flush();
        expect(fake.sockets.map((socket) => socket.requests('InitConnection').length)).toEqual([1, 1]);
        expect(fake.sockets.map((socket) => socket.sentBeforeHandshake.length)).toEqual([0, 0]);
        expect(jwtCalls).toEqual(['initial']);
      });
    });

    it('resets the backoff after a stable period', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler, { keepAlive: { idleMs: 10_000, deadlineMs: 100 } });
        const attempts: number[] = [];
        connection.state$.subscribe((state) => {
          if (state.status === 'reconnecting') attempts.push(state.attempt);
        });
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().drop()); // open 10 frames: not stable (stableAfterMs 50) → attempt 1
        at(50, () => fake.latest().drop()); // reopened at 45, open 5 frames → attempt 2
        at(300, () => fake.latest().drop()); // open for > 50 → attempt 1 again
        at(400, () => held.unsubscribe());
        scheduler.flush();
        expect(attempts).toEqual([1, 2, 1]);
      });
    });

    it('ignores events of a stale socket (captured handlers of the old socket fire late)', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const seen: string[] = [];
        const states: string[] = [];
        connection.notification$.subscribe((notification) => seen.push(notification.type));
        connection.state$.subscribe((state) => states.push(state.status));
        let oldMessage: ((event: { data: unknown }) => void) | null = null;
        let oldClose: ((event: { code: number; reason: string }) => void) | null = null;
        at(15, () => {
          oldMessage = fake.latest().onmessage;
          oldClose = fake.latest().onclose;
        });
        at(20, () => fake.latest().drop());
        at(60, () => {
          oldMessage?.({ data: JSON.stringify(exConversationNotification({ changes: [] })) });
          oldClose?.({ code: 4401, reason: 'stale' });
        });
        at(100, () => connection.close());
        scheduler.flush();
        expect(seen).toEqual([]);
        expect(states).toEqual(['connecting', 'handshaking', 'open', 'reconnecting', 'connecting', 'handshaking', 'open', 'closed']);
      });
    });
  });

  describe('peers §3.6 token life-cycle', () => {
    it('4401 → one fresh token (reason expired), then reconnect at once; the new socket carries it', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake, jwtCalls, at } = harness(scheduler);
        at(20, () => fake.latest().serverClose(4401, 'token expired'));
        expectObservable(letters(connection.connect()), '^-----------------------------------!').toBe('(ic)-h----o---------(rc)-h----o');
        scheduler.flush();
        expect(jwtCalls).toEqual(['initial', 'expired']);
        const auth = fake.sockets.map((socket) => JSON.stringify(socket.lastRequest('InitConnection')?.headers));
        expect(auth[0]).toContain(token(1));
        expect(auth[1]).toContain(token(2));
      });
    });

    it('4407 → identity refresh (reason identity), then reconnect', () => {
      scheduler.run(() => {
        const { connection, fake, jwtCalls, at } = harness(scheduler);
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().serverClose(4407, 'identity'));
        at(60, () => held.unsubscribe());
        scheduler.flush();
        expect(jwtCalls).toEqual(['initial', 'identity']);
        expect(fake.sockets).toHaveLength(2);
      });
    });

    it('two auth failures in a row → terminal closed { auth }: no more sockets, streams complete', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake, jwtCalls, at, diagnostics } = harness(scheduler);
        at(20, () => fake.latest().serverClose(4401, 'token expired'));
        at(27, () => fake.latest().serverClose(4401, 'still expired')); // the new socket, before its handshake
        expectObservable(letters(connection.connect())).toBe('(ic)-h----o---------(rc)-h-(x|)');
        // A late observer gets the terminal state replayed, then completion.
        expectObservable(connection.state$, '----------------------------------------^').toBe('----------------------------------------(x|)', {
          x: { status: 'closed', reason: 'auth' },
        });
        scheduler.flush();
        expect(fake.sockets).toHaveLength(2);
        expect(jwtCalls).toEqual(['initial', 'expired']);
        expect(diagnostics.at(-1)).toMatchObject({ type: 'disconnected', close: { code: 4401 }, next: { type: 'terminal', reason: 'auth' } });
      });
    });

    it('an InitConnection answered 401 counts as an auth failure and refreshes the token', () => {
      scheduler.run(() => {
        let inits = 0;
        const { connection, jwtCalls, fake, at } = harness(
          scheduler,
          {},
          {
            autoReply: {
              ...defaultAutoReplies,
              InitConnection: () => (inits++ === 0 ? { code: 401, body: 'Unauthorized' } : { code: 200, body: 'OK' }),
            },
          },
        );
        const states: string[] = [];
        connection.state$.subscribe((state) => states.push(state.status));
        const held = connection.connect().subscribe();
        at(60, () => held.unsubscribe());
        scheduler.flush();
        expect(jwtCalls).toEqual(['initial', 'expired']);
        expect(fake.sockets[0]?.closedByClient).toEqual({ code: 4002, reason: 'InitConnection rejected (401)' });
        expect(states).toContain('open');
      });
    });

    it('never asks for a token while the socket is healthy (no periodic refresh that drops the socket)', () => {
      scheduler.run(() => {
        const { connection, jwtCalls, fake, at } = harness(scheduler);
        const held = connection.connect().subscribe();
        at(9_000, () => held.unsubscribe());
        scheduler.flush();
        expect(jwtCalls).toEqual(['initial']);
        expect(fake.sockets).toHaveLength(1);
      });
    });

    it('recovers after a failing token provider (backoff, then asks again)', () => {
      scheduler.run(() => {
        let calls = 0;
        const { connection, fake, at, diagnostics } = harness(scheduler, {
          auth: {
            jwt: () => {
              calls += 1;
              return calls === 1 ? throwError(() => new Error(`idp down, got ${token(9)}`)) : token(2);
            },
          },
        });
        const held = connection.connect().subscribe();
        at(100, () => held.unsubscribe());
        scheduler.flush();
        expect(calls).toBe(2);
        expect(fake.sockets).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ type: 'disconnected', cause: { type: 'token-error' }, close: { code: 0 } });
        expect(JSON.stringify(diagnostics)).not.toContain('eyJ');
      });
    });
  });

  describe('peers §3.3 keep-alive and half-open detection', () => {
    it('sends GetClock after idleMs of outbound silence, repeatedly, and stays open while answered', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler, { keepAlive: { idleMs: 30, deadlineMs: 10 } });
        const held = connection.connect().subscribe();
        const clocks: number[] = [];
        for (const frame of [39, 41, 71, 101]) at(frame, () => clocks.push(fake.latest().requests('GetClock').length));
        at(102, () => held.unsubscribe());
        scheduler.flush();
        // Open at 10 (InitConnection answered); GetClock at 40, 70, 100.
        expect(clocks).toEqual([0, 1, 2, 3]);
        expect(fake.sockets).toHaveLength(1);
      });
    });

    it('outbound requests postpone the keep-alive', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler, { keepAlive: { idleMs: 30, deadlineMs: 10 } });
        const held = connection.connect().subscribe();
        at(30, () => connection.request('cqm.SubscribeExConversations', {}).subscribe());
        let clocksAt50 = -1;
        at(50, () => (clocksAt50 = fake.latest().requests('GetClock').length));
        at(70, () => held.unsubscribe());
        scheduler.flush();
        expect(clocksAt50).toBe(0);
        expect(fake.latest().requests('GetClock')).toHaveLength(1); // at 60 = 30 + 30
      });
    });

    it('no reply within the deadline = half-open: close 4000 and reconnect', () => {
      scheduler.run(({ expectObservable }) => {
        const { GetClock: _clock, ...noClock } = defaultAutoReplies;
        const { connection, fake } = harness(scheduler, { keepAlive: { idleMs: 30, deadlineMs: 10 } }, { autoReply: noClock });
        // Open at 10, GetClock at 40 unanswered, half-open at 50, reconnect 15 later.
        expectObservable(connection.connect(), '^' + '-'.repeat(67) + '!').toBe('(ic)-h----o' + '-'.repeat(39) + 'r' + '-'.repeat(14) + 'c', {
          i: { status: 'idle' },
          c: expect.objectContaining({ status: 'connecting' }),
          h: expect.objectContaining({ status: 'handshaking' }),
          o: expect.objectContaining({ status: 'open' }),
          r: { status: 'reconnecting', attempt: 1, delayMs: 15, lastClose: { code: 4000, reason: 'keep-alive timeout' }, cause: 'keep-alive-timeout' },
        });
        scheduler.flush();
        expect(fake.sockets[0]?.closedByClient).toEqual({ code: 4000, reason: 'keep-alive timeout' });
      });
    });

    it('issue 14: a late reply behind a stream of frames is not half-open (every inbound frame is proof of life)', () => {
      scheduler.run(() => {
        const { GetClock: _clock, ...noClock } = defaultAutoReplies;
        const { connection, fake, at } = harness(scheduler, { keepAlive: { idleMs: 30, deadlineMs: 10 } }, { autoReply: noClock });
        const states: string[] = [];
        const held = connection.connect().subscribe((state) => states.push(state.status));
        // GetClock at 40; a frame every 5 until its reply at 75 (35 after it, the deadline is 10).
        for (let frame = 42; frame < 75; frame += 5) at(frame, () => fake.latest().notify('cqm.ExConversationChangeNotification', { subscriptionId: 'sub-x', changes: [] }));
        at(75, () => {
          const [clock] = fake.latest().requests('GetClock');
          if (clock !== undefined) fake.latest().reply(clock, { type: 'GetClockResponse', body: { currentTime: 75 } });
        });
        at(80, () => held.unsubscribe());
        scheduler.flush();
        expect(fake.sockets).toHaveLength(1);
        expect(fake.sockets[0]?.closedByClient).toEqual({ code: 1000, reason: 'client closed' });
        expect(states).toEqual(['idle', 'connecting', 'handshaking', 'open']);
      });
    });
  });
});
