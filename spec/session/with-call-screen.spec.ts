import { TestScheduler } from 'rxjs/testing';
import { withCallScreen } from '../../lib/session';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('withCallScreen()', () => {
  it('holds the screen once from accepting through active, and releases it when the call ends', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const state$ = hot('s-o-a-c-e---|', { s: S.idle, o: S.offered, a: S.accepting, c: S.activeAfterPublish, e: S.ended });
      const screen$ = cold('x', { x: 'element' });
      expectObservable(state$.pipe(withCallScreen(() => screen$))).toBe('----x-------|', { x: 'element' });
      expectSubscriptions(screen$.subscriptions).toBe('----^---!');
      expectSubscriptions(state$.subscriptions).toBe('^-----------!');
    });
  });

  it('opens a new screen for each call, and on resume', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const state$ = hot('a-e-r-|', { a: S.accepting, e: S.ended, r: S.resumed });
      const screen$ = cold('x', { x: 1 });
      expectObservable(state$.pipe(withCallScreen(() => screen$))).toBe('x---x-|', { x: 1 });
      expectSubscriptions(screen$.subscriptions).toBe(['^-!', '----^-!']);
    });
  });

  it('releases the screen when the states complete, error, or the subscriber leaves', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const screen$ = cold('-');
      const done$ = hot('a--|', { a: S.accepting });
      expectObservable(done$.pipe(withCallScreen(() => screen$))).toBe('---|');
      const failing$ = hot('-a--#', { a: S.accepting });
      expectObservable(failing$.pipe(withCallScreen(() => screen$))).toBe('----#');
      const open$ = hot('--a-----', { a: S.accepting });
      expectObservable(open$.pipe(withCallScreen(() => screen$)), '^----!').toBe('------');
      expectSubscriptions(screen$.subscriptions).toBe(['^--!', '-^--!', '--^--!']);
      expectSubscriptions(open$.subscriptions).toBe('^----!');
    });
  });

  it('passes an error of the screen through', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const state$ = hot('-a-', { a: S.accepting });
      expectObservable(state$.pipe(withCallScreen(() => cold('#', undefined, new Error('no parent'))))).toBe('-#', undefined, new Error('no parent'));
    });
  });
});
