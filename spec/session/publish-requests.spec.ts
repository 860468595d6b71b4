import { TestScheduler } from 'rxjs/testing';
import { PublishError } from '../../lib/errors';
import { publishRequests, type SessionPublishRequest } from '../../lib/session';
import { invitation } from './fixtures';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const offer: SessionPublishRequest = { event: 'cobrowseOffered', dialog: invitation() };
const slider: SessionPublishRequest = { event: 'sliderOpened' };

describe('publishRequests()', () => {
  it('emits published on completion and publish-failed (a value) on error, in request order', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const request$ = hot('-a--b---|', { a: offer, b: slider });
      const ok$ = cold('--r|', { r: 'result' });
      const bad$ = cold('-#', undefined, new PublishError('cobrowseOffered', 'visitorName', 'is empty'));
      const publish = (request: SessionPublishRequest) => (request.event === 'sliderOpened' ? bad$ : ok$);
      expectObservable(request$.pipe(publishRequests(publish))).toBe('----PF--|', {
        P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' },
        F: { type: 'publish-failed', event: 'sliderOpened', dialogId: undefined, field: 'visitorName', message: 'lpCoBrowse/cobrowseOffered not published: visitorName is empty' },
      });
      expectSubscriptions(ok$.subscriptions).toBe('-^--!');
      expectSubscriptions(bad$.subscriptions).toBe('----^!');
    });
  });

  it('runs one publish at a time (the next waits for the previous)', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const request$ = hot('-ab----|', { a: offer, b: offer });
      const slow$ = cold('---|');
      expectObservable(request$.pipe(publishRequests(() => slow$))).toBe('----P--(P|)', { P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' } });
      expectSubscriptions(slow$.subscriptions).toBe(['-^--!', '----^--!']);
    });
  });

  it('narrows non-Error failures and unsubscribes a pending publish on teardown', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const request$ = hot('-a-b', { a: slider, b: offer });
      const weird$ = cold('#', undefined, 'not an error');
      const never$ = cold('-');
      const publish = (request: SessionPublishRequest) => (request.event === 'sliderOpened' ? weird$ : never$);
      expectObservable(request$.pipe(publishRequests(publish)), '^-----!').toBe('-F----', {
        F: { type: 'publish-failed', event: 'sliderOpened', dialogId: undefined, field: undefined, message: 'publish failed' },
      });
      expectSubscriptions(never$.subscriptions).toBe('---^--!');
    });
  });

  it('passes an error of the requests through', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const request$ = hot<SessionPublishRequest>('--#');
      expectObservable(request$.pipe(publishRequests(() => hot('-')))).toBe('--#');
    });
  });
});
