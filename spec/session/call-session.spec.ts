import { of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { callSession, type CallState } from '../../lib/session';
import { ev } from './fixtures';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('callSession()', () => {
  it('emits the initial state, then each changed state, and completes with the events', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const event$ = hot('--i--p--a--|', { i: ev.invited(), p: ev.published('cobrowseOffered'), a: ev.accept() });
      expectObservable(event$.pipe(callSession())).toBe('s-I--O--A--|', { s: S.idle, I: S.invited, O: S.offered, A: S.accepting });
      expectSubscriptions(event$.subscriptions).toBe('^----------!');
    });
  });

  it('drops events that change nothing (distinct states only)', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const event$ = hot('--i-i-x-c-|', { i: ev.invited(), x: ev.closed('other'), c: ev.closed('d1', 'cancelled') });
      expectObservable(event$.pipe(callSession())).toBe('s-I-----E-|', {
        s: S.idle,
        I: S.invited,
        E: { status: 'ended', dialog: { ...S.ended.dialog }, reason: 'cancelled' },
      });
    });
  });

  it('passes an error of the events through', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const event$ = hot('--i--#', { i: ev.invited() }, new Error('boom'));
      expectObservable(event$.pipe(callSession())).toBe('s-I--#', { s: S.idle, I: S.invited }, new Error('boom'));
      expectSubscriptions(event$.subscriptions).toBe('^----!');
    });
  });

  it('emits only the initial state for a source that never emits, and unsubscribes early', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const event$ = hot<never>('-------');
      expectObservable(event$.pipe(callSession()), '^---!').toBe('s----', { s: S.idle });
      expectSubscriptions(event$.subscriptions).toBe('^---!');
    });
  });

  it('works with a synchronous source and a custom initial state', () => {
    const seen: CallState[] = [];
    of(ev.accept(), ev.published('cobrowseAccepted'))
      .pipe(callSession({}, S.offered))
      .subscribe((state) => seen.push(state));
    expect(seen).toEqual([S.offered, S.accepting, S.activeAfterPublish]);
  });

  it('autoOffer: false — an invitation waits for an offer intent before it is offered', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const event$ = hot('--i--o--p-|', { i: ev.invited(), o: ev.offer(), p: ev.published('cobrowseOffered') });
      expectObservable(event$.pipe(callSession({ autoOffer: false }))).toBe('s-W--I--O-|', { s: S.idle, W: S.waiting, I: S.invited, O: S.offered });
    });
  });

  it('is cold: each subscription folds its own state', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const session$ = cold('-i|', { i: ev.invited() }).pipe(callSession());
      expectObservable(session$).toBe('sI|', { s: S.idle, I: S.invited });
      expectObservable(session$).toBe('sI|', { s: S.idle, I: S.invited });
    });
  });
});
