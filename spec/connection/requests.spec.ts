import { TestScheduler } from 'rxjs/testing';
import { ConnectionLostError, QueueError, RequestError, RequestTimeoutError } from '../../lib/errors';
import type { PublishEventBody } from '../../lib/protocol/types';
import { retryRequest } from '../../lib/rpc/retry';
import { defaultAutoReplies } from '../../lib/testing/fake-socket';
import { harness } from './harness';

describe('createConnection: requests', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });
  const publish: PublishEventBody = { dialogId: 'd', conversationId: 'c', event: { type: 'ContentEvent', contentType: 'text/plain', message: 'hi' } };

  it('is cold: sends on subscribe, emits the typed response and completes', () => {
    scheduler.run(({ expectObservable }) => {
      const { connection, fake, at } = harness(scheduler, {}, { autoReply: { ...defaultAutoReplies, 'ms.PublishEvent': () => ({ code: 200, body: { sequence: 4 } }) } });
      const request$ = connection.request('ms.PublishEvent', publish);
      expectObservable(request$).toBe('----------- 4ms (r|)', { r: { reqId: '1', code: 200, body: { sequence: 4 } } });
      at(12, () => expect(fake.latest().requests('ms.PublishEvent')).toHaveLength(1));
    });
  });

  it('request ids are strings, unique per socket', () => {
    scheduler.run(() => {
      const { connection, fake, at } = harness(scheduler);
      const held = connection.connect().subscribe();
      at(20, () => {
        connection.request('GetClock', undefined).subscribe();
        connection.request('GetClock', undefined).subscribe();
      });
      at(30, () => fake.latest().drop());
      at(60, () => connection.request('GetClock', undefined).subscribe());
      at(80, () => held.unsubscribe());
      scheduler.flush();
      const ids = fake.sockets.map((socket) => socket.requests().map((request) => request.id));
      expect(ids).toEqual([
        ['0', '1', '2'],
        ['0', '1'],
      ]);
    });
  });

  it('errors with RequestError { code, body } for code ≥ 400', () => {
    scheduler.run(({ expectObservable }) => {
      const { connection } = harness(scheduler, {}, { autoReply: { ...defaultAutoReplies, 'cm.ConsumerRequestConversation': () => ({ code: 400, body: 'no skill' }) } });
      expectObservable(connection.request('cm.ConsumerRequestConversation', undefined)).toBe(
        '----------- 4ms #',
        undefined,
        new RequestError('cm.ConsumerRequestConversation', 400, 'no skill'),
      );
    });
  });

  describe('peers §3.5 request timeout vs connection lost (never mislabelled)', () => {
    it('no answer → RequestTimeoutError after timeoutMs', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection } = harness(scheduler);
        expectObservable(connection.request('ms.PublishEvent', publish, { timeoutMs: 20 })).toBe('---------- 20ms #', undefined, new RequestTimeoutError('ms.PublishEvent', 20));
      });
    });

    it('socket dies while pending → ConnectionLostError with the close code', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, at, fake } = harness(scheduler);
        at(15, () => fake.latest().drop());
        expectObservable(connection.request('ms.PublishEvent', publish, { timeoutMs: 20 })).toBe('---------------#', undefined, new ConnectionLostError('ms.PublishEvent', 1006));
      });
    });

    it('a late answer after the timeout is reported as unexpected, not delivered', () => {
      scheduler.run(() => {
        const { connection, at, fake, diagnostics } = harness(scheduler);
        const errors: unknown[] = [];
        const held = connection.connect().subscribe();
        at(10, () => connection.request('ms.PublishEvent', publish, { timeoutMs: 5 }).subscribe({ error: (error: unknown) => errors.push(error) }));
        at(30, () => fake.latest().reply('1', { code: 200, body: { sequence: 1 } }));
        at(40, () => held.unsubscribe());
        scheduler.flush();
        expect(errors).toEqual([new RequestTimeoutError('ms.PublishEvent', 5)]);
        expect(diagnostics).toContainEqual({ type: 'unexpected-response', generation: 1, reqId: '1', code: 200 });
      });
    });

    it('unsubscribing cancels the pending request', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, at, fake, diagnostics } = harness(scheduler);
        const held = connection.connect().subscribe();
        expectObservable(connection.request('ms.PublishEvent', publish), '^-------------!').toBe('');
        at(20, () => fake.latest().reply('1', { code: 200, body: { sequence: 1 } }));
        at(30, () => held.unsubscribe());
        scheduler.flush();
        expect(diagnostics).toContainEqual({ type: 'unexpected-response', generation: 1, reqId: '1', code: 200 });
      });
    });
  });

  describe('peers §3.10 bounded offline queue (loud, never silent)', () => {
    it('commands issued while reconnecting wait and go out after the new handshake, in order', () => {
      scheduler.run(() => {
        const { connection, at, fake } = harness(scheduler);
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().drop());
        at(22, () => {
          connection.request('ms.PublishEvent', { ...publish, dialogId: 'first' }).subscribe({ error: () => undefined });
          connection.request('ms.PublishEvent', { ...publish, dialogId: 'second' }).subscribe({ error: () => undefined });
        });
        at(60, () => held.unsubscribe());
        scheduler.flush();
        expect(fake.sockets[0]?.requests('ms.PublishEvent')).toHaveLength(0);
        const types = fake.sockets[1]?.requests().map((request) => request.type).filter((type) => type !== 'GetClock');
        expect(types).toEqual(['InitConnection', 'ms.PublishEvent', 'ms.PublishEvent']);
        expect(fake.sockets[1]?.requests('ms.PublishEvent').map((request) => JSON.stringify(request.body))).toEqual([
          expect.stringContaining('"first"'),
          expect.stringContaining('"second"'),
        ]);
        expect(fake.sockets[1]?.sentBeforeHandshake).toEqual([]);
      });
    });

    it('overflow errors that command at once with QueueError and a queue-drop diagnostic', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, at, fake, diagnostics } = harness(scheduler, { queue: { maxSize: 2, ttlMs: 1_000 } });
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().drop());
        at(60, () => held.unsubscribe());
        const waiting = connection.request('GetClock', undefined);
        // Reconnected and handshaken at 45; GetClock answered 5 later.
        expectObservable(waiting, '----------------------^').toBe('-'.repeat(50) + '(r|)', { r: expect.objectContaining({ code: 200 }) });
        expectObservable(connection.request('GetClock', undefined), '----------------------^').toBe('-'.repeat(50) + '(r|)', {
          r: expect.objectContaining({ code: 200 }),
        });
        expectObservable(connection.request('ms.PublishEvent', publish), '----------------------^').toBe(
          '----------------------#',
          undefined,
          new QueueError('ms.PublishEvent', 'overflow', 'the offline queue is full (2 commands are waiting for the connection)'),
        );
        scheduler.flush();
        expect(diagnostics).toContainEqual({ type: 'queue-drop', requestType: 'ms.PublishEvent', reason: 'overflow' });
      });
    });

    it('a command that waits longer than ttlMs errors with QueueError expired', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, at, fake, diagnostics } = harness(scheduler, { queue: { maxSize: 5, ttlMs: 10 } }, {}, { wrap: (f) => (url) => {
          const socket = f.webSocketFactory(url);
          if (f.sockets.length > 1) scheduler.schedule(() => socket.drop(), 1);
          return socket;
        } });
        const held = connection.connect().subscribe();
        at(20, () => fake.latest().drop());
        at(100, () => held.unsubscribe());
        expectObservable(connection.request('ms.PublishEvent', publish), '----------------------^').toBe(
          '-------------------------------- #',
          undefined,
          new QueueError('ms.PublishEvent', 'expired', 'it waited 10 ms for the connection'),
        );
        scheduler.flush();
        expect(diagnostics).toContainEqual({ type: 'queue-drop', requestType: 'ms.PublishEvent', reason: 'expired' });
        expect(fake.requests('ms.PublishEvent')).toEqual([]);
      });
    });

    it('keep-alives never enter the queue', () => {
      scheduler.run(() => {
        const { GetClock: _clock, ...noClock } = defaultAutoReplies;
        const { connection, at, fake } = harness(scheduler, { keepAlive: { idleMs: 30, deadlineMs: 10 } }, { autoReply: noClock });
        const held = connection.connect().subscribe();
        at(200, () => held.unsubscribe());
        scheduler.flush();
        // Every socket got at most one GetClock (the probe that failed), never a backlog.
        expect(fake.sockets.length).toBeGreaterThan(1);
        expect(fake.sockets.every((socket) => socket.requests('GetClock').length <= 1)).toBe(true);
      });
    });
  });

  it('retryRequest() composes: a 503 is retried on the held connection after 5 s', () => {
    scheduler.run(() => {
      let calls = 0;
      const { connection, fake, at } = harness(
        scheduler,
        {},
        { autoReply: { ...defaultAutoReplies, 'ms.PublishEvent': () => (calls++ === 0 ? { code: 503, body: 'busy' } : { code: 200, body: { sequence: 2 } }) } },
        { stopAt: 20_000 },
      );
      const results: unknown[] = [];
      const held = connection.connect().subscribe();
      at(15_000, () => held.unsubscribe());
      at(20, () => connection.request('ms.PublishEvent', publish).pipe(retryRequest({ scheduler })).subscribe((response) => results.push(response.body)));
      scheduler.flush();
      expect(results).toEqual([{ sequence: 2 }]);
      expect(fake.sockets).toHaveLength(1);
      expect(fake.latest().requests('ms.PublishEvent')).toHaveLength(2);
    });
  });
});
