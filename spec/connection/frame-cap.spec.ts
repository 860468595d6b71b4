import { TestScheduler } from 'rxjs/testing';
import type { NotificationFrame } from '../../lib/protocol/types';
import { createConnection } from '../../lib/connection/create-connection';
import { unauthenticated } from '../../lib/auth/auth';
import { ConfigError } from '../../lib/errors';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';
import { harness } from './harness';

/** A messaging-event notification whose text makes the frame about `size` characters long. */
function messageOfSize(size: number, sequence: number): string {
  const frame = (text: string): string =>
    JSON.stringify({
      kind: 'notification',
      type: 'ms.MessagingEventNotification',
      body: { changes: [{ sequence, originatorId: 'agent', serverTimestamp: 1, dialogId: 'd1', event: { type: 'ContentEvent', contentType: 'text/plain', message: text } }] },
    });
  const overhead = frame('').length;
  return frame('x'.repeat(Math.max(0, size - overhead)));
}

describe('createConnection: the inbound frame cap (maxInboundFrameSize)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('drops a frame over the cap unparsed, reports its size and the limit, and the stream lives on', () => {
    scheduler.run(() => {
      const { connection, fake, at, diagnostics } = harness(scheduler, { maxInboundFrameSize: 1_000 });
      const seen: number[] = [];
      connection.notification$.subscribe((frame: NotificationFrame) => {
        if (frame.type === 'ms.MessagingEventNotification') seen.push(frame.body.changes[0]?.sequence ?? -1);
      });
      at(20, () => fake.latest().receive(messageOfSize(1_000, 1))); // at the cap: delivered
      at(21, () => fake.latest().receive(messageOfSize(1_001, 2))); // one over: dropped
      at(22, () => fake.latest().receive(messageOfSize(999, 3)));
      at(40, () => connection.close());
      scheduler.flush();
      expect(seen).toEqual([1, 3]);
      expect(diagnostics.filter((d) => d.type !== 'disconnected')).toEqual([{ type: 'frame-too-large', generation: 1, size: 1_001, limit: 1_000 }]);
      expect(connection).toBeDefined();
    });
  });

  it('a binary frame is refused unparsed with the decoder\'s own words, and the stream lives on', () => {
    scheduler.run(() => {
      const { connection, fake, at, diagnostics } = harness(scheduler, {});
      const seen: string[] = [];
      connection.notification$.subscribe((frame) => seen.push(frame.type));
      at(20, () => fake.latest().onmessage?.({ data: new ArrayBuffer(8) }));
      at(21, () => fake.latest().receive({ kind: 'notification', type: 'x.Later', body: {} }));
      at(40, () => connection.close());
      scheduler.flush();
      expect(seen).toEqual(['unknown']);
      expect(diagnostics.filter((d) => d.type === 'decode-error')).toEqual([
        { type: 'decode-error', generation: 1, error: { kind: 'decode-error', path: '', expected: 'expected text frame (string)', message: '(frame): expected text frame (string)', excerpt: '' } },
      ]);
    });
  });

  it('the diagnostic carries no payload (nothing of the frame, so no JWT or message text)', () => {
    scheduler.run(() => {
      const { connection, fake, at, diagnostics } = harness(scheduler, { maxInboundFrameSize: 100 });
      connection.notification$.subscribe();
      at(20, () => fake.latest().receive(`{"jwt":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln","text":"${'secret '.repeat(30)}"}`));
      at(40, () => connection.close());
      scheduler.flush();
      const text = JSON.stringify(diagnostics);
      expect(text).toContain('frame-too-large');
      expect(text).not.toContain('eyJ');
      expect(text).not.toContain('secret');
    });
  });

  it('defaults to 1 MiB: a 1 MiB frame is decoded, one character more is dropped', () => {
    scheduler.run(() => {
      const { connection, fake, at, diagnostics } = harness(scheduler);
      const seen: number[] = [];
      connection.notification$.subscribe((frame) => {
        if (frame.type === 'ms.MessagingEventNotification') seen.push(frame.body.changes[0]?.sequence ?? -1);
      });
      at(20, () => fake.latest().receive(messageOfSize(1_048_576, 1)));
      at(21, () => fake.latest().receive(messageOfSize(1_048_577, 2)));
      at(40, () => connection.close());
      scheduler.flush();
      expect(seen).toEqual([1]);
      expect(diagnostics).toContainEqual({ type: 'frame-too-large', generation: 1, size: 1_048_577, limit: 1_048_576 });
    });
  });

  it('an oversized response is dropped too: the request times out instead of being answered by it', () => {
    scheduler.run(({ expectObservable }) => {
      const { connection, fake, at } = harness(scheduler, { maxInboundFrameSize: 200, requestTimeoutMs: 100 }, { autoReply: { InitConnection: () => ({ code: 200 }) } });
      at(20, () => {
        const sent = fake.latest().lastRequest('GetClock');
        if (sent !== undefined) fake.latest().receive(JSON.stringify({ kind: 'resp', reqId: sent.id, code: 200, type: 'GetClockResponse', body: { currentTime: 1, pad: 'x'.repeat(300) } }));
      });
      // Sent once open (frame 10), unanswered: times out 100 ms later.
      expectObservable(connection.request('GetClock', undefined)).toBe('110ms #', undefined, expect.objectContaining({ name: 'RequestTimeoutError' }));
      at(400, () => connection.close());
    });
  });

  it('refuses a cap that is not a positive number with a ConfigError naming the field; Infinity means no cap', () => {
    const factory = createFakeSocketFactory();
    const create = (maxInboundFrameSize: number) => createConnection({ accountId: '1', auth: unauthenticated(), webSocketFactory: factory.webSocketFactory, maxInboundFrameSize });
    for (const bad of [0, -1, Number.NaN]) {
      expect(() => create(bad)).toThrow(ConfigError);
      expect(() => create(bad)).toThrow(/^maxInboundFrameSize: must be a positive number/);
    }
    expect(() => create(Infinity)).not.toThrow();
  });
});
