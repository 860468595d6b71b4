import { TestScheduler } from 'rxjs/testing';
import { QueueError } from '../../lib/errors';
import { createCommandQueue, type QueueDropReason } from '../../lib/rpc/queue';

describe('peers §3.10 bounded offline queue', () => {
  let scheduler: TestScheduler;
  let drops: [string, QueueDropReason][];
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    drops = [];
  });
  const onDrop = (type: string, reason: QueueDropReason): void => {
    drops.push([type, reason]);
  };

  it('releases a waiting command when the link comes, holding a slot only while waiting', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const queue = createCommandQueue({ maxSize: 2, ttlMs: 10 }, scheduler, onDrop);
      const ready = hot('----l', { l: 'link' });
      expectObservable(queue.wait(ready, 'ms.PublishEvent')).toBe('----(l|)', { l: 'link' });
      expectSubscriptions(ready.subscriptions).toBe('^---!');
    });
    expect(drops).toEqual([]);
  });

  it('errors with QueueError expired after the time-to-live, and reports the drop', () => {
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const queue = createCommandQueue({ maxSize: 2, ttlMs: 6 }, scheduler, onDrop);
      const ready = hot('----------l');
      expectObservable(queue.wait(ready, 'ms.PublishEvent')).toBe('------#', undefined, new QueueError('ms.PublishEvent', 'expired', 'it waited 6 ms for the connection'));
      expectSubscriptions(ready.subscriptions).toBe('^-----!');
    });
    expect(drops).toEqual([['ms.PublishEvent', 'expired']]);
  });

  it('errors the overflowing command at once, not the queued ones', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const queue = createCommandQueue({ maxSize: 2, ttlMs: 20 }, scheduler, onDrop);
      const ready = hot('-----l', { l: 'link' });
      expectObservable(queue.wait(ready, 'a')).toBe('-----(l|)', { l: 'link' });
      expectObservable(queue.wait(ready, 'b')).toBe('-----(l|)', { l: 'link' });
      expectObservable(queue.wait(ready, 'c')).toBe('#', undefined, new QueueError('c', 'overflow', 'the offline queue is full (2 commands are waiting for the connection)'));
    });
    expect(drops).toEqual([['c', 'overflow']]);
  });

  it('frees slots when waiting commands are unsubscribed or released', () => {
    scheduler.run(({ hot, expectObservable }) => {
      const queue = createCommandQueue({ maxSize: 1, ttlMs: 20 }, scheduler, onDrop);
      const ready = hot('------l', { l: 'link' });
      expectObservable(queue.wait(ready, 'a'), '^--!').toBe('');
      expectObservable(queue.wait(ready, 'b'), '---^').toBe('------(l|)', { l: 'link' });
    });
    expect(drops).toEqual([]);
  });

  it('errors with QueueError closed when the connection ends for good while waiting', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const queue = createCommandQueue({ maxSize: 1, ttlMs: 20 }, scheduler, onDrop);
      expectObservable(queue.wait(cold('---|'), 'a')).toBe('---#', undefined, new QueueError('a', 'closed', 'the connection closed for good while it waited'));
      expect(queue.size()).toBe(0);
    });
    expect(drops).toEqual([['a', 'closed']]);
  });
});
