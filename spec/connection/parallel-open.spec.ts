import { timer, map } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { harness, letters, token } from './harness';

/**
 * Time to ready: the socket opens while the token is being fetched (the handshake waits for the
 * token, nothing else does), so a first visit costs max(token, socket open) instead of their sum.
 */
describe('createConnection: the socket opens while the token is fetched', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('creates the socket at once and sends InitConnection with the token when it arrives', () => {
    scheduler.run(({ expectObservable }) => {
      const { connection, fake, at } = harness(scheduler, { auth: { jwt: () => timer(30, scheduler).pipe(map(() => token(1))) } });
      const seen: Record<string, unknown> = {};
      at(1, () => (seen['socketsAt1'] = fake.sockets.length));
      at(29, () => (seen['initAt29'] = fake.latest().requests('InitConnection').length));
      at(31, () => (seen['initAt31'] = fake.latest().lastRequest('InitConnection')?.raw.includes(token(1))));
      // socket open at 5, token at 30, InitConnection answered at 35 (latency 5)
      expectObservable(letters(connection.connect()), '^-------------------------------------------!').toBe('(ic)-h-----------------------------o');
      scheduler.flush();
      expect(seen).toEqual({ socketsAt1: 1, initAt29: 0, initAt31: true });
    });
  });

  it('a token failure closes the early socket and reconnects later (token-error)', () => {
    scheduler.run(() => {
      let calls = 0;
      const { connection, fake, diagnostics, at } = harness(scheduler, {
        auth: { jwt: () => (++calls === 1 ? timer(20, scheduler).pipe(map(() => { throw new Error('IdP down'); })) : token(2)) },
      });
      const seen: Record<string, unknown> = {};
      at(21, () => (seen['first'] = { sockets: fake.sockets.length, closedWith: fake.sockets[0]?.closedByClient?.code }));
      connection.connect().subscribe();
      scheduler.flush();
      expect(seen['first']).toEqual({ sockets: 1, closedWith: 1000 });
      expect(diagnostics[0]).toMatchObject({ type: 'disconnected', cause: { type: 'token-error', message: 'Error: IdP down' }, next: { type: 'reconnect' } });
      expect(fake.sockets[0]?.requests('InitConnection')).toHaveLength(0);
      expect(fake.sockets[1]?.lastRequest('InitConnection')?.raw).toContain(token(2));
    });
  });
});
