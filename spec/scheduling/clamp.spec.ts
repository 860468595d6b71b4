/**
 * Time that cannot overflow, in virtual time (TestScheduler.run): `clampDelay`, `scheduleAt` and
 * `clampScheduler` fire exactly when due — not early — with one scheduled action per 2^31−1 ms step.
 */
import fc from 'fast-check';
import { interval, NEVER, take, timeout, timer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { clampDelay, MAX_TIMER_DELAY_MS, scheduleAt } from '../../lib/scheduling/clamp-delay';
import { clampScheduler } from '../../lib/scheduling/clamp-scheduler';
import { recording } from './recording-scheduler';

const DAY_MS = 86_400_000;
const THIRTY_DAYS_MS = 30 * DAY_MS;
const steps = (ms: number): number => Math.max(1, Math.ceil(ms / MAX_TIMER_DELAY_MS));
const newScheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('clampDelay', () => {
  it('maps every number into [0, 2^31−1]: NaN and negatives to 0', () => {
    expect([NaN, -5, 0, 10, MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS + 1, Infinity].map(clampDelay)).toEqual([0, 0, 0, 10, MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS]);
    fc.assert(fc.property(fc.double(), (ms) => clampDelay(ms) >= 0 && clampDelay(ms) <= MAX_TIMER_DELAY_MS));
  });
});

describe('scheduleAt', () => {
  it('runs 30 days ahead exactly at the deadline, in two steps, never earlier', () => {
    const testScheduler = newScheduler();
    testScheduler.run(() => {
      const { scheduler, delays } = recording(testScheduler);
      const fired: number[] = [];
      scheduleAt(scheduler, THIRTY_DAYS_MS, () => fired.push(scheduler.now()));
      testScheduler.flush();
      expect(fired).toEqual([THIRTY_DAYS_MS]);
      expect(delays).toEqual([MAX_TIMER_DELAY_MS, THIRTY_DAYS_MS - MAX_TIMER_DELAY_MS]);
    });
  });

  it('re-arms for the rest when the clock is behind the deadline at firing (a clock moved back)', () => {
    const testScheduler = newScheduler();
    testScheduler.run(() => {
      let skew = 0;
      const { scheduler, delays } = recording({ now: () => testScheduler.now() - skew, schedule: testScheduler.schedule.bind(testScheduler) });
      const fired: number[] = [];
      scheduleAt(scheduler, 100, () => fired.push(testScheduler.now()));
      testScheduler.schedule(() => (skew = 30), 50);
      testScheduler.flush();
      expect(fired).toEqual([130]);
      expect(delays).toEqual([100, 30]);
    });
  });

  it('does nothing once unsubscribed', () => {
    const testScheduler = newScheduler();
    testScheduler.run(() => {
      const fired: number[] = [];
      const subscription = scheduleAt(testScheduler, THIRTY_DAYS_MS, () => fired.push(testScheduler.now()));
      testScheduler.schedule(() => subscription.unsubscribe(), MAX_TIMER_DELAY_MS + 5);
      testScheduler.flush();
      expect(fired).toEqual([]);
    });
  });
});

describe('clampScheduler', () => {
  it('timer(30 days) emits at 30 days, in two scheduled actions', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { scheduler, delays } = recording(testScheduler);
      expectObservable(timer(THIRTY_DAYS_MS, clampScheduler(scheduler))).toBe(`${THIRTY_DAYS_MS}ms (z|)`, { z: 0 });
      testScheduler.flush();
      expect(delays).toEqual([MAX_TIMER_DELAY_MS, THIRTY_DAYS_MS - MAX_TIMER_DELAY_MS]);
    });
  });

  it('timeout({ first: 30 days }) times out at 30 days, not at once', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable, expectSubscriptions, cold }) => {
      const source = cold('-');
      expectObservable(source.pipe(timeout({ first: THIRTY_DAYS_MS, scheduler: clampScheduler(testScheduler) }))).toBe(`${THIRTY_DAYS_MS}ms #`, undefined, expect.objectContaining({ name: 'TimeoutError' }));
      expectSubscriptions(source.subscriptions).toBe(`^ ${THIRTY_DAYS_MS - 1}ms !`);
    });
  });

  it('interval(30 days) re-schedules itself through the clamp: ticks at 30 and 60 days', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { scheduler, delays } = recording(testScheduler);
      expectObservable(interval(THIRTY_DAYS_MS, clampScheduler(scheduler)).pipe(take(2))).toBe(`${THIRTY_DAYS_MS}ms a ${THIRTY_DAYS_MS - 1}ms (b|)`, { a: 0, b: 1 });
      testScheduler.flush();
      expect(delays).toHaveLength(4);
      expect(Math.max(...delays)).toBe(MAX_TIMER_DELAY_MS);
    });
  });

  it('short delays pass through unchanged (one action each, same timing)', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { scheduler, delays } = recording(testScheduler);
      expectObservable(timer(5, 10, clampScheduler(scheduler)).pipe(take(3))).toBe('-----a 9ms b 9ms (c|)', { a: 0, b: 1, c: 2 });
      testScheduler.flush();
      expect(delays).toEqual([5, 10, 10]);
    });
  });

  it('NaN waits 0; Infinity waits for ever in 2^31−1 ms steps (no spin)', () => {
    const testScheduler = newScheduler();
    testScheduler.run(({ expectObservable }) => {
      const { scheduler, delays } = recording(testScheduler);
      const clamped = clampScheduler(scheduler);
      expectObservable(timer(NaN, clamped)).toBe('(z|)', { z: 0 });
      expectObservable(NEVER.pipe(timeout({ first: Infinity, scheduler: clamped })), `^ ${4 * MAX_TIMER_DELAY_MS}ms !`).toBe('');
      testScheduler.flush();
      expect(delays.length).toBeLessThanOrEqual(6);
      expect(Math.max(...delays)).toBe(MAX_TIMER_DELAY_MS);
    });
  });

  it('is idempotent and cached', () => {
    const testScheduler = newScheduler();
    const clamped = clampScheduler(testScheduler);
    expect(clampScheduler(testScheduler)).toBe(clamped);
    expect(clampScheduler(clamped)).toBe(clamped);
  });

  it('property: any delay up to 300 years fires exactly then, with one action per 2^31−1 ms step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 * 365 * DAY_MS }), (delay) => {
        const testScheduler = new TestScheduler(() => undefined);
        let firedAt: number | undefined;
        testScheduler.run(() => {
          const { scheduler, delays } = recording(testScheduler);
          timer(delay, clampScheduler(scheduler)).subscribe(() => (firedAt = testScheduler.now()));
          testScheduler.flush();
          expect(delays).toHaveLength(steps(delay));
          expect(delays.every((d) => d <= MAX_TIMER_DELAY_MS)).toBe(true);
        });
        expect(firedAt).toBe(delay);
      }),
      { numRuns: 200 },
    );
  });
});
