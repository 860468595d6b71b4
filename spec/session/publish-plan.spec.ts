import { TestScheduler } from 'rxjs/testing';
import { publishesFor, sessionPublishes, type CallState } from '../../lib/session';
import { invitation } from './fixtures';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const offer = (dialogId = 'd1') => ({ event: 'cobrowseOffered', dialog: invitation(dialogId) });
const accept = { event: 'cobrowseAccepted', dialog: invitation() };

describe('publishesFor', () => {
  it('offers on entering invited with offering, also for a new dialog after another one', () => {
    expect(publishesFor(S.idle, S.invited)).toEqual([offer()]);
    const second: CallState = { status: 'invited', dialog: invitation('d2'), offering: true };
    expect(publishesFor(S.invited, second)).toEqual([offer('d2')]);
  });

  it('waits while the invitation is not offered (autoOffer: false), offers when asked, once', () => {
    expect(publishesFor(S.idle, S.waiting)).toEqual([]);
    expect(publishesFor(S.waiting, S.invited)).toEqual([offer()]);
    expect(publishesFor(S.invited, S.invited)).toEqual([]);
  });

  it('publishes accepted on entering accepting — preceded by the offer when it was never asked for', () => {
    expect(publishesFor(S.offered, S.accepting)).toEqual([accept]);
    expect(publishesFor(S.invited, S.accepting)).toEqual([accept]); // the offer is already on its way
    expect(publishesFor(S.waiting, S.accepting)).toEqual([offer(), accept]);
  });

  it('publishes declined on a consumer decline only', () => {
    expect(publishesFor(S.offered, S.declined)).toEqual([{ event: 'cobrowseDeclined', dialog: invitation() }]);
    expect(publishesFor(S.offered, { status: 'declined', dialog: invitation(), by: 'dialog' })).toEqual([]);
  });

  it('publishes sliderOpened for each new resume, not for accepting → active', () => {
    expect(publishesFor(S.idle, S.resumed)).toEqual([{ event: 'sliderOpened' }]);
    expect(publishesFor(S.resumed, { status: 'active', dialog: undefined, resumes: 2 })).toEqual([{ event: 'sliderOpened' }]);
    expect(publishesFor(S.accepting, S.activeAfterPublish)).toEqual([]);
    expect(publishesFor(S.resumed, { ...S.resumed, dialog: invitation() })).toEqual([]);
  });

  it('asks for nothing on terminal or unchanged states, nor when answered elsewhere', () => {
    expect(publishesFor(S.active, S.ended)).toEqual([]);
    expect(publishesFor(S.accepting, S.accepting)).toEqual([]);
    expect(publishesFor(S.declined, S.declined)).toEqual([]); // a repeated state (no distinctUntilChanged upstream) publishes no second decline
    expect(publishesFor(S.offered, { status: 'ended', dialog: invitation(), reason: 'answered-elsewhere' })).toEqual([]);
  });
});

describe('sessionPublishes()', () => {
  it('derives requests from state changes, taking the first state as the baseline', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const state$ = hot('a-b-c-d-|', { a: S.invited, b: S.offered, c: S.accepting, d: S.activeAfterPublish });
      expectObservable(state$.pipe(sessionPublishes())).toBe('----c---|', { c: accept });
      expectSubscriptions(state$.subscriptions).toBe('^-------!');
    });
  });

  it('emits both requests of an accept without offer, in order', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const state$ = hot('w-a-----|', { w: S.waiting, a: S.accepting });
      expectObservable(state$.pipe(sessionPublishes())).toBe('--(oa)--|', { o: offer(), a: accept });
    });
  });

  it('passes errors through and unsubscribes early', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const state$ = hot('a-b-#', { a: S.idle, b: S.invited });
      expectObservable(state$.pipe(sessionPublishes())).toBe('--o-#', { o: offer() });
      const other$ = hot('a-b-c-', { a: S.idle, b: S.invited, c: S.accepting });
      expectObservable(other$.pipe(sessionPublishes()), '^--!').toBe('--o', { o: offer() });
      expectSubscriptions(other$.subscriptions).toBe('^--!');
    });
  });
});
