import { TestScheduler } from 'rxjs/testing';
import { createFakeSocketFactory, defaultAutoReplies, parseSentRequest } from '../../lib/testing/fake-socket';

describe('peers §3.8 testability: the shipped fake socket', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('records every socket the factory creates, and opens each one after autoOpen ms', () => {
    scheduler.run(() => {
      const fake = createFakeSocketFactory({ scheduler, autoOpen: 3 });
      const opened: number[] = [];
      const socket = fake.webSocketFactory('ws://a');
      socket.onopen = () => opened.push(scheduler.now());
      fake.webSocketFactory('ws://b');
      expect(fake.sockets.map((s) => [s.url, s.index, s.readyState])).toEqual([
        ['ws://a', 1, 0],
        ['ws://b', 2, 0],
      ]);
      scheduler.flush();
      expect(opened).toEqual([3]);
      expect(fake.latest().url).toBe('ws://b');
    });
  });

  it('auto-answers InitConnection, GetClock and subscriptions after latencyMs', () => {
    scheduler.run(() => {
      const fake = createFakeSocketFactory({ scheduler, autoOpen: 0, latencyMs: 2 });
      const socket = fake.webSocketFactory('ws://a');
      const received: { at: number; data: unknown }[] = [];
      socket.onmessage = (event) => received.push({ at: scheduler.now(), data: JSON.parse(String(event.data)) });
      scheduler.schedule(() => {
        socket.send('{"kind":"req","id":"0","type":"InitConnection","headers":[]}');
        socket.send('{"kind":"req","id":"1","type":"GetClock"}');
        socket.send('{"kind":"req","id":"2","type":"cqm.SubscribeExConversations","body":{}}');
        socket.send('{"kind":"req","id":"3","type":"ms.PublishEvent","body":{}}');
      }, 1);
      scheduler.flush();
      expect(received).toEqual([
        { at: 3, data: { kind: 'resp', reqId: '0', code: 200, type: '.ReqBody$StringResp', body: 'OK' } },
        { at: 3, data: { kind: 'resp', reqId: '1', code: 200, type: 'GetClockResponse', body: { currentTime: 1 } } },
        { at: 3, data: { kind: 'resp', reqId: '2', code: 200, type: 'cqm.SubscribeExConversationsResponse', body: { subscriptionId: 'sub-1-2' } } },
      ]);
      expect(socket.requests().map((r) => r.type)).toEqual(['InitConnection', 'GetClock', 'cqm.SubscribeExConversations', 'ms.PublishEvent']);
      expect(fake.requests('GetClock')).toHaveLength(1);
    });
  });

  it('flags requests sent before the InitConnection 200 (the handshake gate)', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const socket = fake.webSocketFactory('ws://a');
    socket.open();
    socket.send('{"kind":"req","id":"0","type":"InitConnection"}');
    socket.send('{"kind":"req","id":"1","type":"GetClock"}');
    socket.reply('0', { code: 200 });
    socket.send('{"kind":"req","id":"2","type":"GetClock"}');
    expect(socket.sentBeforeHandshake.map((r) => r.id)).toEqual(['1']);
  });

  it('scripts the server: receive, notify, reply, serverClose, drop', () => {
    const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} });
    const socket = fake.webSocketFactory('ws://a');
    const log: string[] = [];
    socket.onmessage = (event) => log.push(String(event.data));
    socket.onclose = (event) => log.push(`close ${event.code} ${event.reason} ${String(event.wasClean)}`);
    socket.onerror = () => log.push('error');
    socket.receive('ignored while CONNECTING');
    socket.open();
    socket.notify('cqm.ExConversationChangeNotification', { changes: [] });
    socket.reply('5', { code: 429, body: 'slow down' });
    socket.drop();
    socket.serverClose(4401);
    expect(log).toEqual([
      '{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":{"changes":[]}}',
      '{"kind":"resp","reqId":"5","code":429,"body":"slow down"}',
      'error',
      'close 1006  false',
    ]);
  });

  it('behaves like a socket for the client: send while CONNECTING throws, after close is dropped; close() reports its code later', () => {
    scheduler.run(() => {
      const fake = createFakeSocketFactory({ scheduler, autoOpen: false, autoReply: {}, latencyMs: 4 });
      const socket = fake.webSocketFactory('ws://a');
      expect(() => socket.send('x')).toThrow('CONNECTING');
      socket.open();
      const closes: string[] = [];
      socket.onclose = (event) => closes.push(`${scheduler.now()}:${event.code}`);
      socket.close(1000, 'bye');
      socket.send('late');
      expect(socket.droppedSends).toBe(1);
      expect(socket.closedByClient).toEqual({ code: 1000, reason: 'bye' });
      scheduler.flush();
      expect(closes).toEqual(['4:1000']);
      expect(socket.readyState).toBe(3);
    });
  });

  it('parses sent requests tolerantly (number ids become strings)', () => {
    expect(parseSentRequest('{"id":1,"type":"GetClock"}')).toMatchObject({ id: '1', type: 'GetClock' });
    expect(parseSentRequest('nope')).toBeUndefined();
    expect(parseSentRequest('{"type":"GetClock"}')).toBeUndefined();
    expect(Object.keys(defaultAutoReplies)).toContain('InitConnection');
  });
});
