import { TestScheduler } from 'rxjs/testing';
import { PublishError } from '../../lib/errors';
import { publishRequests } from '../../lib/core/publish-requests';
import type { CallPublish } from '../../lib/core/types';
import { invitation } from './fixtures';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const offer: CallPublish = { event: 'cobrowseOffered', dialog: invitation() };
const slider: CallPublish = { event: 'sliderOpened' };

describe('publishRequests()', () => {
  it('emits published on completion and publish-failed (a value) on error, in request order', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const accepted: CallPublish = { event: 'cobrowseAccepted', dialog: invitation() };
      const request$ = hot('-a--b---|', { a: offer, b: accepted });
      const ok$ = cold('--r|', { r: 'result' });
      const bad$ = cold('-#', undefined, new PublishError('cobrowseAccepted', 'visitorName', 'is empty'));
      const publish = (request: CallPublish) => (request.event === 'cobrowseAccepted' ? bad$ : ok$);
      expectObservable(request$.pipe(publishRequests(publish))).toBe('----PF--|', {
        P: { type: 'published', event: 'cobrowseOffered', dialogId: 'd1' },
        F: { type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'd1', field: 'visitorName', message: 'lpCoBrowse/cobrowseAccepted not published: visitorName is empty' },
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

  it("drops a call's publish in flight when a request of another call arrives: no call waits behind another", () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const stuck$ = cold('-');
      const quick$ = cold('-|');
      const second: CallPublish = { event: 'cobrowseOffered', dialog: invitation('d2') };
      const request$ = hot('-a--b---|', { a: offer, b: second });
      const publish = (request: CallPublish) => ('dialog' in request && request.dialog.dialogId === 'd1' ? stuck$ : quick$);
      expectObservable(request$.pipe(publishRequests(publish))).toBe('-----Q--|', { Q: { type: 'published', event: 'cobrowseOffered', dialogId: 'd2' } });
      expectSubscriptions(stuck$.subscriptions).toBe('-^--!');
      expectSubscriptions(quick$.subscriptions).toBe('----^!');
    });
  });

  it("skips a call's queued publishes once another call's request arrived", () => {
    newScheduler().run(({ hot, cold, expectObservable, flush }) => {
      const log: string[] = [];
      const accept: CallPublish = { event: 'cobrowseAccepted', dialog: invitation() };
      const second: CallPublish = { event: 'cobrowseOffered', dialog: invitation('d2') };
      const request$ = hot('-(ab)c--|', { a: offer, b: accept, c: second });
      const publish = (request: CallPublish) => {
        const dialogId = 'dialog' in request ? request.dialog.dialogId : '-';
        log.push(`${request.event}:${dialogId}`);
        return dialogId === 'd1' ? cold('---------|') : cold('-|');
      };
      expectObservable(request$.pipe(publishRequests(publish))).toBe('------Q-|', { Q: { type: 'published', event: 'cobrowseOffered', dialogId: 'd2' } });
      flush();
      // a (d1) is dropped when c arrives; b (d1, queued behind a) never starts.
      expect(log).toEqual(['cobrowseOffered:d1', 'cobrowseOffered:d2']);
    });
  });

  it('narrows non-Error failures and unsubscribes a pending publish on teardown', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const request$ = hot('-a-b', { a: slider, b: offer });
      const weird$ = cold('#', undefined, 'not an error');
      const never$ = cold('-');
      const publish = (request: CallPublish) => (request.event === 'sliderOpened' ? weird$ : never$);
      expectObservable(request$.pipe(publishRequests(publish)), '^-----!').toBe('-F----', {
        F: { type: 'publish-failed', event: 'sliderOpened', dialogId: undefined, field: undefined, message: 'publish failed' },
      });
      expectSubscriptions(never$.subscriptions).toBe('---^--!');
    });
  });

  it('passes an error of the requests through', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const request$ = hot<CallPublish>('--#');
      expectObservable(request$.pipe(publishRequests(() => hot('-')))).toBe('--#');
    });
  });
});
