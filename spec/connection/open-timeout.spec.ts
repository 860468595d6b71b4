/**
 * A socket whose opening handshake is never answered (the TCP connection is up but the HTTP upgrade
 * answer never comes: a half-open link while connecting) must not hang the connection in
 * `connecting`: found by the chaos suite (spec/chaos, a burst of faults), where the keep-alive
 * cannot help because the socket never opened.
 */
import { TestScheduler } from 'rxjs/testing';
import { harness, letters } from './harness';

describe('createConnection: a socket that never opens', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('is given up after handshakeTimeoutMs (cause handshake-timeout, close 4001), closed, then backoff and a new socket', () => {
    scheduler.run(({ expectObservable }) => {
      const { connection, fake, at, diagnostics } = harness(scheduler, { handshakeTimeoutMs: 30 }, { autoOpen: false });
      at(31, () => expect(fake.sockets).toHaveLength(1));
      // 30 ms: given up; the backoff (15 ms with random 0.5) brings attempt 1, whose socket opens.
      at(46, () => fake.latest().open());
      expectObservable(letters(connection.connect()), '^--------------------------------------------------------!').toBe('(ic)--------------------------r--------------ch----o');
      scheduler.flush();
      expect(fake.sockets).toHaveLength(2);
      expect(fake.sockets[0]?.closedByClient).toBeDefined();
      expect(diagnostics).toContainEqual(
        expect.objectContaining({ type: 'disconnected', cause: { type: 'handshake-timeout' }, close: expect.objectContaining({ code: 4001 }) }),
      );
    });
  });
});
