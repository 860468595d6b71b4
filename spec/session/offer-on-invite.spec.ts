import { TestScheduler } from 'rxjs/testing';
import { offerOnInvite, type CallState, type SessionPublishRequest } from '../../lib/session';
import { invitation } from './fixtures';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('offerOnInvite()', () => {
  it('publishes cobrowseOffered for each new invitation only', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const second: CallState = { status: 'invited', dialog: invitation('d2'), offering: true };
      const state$ = hot('s-i-a-e-j-|', { s: S.idle, i: S.invited, a: S.accepting, e: S.ended, j: second });
      const publish$ = cold('-|');
      const requests: SessionPublishRequest[] = [];
      const publish = (request: SessionPublishRequest) => {
        requests.push(request);
        return publish$;
      };
      expectObservable(state$.pipe(offerOnInvite(publish))).toBe('---P-----Q|', {
        P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' },
        Q: { type: 'published', event: 'cobrowseOffered', dialogId: 'd2' },
      });
      expectSubscriptions(publish$.subscriptions).toBe(['--^!', '--------^!']);
      expectSubscriptions(state$.subscriptions).toBe('^---------!');
    });
  });

  it('publishes nothing for an invitation waiting for offer(), then offers when asked', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const state$ = hot('s-w--i-|', { s: S.idle, w: S.waiting, i: S.invited });
      expectObservable(state$.pipe(offerOnInvite(() => cold('|')))).toBe('-----P-|', { P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' } });
    });
  });

  it('turns a failed offer into a value and unsubscribes early', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const state$ = hot('s-i---', { s: S.idle, i: S.invited });
      const publish$ = cold('#', undefined, new Error('lpTag.events did not appear'));
      expectObservable(state$.pipe(offerOnInvite(() => publish$)), '^---!').toBe('--F-', {
        F: { type: 'publish-failed', event: 'cobrowseOffered', dialogId: 'd1', field: undefined, message: 'lpTag.events did not appear' },
      });
      expectSubscriptions(state$.subscriptions).toBe('^---!');
    });
  });
});
