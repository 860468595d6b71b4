import { TestScheduler } from 'rxjs/testing';
import { ConnectionClosedError } from '../../lib/errors';
import { defaultAutoReplies, type SentRequest } from '../../lib/testing/fake-socket';
import { CHROME, harness, letters, SOCKET_URL, token } from './harness';

describe('createConnection: lifecycle', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('does no I/O until something subscribes; observing state$ or diagnostic$ does not connect', () => {
    scheduler.run(({ expectObservable }) => {
      const { fake, connection, jwtCalls } = harness(scheduler);
      expectObservable(letters(connection.state$), '^------!').toBe('i');
      scheduler.flush();
      expect(fake.sockets).toHaveLength(0);
      expect(jwtCalls).toEqual([]);
    });
  });

  describe('peers §3.2 connection-status stream', () => {
    it('state$: idle → connecting → handshaking → open, hot and replaying the latest to late subscribers', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection } = harness(scheduler);
        expectObservable(letters(connection.connect()), '^--------------!').toBe('(ic)-h----o');
        expectObservable(letters(connection.state$), '-------------^!').toBe('-------------o');
      });
    });

    it('open carries the socket generation; reconnecting says why, when and what closed', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, at, fake } = harness(scheduler);
        at(20, () => fake.latest().drop());
        expectObservable(connection.connect(), '^---------------------!').toBe('(ic)-h----o---------r', {
          i: { status: 'idle' },
          c: { status: 'connecting', attempt: 0 },
          h: { status: 'handshaking', attempt: 0, generation: 1 },
          o: { status: 'open', generation: 1 },
          r: { status: 'reconnecting', attempt: 1, delayMs: 15, lastClose: { code: 1006, reason: '' }, cause: 'socket-closed' },
        });
      });
    });
  });

  describe('handshake gate (peers §3.6: the JWT travels in InitConnection, never in the URL)', () => {
    it('sends InitConnection first (CO_BROWSE, MULTI_DIALOG, detected client, JWT in a header) and nothing else before its 200', () => {
      scheduler.run(() => {
        const { InitConnection: _init, ...noInit } = defaultAutoReplies;
        const { connection, fake, at } = harness(scheduler, {}, { autoReply: noInit });
        connection.request('GetClock', undefined).subscribe();
        connection.subscribeConversations().subscribe();
        const sentAt = new Map<number, readonly string[]>();
        at(15, () => sentAt.set(15, fake.latest().requests().map((r) => r.type)));
        at(20, () => {
          const init = fake.latest().lastRequest('InitConnection');
          if (init === undefined) throw new Error('no InitConnection');
          fake.latest().reply(init, { code: 200, body: 'OK' });
        });
        at(21, () => sentAt.set(21, fake.latest().requests().map((r) => r.type)));
        scheduler.flush();
        expect(sentAt.get(15)).toEqual(['InitConnection']);
        expect(sentAt.get(21)).toEqual(['InitConnection', 'GetClock', 'cqm.SubscribeExConversations']);
        expect(fake.latest().sentBeforeHandshake).toEqual([]);
        const init: SentRequest | undefined = fake.latest().requests()[0];
        expect(init?.headers).toEqual([
          { type: '.ams.headers.ClientProperties', integration: 'BRAND_SDK', deviceFamily: 'DESKTOP', os: 'WINDOWS', osVersion: '10.0', browser: 'CHROME', browserVersion: '120.0.0.0', features: ['CO_BROWSE', 'MULTI_DIALOG'] },
          { type: '.ams.headers.ConsumerAuthentication', jwt: token(1) },
        ]);
        expect(CHROME).toContain('Chrome/120');
      });
    });

    it('never puts the JWT in the socket URL', () => {
      scheduler.run(() => {
        const { connection, fake } = harness(scheduler);
        connection.connect().subscribe();
        scheduler.flush();
        expect(fake.latest().url).toBe(SOCKET_URL);
        expect(fake.latest().url).not.toContain('eyJ');
      });
    });

    it('a handshake with no answer times out: close 4001, then backoff', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake } = harness(scheduler, { handshakeTimeoutMs: 30 }, { autoReply: {} });
        expectObservable(letters(connection.connect()), '^-----------------------------------!').toBe('(ic)-h-----------------------------r');
        scheduler.flush();
        expect(fake.sockets[0]?.closedByClient).toEqual({ code: 4001, reason: 'InitConnection timed out' });
      });
    });
  });

  describe('peers §3.4 close codes: teardown and explicit close', () => {
    it('the last unsubscribe closes the socket with 1000; nothing is sent or scheduled afterwards; state returns to idle', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake, at } = harness(scheduler);
        const notifications = connection.notification$.subscribe();
        const conversations = connection.subscribeConversations().subscribe();
        at(40, () => {
          notifications.unsubscribe();
          conversations.unsubscribe();
        });
        // Subscribed after the connection started: replays the latest state (connecting).
        expectObservable(letters(connection.state$), '^-------------------------------------------!').toBe('c----h----o-----------------------------i');
        let sentAtTeardown = 0;
        let pendingAfterTeardown = -1;
        at(40, () => (sentAtTeardown = fake.latest().sent.length));
        // Left scheduled after the teardown: only the harness's own stop at frame 10 000.
        at(50, () => (pendingAfterTeardown = scheduler.actions.length));
        scheduler.flush();
        expect(pendingAfterTeardown).toBe(1);
        expect(fake.sockets).toHaveLength(1);
        expect(fake.latest().closedByClient).toEqual({ code: 1000, reason: 'client closed' });
        expect(fake.latest().sent.length).toBe(sentAtTeardown);
        expect(fake.latest().droppedSends).toBe(0);
      });
      expect(scheduler.actions).toHaveLength(0);
    });

    it('is lazy again after going idle: a new subscriber opens a new socket', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const first = connection.connect().subscribe();
        at(20, () => first.unsubscribe());
        at(30, () => connection.connect().subscribe());
        scheduler.flush();
        expect(fake.sockets).toHaveLength(2);
        expect(fake.sockets[0]?.closedByClient?.code).toBe(1000);
      });
    });

    it('close(code, reason) ends for good: socket closed with that code, state closed { client }, streams complete', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake, at } = harness(scheduler);
        at(20, () => connection.close(1000, 'bye'));
        expectObservable(letters(connection.connect())).toBe('(ic)-h----o---------(x|)');
        expectObservable(connection.notification$).toBe('--------------------|');
        expectObservable(connection.diagnostic$).toBe('--------------------|');
        scheduler.flush();
        expect(fake.latest().closedByClient).toEqual({ code: 1000, reason: 'bye' });
      });
    });

    it('after close(), commands fail with ConnectionClosedError and no socket is opened', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake } = harness(scheduler);
        connection.close();
        expectObservable(connection.request('GetClock', undefined)).toBe('#', undefined, new ConnectionClosedError('client'));
        expectObservable(letters(connection.state$)).toBe('(x|)');
        scheduler.flush();
        expect(fake.sockets).toHaveLength(0);
      });
    });
  });
});
