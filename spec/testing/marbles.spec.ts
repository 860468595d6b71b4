import { map, timer } from 'rxjs';
import { marbleScheduler, runMarbles } from '../../lib/testing/marbles';

describe('testing/marbles', () => {
  it('runs virtual time and asserts with expect', () => {
    runMarbles(expect, ({ cold, expectObservable, scheduler }) => {
      const source = cold('-a-b|').pipe(map((x) => x.toUpperCase()));
      expectObservable(source).toBe('-A-B|');
      expectObservable(timer(1000, scheduler)).toBe('1000ms (0|)', { 0: 0 });
    });
  });

  it('fails when the marbles differ', () => {
    const scheduler = marbleScheduler(expect);
    expect(() =>
      scheduler.run(({ cold, expectObservable }) => {
        expectObservable(cold('-a|')).toBe('--a|');
      }),
    ).toThrow();
  });

  it('returns the body result', () => {
    expect(runMarbles(expect, ({ scheduler }) => scheduler.now())).toBe(0);
  });
});
