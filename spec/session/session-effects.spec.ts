import { defer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { sessionEffects, type SessionPorts } from '../../lib/session';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('sessionEffects()', () => {
  it('offers, creates the screen before publishing accepted, and removes it when the call ends', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions, flush }) => {
      const log: string[] = [];
      const screen$ = cold('-');
      const publish$ = cold('|');
      const ports: SessionPorts = {
        publish: (request) => defer(() => (log.push(request.event), publish$)),
        callScreen: () => defer(() => (log.push('screen'), screen$)),
      };
      const state$ = hot('s-i-o-a-c-e-|', { s: S.idle, i: S.invited, o: S.offered, a: S.accepting, c: S.activeAfterPublish, e: S.ended });
      expectObservable(state$.pipe(sessionEffects(ports))).toBe('--P---Q-----|', {
        P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' },
        Q: { type: 'published', event: 'cobrowseAccepted', dialogId: 'd1' },
      });
      expectSubscriptions(screen$.subscriptions).toBe('------^---!');
      expectSubscriptions(state$.subscriptions).toBe('^-----------!');
      flush();
      expect(log).toEqual(['cobrowseOffered', 'screen', 'cobrowseAccepted']);
    });
  });

  it('recreates the screen and publishes sliderOpened on resume', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions, flush }) => {
      const log: string[] = [];
      const screen$ = cold('-');
      const ports: SessionPorts = {
        publish: (request) => defer(() => (log.push(request.event), cold('|'))),
        callScreen: () => defer(() => (log.push('screen'), screen$)),
      };
      const state$ = hot('s-r--', { s: S.idle, r: S.resumed });
      expectObservable(state$.pipe(sessionEffects(ports)), '^---!').toBe('--S--', { S: { type: 'published', event: 'sliderOpened', dialogId: undefined } });
      expectSubscriptions(screen$.subscriptions).toBe('--^-!');
      flush();
      expect(log).toEqual(['screen', 'sliderOpened']);
    });
  });

  it('turns a failing call screen into a call-screen-failed event, and a failing publish into publish-failed', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const ports: SessionPorts = {
        publish: () => cold('#', undefined, new Error('lpTag missing')),
        callScreen: () => cold('#', undefined, new Error('no parent')),
      };
      const state$ = hot('s-a---|', { s: S.offered, a: S.accepting });
      expectObservable(state$.pipe(sessionEffects(ports))).toBe('--(XF)|', {
        X: { type: 'call-screen-failed', message: 'no parent' },
        F: { type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'd1', field: undefined, message: 'lpTag missing' },
      });
    });
  });

  it('a call screen failing with something that is not an Error still fails with a message', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const ports: SessionPorts = { publish: () => cold('|'), callScreen: () => cold('#', undefined, 'not an Error') };
      const state$ = hot('s-a---|', { s: S.offered, a: S.accepting });
      expectObservable(state$.pipe(sessionEffects(ports))).toBe('--(XP)|', {
        X: { type: 'call-screen-failed', message: 'call screen failed' },
        P: { type: 'published', event: 'cobrowseAccepted', dialogId: 'd1' },
      });
    });
  });

  it('passes an error of the states through', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const ports: SessionPorts = { publish: () => cold('|'), callScreen: () => cold('-') };
      expectObservable(hot('s-#', { s: S.idle }).pipe(sessionEffects(ports))).toBe('--#');
    });
  });
});
