import { TestScheduler } from 'rxjs/testing';
import { callDialogs, isAcceptedEvent, isClosedEvent, isInvitedEvent, partitionDialogs } from '../../lib/dialog';
import type { AcceptedCall, CallInvitation, DialogEvent } from '../../lib/dialog/types';
import { dialog, expected, snapshot } from './helpers';

const newScheduler = () => new TestScheduler((actual, expectedValue) => expect(actual).toEqual(expectedValue));

const invitation: CallInvitation = { ...expected(), sessionState: 'INVITED' };
const acceptedCall: AcceptedCall = { ...expected({ sessionState: 'ACCEPTED', ts: 2 }), sessionState: 'ACCEPTED' };
const events: Record<string, DialogEvent> = {
  i: { type: 'invited', dialog: invitation },
  a: { type: 'accepted', dialog: acceptedCall },
  u: { type: 'updated', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }) },
  c: { type: 'closed', dialog: acceptedCall, reason: 'hangup' },
};

describe('partitionDialogs', () => {
  it('splits dialog$ into invitation$, accepted$ and closed$ over ONE subscription of the source', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-a-u-c|', events);
      const { dialog$, invitation$, accepted$, closed$ } = partitionDialogs(source);
      expectObservable(dialog$).toBe('-i-a-u-c|', events);
      expectObservable(invitation$).toBe('-i------|', { i: invitation });
      expectObservable(accepted$).toBe('---a----|', { a: acceptedCall });
      expectObservable(closed$).toBe('-------c|', { c: { dialog: acceptedCall, reason: 'hangup' } });
      expectSubscriptions(source.subscriptions).toBe('^-------!');
    });
  });

  it('passes an error to every stream and unsubscribes once', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-#', events);
      const { invitation$, accepted$, closed$ } = partitionDialogs(source);
      expectObservable(invitation$).toBe('-i-#', { i: invitation });
      expectObservable(accepted$).toBe('---#');
      expectObservable(closed$).toBe('---#');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('unsubscribes from the source when the last subscriber leaves (ref-counted)', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-a-u-c|', events);
      const { invitation$, closed$ } = partitionDialogs(source);
      expectObservable(invitation$, '^-!').toBe('-i-', { i: invitation });
      expectObservable(closed$, '^----!').toBe('-----');
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('composes with callDialogs on real frames', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const frames = cold('-i-a-c|', {
        i: snapshot([dialog({ ts: 1 })]),
        a: snapshot([dialog({ sessionState: 'ACCEPTED', ts: 2 })]),
        c: snapshot([dialog({ sessionState: 'CLOSED', ts: 4 })]),
      });
      const { invitation$, accepted$, closed$ } = partitionDialogs(frames.pipe(callDialogs()));
      expectObservable(invitation$).toBe('-i----|', { i: invitation });
      expectObservable(accepted$).toBe('---a--|', { a: acceptedCall });
      expectObservable(closed$).toBe('-----c|', {
        c: { reason: 'hangup', dialog: expected({ sessionState: 'CLOSED', state: 'CLOSE', ts: 4 }) },
      });
      expectSubscriptions(frames.subscriptions).toBe('^-----!');
    });
  });

  it('exports type guards that narrow each event type', () => {
    const all = Object.values(events);
    expect(all.filter(isInvitedEvent).map((e) => e.dialog.sessionState)).toEqual(['INVITED']);
    expect(all.filter(isAcceptedEvent).map((e) => e.dialog.sessionState)).toEqual(['ACCEPTED']);
    expect(all.filter(isClosedEvent).map((e) => e.reason)).toEqual(['hangup']);
  });
});
