import { TestScheduler } from 'rxjs/testing';
import { LpTagUnavailableError } from '../../lib/errors';
import { waitForLpTag } from '../../lib/lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('waitForLpTag', () => {
  it('emits a present lpTag at once and completes', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const lpTag = createFakeLpTag();
      expectObservable(waitForLpTag(lpTag, { scheduler })).toBe('(t|)', { t: lpTag });
    });
  });

  it('polls the accessor on the scheduler until lpTag appears (the stub does not count)', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      const lpTag = createFakeLpTag();
      let current: unknown;
      // The inline tag stub: bind/trigger only, so not ready yet.
      scheduler.schedule(() => (current = { events: { bind: () => undefined, trigger: () => undefined } }), 100);
      scheduler.schedule(() => (current = lpTag), 600);
      expectObservable(waitForLpTag(() => current, { scheduler, pollMs: 250, waitMs: 1000 })).toBe('750ms (t|)', { t: lpTag });
    });
  });

  it('errors with LpTagUnavailableError after waitMs (default 15 s)', () => {
    const scheduler = newScheduler();
    scheduler.run(({ expectObservable }) => {
      expectObservable(waitForLpTag(() => undefined, { scheduler, waitMs: 1000 })).toBe('1000ms #', undefined, new LpTagUnavailableError(1000));
      expectObservable(waitForLpTag(() => undefined, { scheduler })).toBe('15000ms #', undefined, new LpTagUnavailableError(15000));
    });
  });

  it('stops polling when unsubscribed', () => {
    const scheduler = newScheduler();
    let reads = 0;
    scheduler.run(({ expectObservable }) => {
      const accessor = () => {
        reads += 1;
        return undefined;
      };
      expectObservable(waitForLpTag(accessor, { scheduler, pollMs: 250 }), '^ 600ms !').toBe('');
    });
    // once on subscribe, then at 250 and 500 ms; nothing after the unsubscribe at 600 ms
    expect(reads).toBe(3);
  });
});
