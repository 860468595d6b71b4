/** The page's hub client: decoding the event stream, the peer id, and POSTs in order. */
import { connectHub } from '../../lib/browser/hub-client';
import type { EventSourceLike, PostAnswer } from '../../lib/browser/types';
import { MEDIA } from './fakes';

describe('connectHub', () => {
  const setup = () => {
    const opened: string[] = [];
    const source: EventSourceLike & { closed: boolean } = { onmessage: null, closed: false, close: () => void (source.closed = true) };
    const posted: { url: string; body: object }[] = [];
    const pending: ((answer: PostAnswer) => void)[] = [];
    const hub = connectHub({
      baseUrl: 'http://emulator.test/emulator/call/',
      role: 'consumer',
      openEvents: (url) => {
        opened.push(url);
        return source;
      },
      post: (url, body) => {
        posted.push({ url, body });
        return new Promise((resolve) => pending.push(resolve));
      },
    });
    const emit = (data: unknown): void => source.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
    return { hub, opened, source, posted, pending, emit };
  };

  it('opens the event stream for its role and hands on decoded messages; the peer id comes from hello', () => {
    const { hub, opened, emit } = setup();
    const seen: unknown[] = [];
    hub.onMessage((m) => seen.push(m));
    expect(opened).toEqual(['http://emulator.test/emulator/call/events?role=consumer']);
    emit({ type: 'hello', peerId: 'p1', role: 'consumer', media: MEDIA });
    emit('not json {');
    emit({ type: 'signal', serviceId: 's', linkId: 'l', signal: { kind: 'offer' } });
    emit({ type: 'ended', serviceId: 's', how: 'hangup' });
    expect(hub.peerId()).toBe('p1');
    expect(seen).toEqual([
      { type: 'hello', peerId: 'p1', role: 'consumer', media: MEDIA },
      { type: 'ended', serviceId: 's', how: 'hangup' },
    ]);
  });

  it('POSTs one request at a time, in order, with the peer id (not on accept); maps answers and failures', async () => {
    const { hub, posted, pending, emit } = setup();
    emit({ type: 'hello', peerId: 'p1', role: 'consumer', media: MEDIA });
    const first = hub.request('accept', { serviceId: 's' });
    const second = hub.request('signal', { serviceId: 's', linkId: 'l', signal: { kind: 'answer', sdp: 'x' } });
    await Promise.resolve();
    expect(posted).toEqual([{ url: 'http://emulator.test/emulator/call/accept', body: { serviceId: 's' } }]);
    pending[0]?.({ status: 409, body: { error: 'already', code: 'call-accepted' } });
    expect(await first).toEqual({ ok: false, status: 409, code: 'call-accepted', error: 'already' });
    await Promise.resolve();
    expect(posted[1]).toEqual({ url: 'http://emulator.test/emulator/call/signal', body: { serviceId: 's', linkId: 'l', signal: { kind: 'answer', sdp: 'x' }, peerId: 'p1' } });
    pending[1]?.({ status: 200, body: { delivered: true } });
    expect(await second).toEqual({ ok: true, body: { delivered: true } });
  });

  it('close stops the stream and the listeners', () => {
    const { hub, source, emit } = setup();
    const seen: unknown[] = [];
    hub.onMessage((m) => seen.push(m));
    hub.close();
    emit({ type: 'ended', serviceId: 's', how: 'x' });
    expect(source.closed).toBe(true);
    expect(seen).toEqual([]);
  });
});
