import { defer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { RequestError, RequestTimeoutError } from '../../lib/errors';
import { defaultRetryRequestConfig, retryDelayFor, retryRequest } from '../../lib/rpc/retry';

describe('retryRequest (LivePerson retry guidance)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });
  const zero = { rateLimited: 0, serverErrors: 0, other: 0 };

  it('pure delays: 429 ≥ 1 s and growing, 5xx at 5/10/15 s, other 4xx never', () => {
    const config = defaultRetryRequestConfig;
    expect(retryDelayFor(new RequestError('x', 429, ''), zero, config)).toBe(1_000);
    expect(retryDelayFor(new RequestError('x', 429, ''), { ...zero, rateLimited: 2 }, config)).toBe(3_000);
    expect(retryDelayFor(new RequestError('x', 429, ''), { ...zero, rateLimited: 5 }, config)).toBeUndefined();
    expect(retryDelayFor(new RequestError('x', 429, ''), zero, { ...config, rateLimitDelayMs: 10 })).toBe(1_000);
    expect([0, 1, 2, 3].map((n) => retryDelayFor(new RequestError('x', 503, ''), { ...zero, serverErrors: n }, config))).toEqual([5_000, 10_000, 15_000, undefined]);
    expect(retryDelayFor(new RequestError('x', 400, ''), zero, config)).toBeUndefined();
    expect(retryDelayFor(new RequestTimeoutError('x', 10), zero, config)).toBeUndefined();
    expect(retryDelayFor(new RequestTimeoutError('x', 10), zero, { ...config, retryAlso: () => true })).toBe(1_000);
  });

  it('retries a 5xx three times at 5, 10 and 15 s, then gives up with the error', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new RequestError('ms.PublishEvent', 503, 'busy');
      const source = cold('-#', undefined, error);
      expectObservable(source.pipe(retryRequest({ scheduler }))).toBe('- 5000ms - 10000ms - 15000ms -#', undefined, error);
      expectSubscriptions(source.subscriptions).toBe(['^!', '- 5000ms ^!', '- 5000ms - 10000ms ^!', '- 5000ms - 10000ms - 15000ms ^!']);
    });
  });

  it('retries a 429 after one second, then passes the value through', () => {
    scheduler.run(({ cold, expectObservable }) => {
      let calls = 0;
      const limited = cold('-#', undefined, new RequestError('x', 429, 'slow down'));
      const ok = cold('-(v|)', { v: 1 });
      const request$ = defer(() => (calls++ === 0 ? limited : ok));
      expectObservable(request$.pipe(retryRequest({ scheduler }))).toBe('- 1000ms -(v|)', { v: 1 });
    });
  });

  it('does not retry a 400', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const error = new RequestError('x', 400, 'bad');
      const source = cold('--#', undefined, error);
      expectObservable(source.pipe(retryRequest({ scheduler }))).toBe('--#', undefined, error);
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('pure delays: other errors accepted by retryAlso wait rateLimitDelayMs (≥ 1 s), as many times as there are 5xx delays', () => {
    const config = { ...defaultRetryRequestConfig, retryAlso: () => true, rateLimitDelayMs: 2_500 };
    const timeout = new RequestTimeoutError('x', 10);
    expect([0, 1, 2, 3].map((n) => retryDelayFor(timeout, { ...zero, other: n }, config))).toEqual([2_500, 2_500, 2_500, undefined]);
    expect(retryDelayFor(timeout, { ...zero, other: 2 }, { ...config, serverErrorDelaysMs: [1, 2] })).toBeUndefined();
    expect(retryDelayFor(timeout, zero, { ...config, rateLimitDelayMs: 10 })).toBe(1_000);
  });

  it('counts each kind of failure on its own: 429s grow their wait, 5xx walk their delays, retryAlso errors give up after the 5xx count', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const limited = new RequestError('x', 429, 'slow down');
      const busy = new RequestError('x', 503, 'busy');
      const failures = [limited, limited, busy, busy];
      let calls = 0;
      const request$ = defer(() => {
        const failure = failures[calls++];
        return failure === undefined ? cold('-(v|)', { v: 1 }) : cold('-#', undefined, failure);
      });
      // 429 → 1 s, 429 → 2 s, 503 → 5 s, 503 → 10 s, then the value.
      expectObservable(request$.pipe(retryRequest({ scheduler }))).toBe('- 1000ms - 2000ms - 5000ms - 10000ms -(v|)', { v: 1 });
    });
  });

  it('retries errors accepted by retryAlso after rateLimitDelayMs, three times, then gives up', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const timeout = new RequestTimeoutError('x', 10);
      const source = cold('-#', undefined, timeout);
      const retried = source.pipe(retryRequest({ scheduler, retryAlso: (error) => error instanceof RequestTimeoutError, rateLimitDelayMs: 2_000 }));
      expectObservable(retried).toBe('- 2000ms - 2000ms - 2000ms -#', undefined, timeout);
      expectSubscriptions(source.subscriptions).toBe(['^!', '- 2000ms ^!', '- 2000ms - 2000ms ^!', '- 2000ms - 2000ms - 2000ms ^!']);
    });
  });

  it('unsubscribing during a wait cancels the retry', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-#', undefined, new RequestError('x', 500, ''));
      expectObservable(source.pipe(retryRequest({ scheduler })), '^--!').toBe('');
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
    expect(scheduler.actions).toHaveLength(0);
  });
});
