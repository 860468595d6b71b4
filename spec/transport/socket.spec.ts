import { TestScheduler } from 'rxjs/testing';
import { fromWebSocket, type SocketEvent } from '../../lib/transport/socket';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';

function record(events: SocketEvent[]) {
  return { next: (event: SocketEvent) => events.push(event), error: (error: unknown) => events.push({ type: 'close', code: -1, reason: String(error), wasClean: false }) };
}
const types = (events: readonly SocketEvent[]): string[] => events.map((event) => (event.type === 'message' ? `message:${String(event.data)}` : event.type === 'close' ? `close:${event.code}` : 'open'));

describe('fromWebSocket', () => {
  it('is lazy: no socket until subscribed', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const socket$ = fromWebSocket(fake.webSocketFactory, 'ws://x');
    expect(fake.sockets).toHaveLength(0);
    const subscription = socket$.subscribe();
    expect(fake.sockets).toHaveLength(1);
    expect(fake.latest().url).toBe('ws://x');
    subscription.unsubscribe();
  });

  it('emits open, messages and one close, then completes', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const events: SocketEvent[] = [];
    let completed = false;
    fromWebSocket(fake.webSocketFactory, 'ws://x').subscribe({ ...record(events), complete: () => (completed = true) });
    const socket = fake.latest();
    socket.open();
    socket.receive('{"kind":"notification"}');
    socket.serverClose(4401, 'token expired');
    expect(types(events)).toEqual(['open', 'message:{"kind":"notification"}', 'close:4401']);
    expect(events[2]).toEqual({ type: 'close', code: 4401, reason: 'token expired', wasClean: true });
    expect(completed).toBe(true);
  });

  it('peers §3.4: unsubscribing closes with 1000 (not 1005) and detaches every handler', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const subscription = fromWebSocket(fake.webSocketFactory, 'ws://x').subscribe();
    const socket = fake.latest();
    socket.open();
    subscription.unsubscribe();
    expect(socket.closedByClient).toEqual({ code: 1000, reason: 'client closed' });
    expect(socket.onopen).toBeNull();
    expect(socket.onmessage).toBeNull();
    expect(socket.onclose).toBeNull();
    // `ws` throws on an 'error' event without a listener: a no-op stays attached.
    expect(typeof socket.onerror).toBe('function');
  });

  it('closes a socket that is still CONNECTING on unsubscribe, with the code of closeOnTeardown', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    fromWebSocket(fake.webSocketFactory, 'ws://x', () => ({ code: 4000, reason: 'bye' }))
      .subscribe()
      .unsubscribe();
    expect(fake.latest().closedByClient).toEqual({ code: 4000, reason: 'bye' });
  });

  it('peers §3.1 stale-socket guard: events of a socket we closed are ignored, even via a captured handler', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const events: SocketEvent[] = [];
    fromWebSocket(fake.webSocketFactory, 'ws://x').subscribe(record(events));
    const socket = fake.latest();
    const capturedMessage = socket.onmessage;
    const capturedClose = socket.onclose;
    socket.open();
    const opened = events[0];
    if (opened?.type !== 'open') throw new Error('expected open');
    opened.close(4000, 'keep-alive timeout');
    capturedMessage?.({ data: 'late' });
    capturedClose?.({ code: 1006, reason: 'late close' });
    expect(types(events)).toEqual(['open', 'close:4000']);
    expect(socket.closedByClient).toEqual({ code: 4000, reason: 'keep-alive timeout' });
  });

  it('send writes only while this socket is open', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const events: SocketEvent[] = [];
    fromWebSocket(fake.webSocketFactory, 'ws://x').subscribe(record(events));
    const socket = fake.latest();
    socket.open();
    const opened = events[0];
    if (opened?.type !== 'open') throw new Error('expected open');
    expect(opened.send('one')).toBe(true);
    socket.serverClose(1011);
    expect(opened.send('two')).toBe(false);
    expect(socket.sent).toEqual(['one']);
  });

  it('peers §3.5: an error event never throws; the close that follows ends the stream', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const events: SocketEvent[] = [];
    fromWebSocket(fake.webSocketFactory, 'ws://x').subscribe(record(events));
    const socket = fake.latest();
    socket.open();
    expect(() => socket.drop()).not.toThrow();
    expect(types(events)).toEqual(['open', 'close:1006']);
  });

  it('a factory that throws becomes a 1006 close event, not an error', () => {
    const events: SocketEvent[] = [];
    fromWebSocket(() => {
      throw new SyntaxError('bad url');
    }, 'nope').subscribe(record(events));
    expect(events).toEqual([{ type: 'close', code: 1006, reason: 'socket could not be created: bad url', wasClean: false }]);
  });

  it('marbles: open at 2, message at 4, unsubscribe at 6 closes the socket', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ expectObservable, cold }) => {
      const fake = createFakeSocketFactory({ scheduler, autoOpen: 2, autoReply: {} });
      cold('----m').subscribe(() => fake.latest().receive('hello'));
      const labels = fromWebSocket(fake.webSocketFactory, 'ws://x');
      expectObservable(labels, '^-----!').toBe('--o-m', {
        o: expect.objectContaining({ type: 'open' }),
        m: { type: 'message', data: 'hello' },
      });
      scheduler.flush();
      expect(fake.latest().closedByClient).toEqual({ code: 1000, reason: 'client closed' });
    });
  });
});
