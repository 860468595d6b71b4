/**
 * `dialog$` of `callStreams`: the raw dialog view (every COBROWSE dialog, as the server told it)
 * next to the call view (`invitation$`, `accepted$`, `closed$`: calls only, one at a time), all
 * over ONE shared run of the core.
 */
import { TestScheduler } from 'rxjs/testing';
import { callCore } from '../../lib/core/call-core';
import { callStreams } from '../../lib/core/streams';
import type { CallInput } from '../../lib/core/types';
import type { AcceptedCall, CallInvitation, DialogEvent } from '../../lib/dialog/types';
import { DIALOG, dialog, expected, snapshot } from './helpers';

const newScheduler = () => new TestScheduler((actual, expectedValue) => expect(actual).toEqual(expectedValue));

const frames = {
  i: snapshot([dialog({ ts: 1 })]),
  a: snapshot([dialog({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]),
  u: snapshot([dialog({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 })]),
  c: snapshot([dialog({ sessionState: 'CLOSED', ts: 4 })]),
  s: snapshot([dialog({ dialogId: 'cob-1', mode: 'shared', ts: 1 })]),
};

const invitation: CallInvitation = { ...expected(), sessionState: 'INVITED' };
const acceptedCall: AcceptedCall = { ...expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 }), sessionState: 'ACCEPTED' };
const closedDialog = expected({ sessionState: 'CLOSED', state: 'CLOSE', ts: 4, notificationKey: 'joined' });
const events: Record<string, DialogEvent> = {
  i: { type: 'invited', dialog: invitation },
  a: { type: 'accepted', dialog: acceptedCall },
  u: { type: 'updated', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }) },
  c: { type: 'closed', dialog: closedDialog, reason: 'hangup' },
};

describe('callStreams: dialog$ next to the call view', () => {
  it('dialog$ tells the server’s view over ONE subscription of the frames; the call view says the call was answered elsewhere', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-a-u-c|', frames);
      const { dialog$, invitation$, accepted$, closed$ } = callStreams(source.pipe(callCore()));
      expectObservable(dialog$).toBe('-i-a-u-c|', events);
      expectObservable(invitation$).toBe('-i------|', { i: invitation });
      expectObservable(accepted$).toBe('--------|'); // not accepted here
      expectObservable(closed$).toBe('---c----|', { c: { dialog: acceptedCall, reason: 'answered-elsewhere' } });
      expectSubscriptions(source.subscriptions).toBe('^-------!');
    });
  });

  it('a call accepted here: accepted$ once, and closed$ with the hang-up dialog$ tells', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const inputs = hot<CallInput>('--x', { x: { type: 'intent', id: 1, intent: 'accept', dialogId: DIALOG } });
      const { dialog$, accepted$, closed$ } = callStreams(cold('-i-a-u-c|', frames).pipe(callCore({ inputs })));
      expectObservable(dialog$).toBe('-i-a-u-c|', events);
      expectObservable(accepted$).toBe('---a----|', { a: acceptedCall });
      expectObservable(closed$).toBe('-------c|', { c: { dialog: closedDialog, reason: 'hangup' } });
    });
  });

  it('a decline here: closed$ says declined at once, dialog$ when the server closes the invitation', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const inputs = hot<CallInput>('--x', { x: { type: 'intent', id: 1, intent: 'decline', dialogId: DIALOG } });
      const { dialog$, closed$ } = callStreams(cold('-i---c|', frames).pipe(callCore({ inputs })));
      const closedByServer = expected({ sessionState: 'CLOSED', state: 'CLOSE', ts: 4 });
      expectObservable(dialog$).toBe('-i---c|', { i: events['i'], c: { type: 'closed', dialog: closedByServer, reason: 'declined' } });
      expectObservable(closed$).toBe('--c---|', { c: { dialog: invitation, reason: 'declined' } });
    });
  });

  it('co-browse dialogs are on dialog$ only', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const { dialog$, invitation$ } = callStreams(cold('-s|', frames).pipe(callCore()));
      expectObservable(dialog$).toBe('-s|', { s: { type: 'invited', dialog: { ...expected({ dialogId: 'cob-1', mode: 'shared' }), sessionState: 'INVITED' } } });
      expectObservable(invitation$).toBe('--|');
    });
  });

  it('passes an error to every stream and unsubscribes once', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-#', frames);
      const { dialog$, invitation$, accepted$, closed$ } = callStreams(source.pipe(callCore()));
      expectObservable(dialog$).toBe('-i-#', { i: events['i'] });
      expectObservable(invitation$).toBe('-i-#', { i: invitation });
      expectObservable(accepted$).toBe('---#');
      expectObservable(closed$).toBe('---#');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('unsubscribes from the frames when the last subscriber leaves (ref-counted)', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-a-u-c|', frames);
      const { dialog$, closed$ } = callStreams(source.pipe(callCore()));
      expectObservable(dialog$, '^-!').toBe('-i-', { i: events['i'] });
      expectObservable(closed$, '^-----!').toBe('---c--', { c: { dialog: acceptedCall, reason: 'answered-elsewhere' } });
      expectSubscriptions(source.subscriptions).toBe('^-----!');
    });
  });

  it('a late subscriber to dialog$ gets only what happens after it joined: the step it joins on is not replayed', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i-a-u-c|', frames);
      const { dialog$, session$ } = callStreams(source.pipe(callCore()));
      expectObservable(session$, '^--------').toBe('si-e----|', {
        s: { status: 'idle' },
        i: { status: 'invited', dialog: invitation, offering: true },
        e: { status: 'ended', dialog: acceptedCall, reason: 'answered-elsewhere' },
      });
      expectObservable(dialog$, '--^------').toBe('---a-u-c|', events);
      expectSubscriptions(source.subscriptions).toBe('^-------!');
    });
  });
});
