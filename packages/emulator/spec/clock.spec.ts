/** @jest-environment node */
import { createManualClock, realClock } from '../lib';

describe('createManualClock', () => {
  it('starts at the real time by default, so invitations it dates are not already expired for a real client', () => {
    const before = Date.now();
    const now = createManualClock().now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('runs due timers in due order when advanced, with now() at each due time', () => {
    const clock = createManualClock(1000);
    const seen: Array<[string, number]> = [];
    clock.setTimeout(() => seen.push(['b', clock.now()]), 200);
    clock.setTimeout(() => seen.push(['a', clock.now()]), 100);
    clock.setTimeout(() => seen.push(['c', clock.now()]), 500);
    clock.advance(300);
    expect(seen).toEqual([
      ['a', 1100],
      ['b', 1200],
    ]);
    expect(clock.now()).toBe(1300);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('runs timers scheduled by timers when they fall due within the same advance', () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 50);
    }, 50);
    clock.advance(100);
    expect(seen).toEqual([50, 100]);
  });

  it('clearTimeout cancels', () => {
    const clock = createManualClock(0);
    const fn = jest.fn();
    const handle = clock.setTimeout(fn, 10);
    clock.clearTimeout(handle);
    clock.advance(100);
    expect(fn).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('realClock', () => {
  it('fires and cancels real timers', async () => {
    const clock = realClock();
    const fired = new Promise<number>((resolve) => clock.setTimeout(() => resolve(clock.now()), 5));
    const cancelled = jest.fn();
    clock.clearTimeout(clock.setTimeout(cancelled, 1));
    const start = clock.now();
    expect(await fired).toBeGreaterThanOrEqual(start);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cancelled).not.toHaveBeenCalled();
  });
});
