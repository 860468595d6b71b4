import { map, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { type AttemptContext, reconnectLoop, type ReconnectNotice } from '../../lib/transport/reconnect';
import { type AttemptEnd, defaultReconnectPolicy } from '../../lib/transport/reconnect-policy';

type Event = string | { readonly end: AttemptEnd };
const end = (code: number): Event => ({ end: { close: { code, reason: `closed ${code}`, wasClean: true }, cause: { type: 'socket-closed' }, openedForMs: undefined } });
const endOf = (event: Event): AttemptEnd | undefined => (typeof event === 'string' ? undefined : event.end);
const policy = { ...defaultReconnectPolicy, floorMs: 2, baseMs: 4, capMs: 8 };

describe('reconnectLoop (the operator applying the policy)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  /** Projects events and notices to short strings so marbles stay readable. */
  const letters = (source: Observable<Event | ReconnectNotice>): Observable<string> =>
    source.pipe(
      map((value) => {
        if (typeof value === 'string') return value;
        if (!('type' in value)) return `E${value.end.close.code}`;
        return value.type === 'reconnecting' ? `R${value.delayMs}${value.refresh}` : `T${value.reason}`;
      }),
    );

  it('peers §3.1: backoff, then an immediate token refresh after 4401, then terminal auth on the second', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const attempts = [cold('-a-(E|)', { a: 'a', E: end(1006) }), cold('----a-(F|)', { a: 'a', F: end(4401) }), cold('----(G|)', { G: end(4401) })];
      const contexts: AttemptContext[] = [];
      const result$ = reconnectLoop(
        (context) => {
          contexts.push(context);
          const next = attempts[contexts.length - 1];
          if (next === undefined) throw new Error('unexpected attempt');
          return next;
        },
        endOf,
        { policy, random: () => 0, scheduler },
      );
      expectObservable(letters(result$)).toBe('-a-(xy)--a-(zw)(uv|)', {
        a: 'a',
        x: 'E1006',
        y: 'R2none',
        z: 'E4401',
        w: 'R0token',
        u: 'E4401',
        v: 'Tauth',
      });
      expectSubscriptions(attempts[0]?.subscriptions ?? []).toBe('^--!');
      expectSubscriptions(attempts[1]?.subscriptions ?? []).toBe('-----^-----!');
      expectSubscriptions(attempts[2]?.subscriptions ?? []).toBe('-----------^---!');
      scheduler.flush();
      expect(contexts).toEqual([
        { attempt: 0, refresh: 'none' },
        { attempt: 1, refresh: 'none' },
        { attempt: 2, refresh: 'token' },
      ]);
    });
  });

  it('unsubscribing during the wait cancels the next attempt (nothing left scheduled)', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const first = cold('-(E|)', { E: end(1006) });
      const second = cold('-a');
      let calls = 0;
      const result$ = reconnectLoop(() => (calls++ === 0 ? first : second), endOf, { policy, random: () => 0, scheduler });
      expectObservable(letters(result$), '^--!').toBe('-(xy)', { x: 'E1006', y: 'R2none' });
      expectSubscriptions(second.subscriptions).toBe([]);
    });
    expect(scheduler.actions).toHaveLength(0);
  });

  it('passes an attempt error through (attempts are expected to end with an event instead)', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const result$ = reconnectLoop(() => cold<Event>('-#', {}, new Error('boom')), endOf, { policy, random: () => 0, scheduler });
      expectObservable(letters(result$)).toBe('-#', {}, new Error('boom'));
    });
  });

  it('stops without a retry when the policy says stop (our own 1000)', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const mine: Event = { end: { close: { code: 1000, reason: '', wasClean: true }, cause: { type: 'socket-closed' }, openedForMs: 5, byClient: true } };
      const result$ = reconnectLoop(() => cold('--(E|)', { E: mine }), endOf, { policy, random: () => 0, scheduler });
      expectObservable(letters(result$)).toBe('--(xy|)', { x: 'E1000', y: 'Tstop' });
    });
  });
});
