import { TestScheduler } from 'rxjs/testing';

/** The part of jest's `expect` the marble helper needs (so the test kit does not depend on jest's types). */
export interface ExpectLike {
  (actual: unknown): { toEqual(expected: unknown): void };
}

/** What `TestScheduler.run` hands to the callback. */
export type RunHelpers = Parameters<Parameters<TestScheduler['run']>[0]>[0];

/**
 * A `TestScheduler` whose assertions use jest's `expect(...).toEqual(...)`.
 *
 * @example
 * import { marbleScheduler } from 'lp-call-streams/testing';
 * const scheduler = marbleScheduler(expect);
 * scheduler.run(({ cold, expectObservable }) => {
 *   expectObservable(cold('-a|')).toBe('-a|');
 * });
 */
export function marbleScheduler(expectFn: ExpectLike): TestScheduler {
  return new TestScheduler((actual, expected) => {
    expectFn(actual).toEqual(expected);
  });
}

/**
 * Runs `body` in virtual time on a fresh jest-backed `TestScheduler` and returns its result.
 * Every `timer`, `timeout` and `scheduler.now()` of code that was given `helpers.scheduler`
 * (or that uses the default async scheduler inside `run`) is virtual.
 *
 * @example
 * import { map } from 'rxjs';
 * import { runMarbles } from 'lp-call-streams/testing';
 * it('maps', () => runMarbles(expect, ({ cold, expectObservable }) => {
 *   expectObservable(cold('-a|').pipe(map((x: string) => x.toUpperCase()))).toBe('-A|');
 * }));
 */
export function runMarbles<T>(expectFn: ExpectLike, body: (helpers: RunHelpers & { scheduler: TestScheduler }) => T): T {
  const scheduler = marbleScheduler(expectFn);
  return scheduler.run((helpers) => body({ ...helpers, scheduler }));
}
