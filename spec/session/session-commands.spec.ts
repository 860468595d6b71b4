import { TestScheduler } from 'rxjs/testing';
import { commandsFor, sessionCommands, type CallState } from '../../lib/session';
import { invitation } from './fixtures';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('commandsFor', () => {
  it('offers on entering invited, also for a new dialog after another one', () => {
    expect(commandsFor(S.idle, S.invited)).toEqual([{ event: 'cobrowseOffered', dialog: invitation() }]);
    const second: CallState = { status: 'invited', dialog: invitation('d2') };
    expect(commandsFor(S.invited, second)).toEqual([{ event: 'cobrowseOffered', dialog: invitation('d2') }]);
  });

  it('does not re-offer when only a rejection was added to the invited state', () => {
    const refused: CallState = { ...S.invited, rejected: { intent: 'accept', dialogId: 'x', reason: 'unknown-invitation' } };
    expect(commandsFor(S.invited, refused)).toEqual([]);
  });

  it('publishes accepted on entering accepting, declined on a consumer decline only', () => {
    expect(commandsFor(S.offered, S.accepting)).toEqual([{ event: 'cobrowseAccepted', dialog: invitation() }]);
    expect(commandsFor(S.offered, S.declined)).toEqual([{ event: 'cobrowseDeclined', dialog: invitation() }]);
    expect(commandsFor(S.offered, { status: 'declined', dialog: invitation(), by: 'dialog' })).toEqual([]);
  });

  it('publishes sliderOpened for each new resume, not for accepting → active', () => {
    expect(commandsFor(S.idle, S.resumed)).toEqual([{ event: 'sliderOpened' }]);
    expect(commandsFor(S.resumed, { status: 'active', dialog: undefined, resumes: 2 })).toEqual([{ event: 'sliderOpened' }]);
    expect(commandsFor(S.accepting, S.activeAfterPublish)).toEqual([]);
    expect(commandsFor(S.resumed, { ...S.resumed, dialog: invitation() })).toEqual([]);
  });

  it('asks for nothing on terminal or unchanged states', () => {
    expect(commandsFor(S.active, S.ended)).toEqual([]);
    expect(commandsFor(S.accepting, S.accepting)).toEqual([]);
  });
});

describe('sessionCommands()', () => {
  it('derives requests from state changes, taking the first state as the baseline', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const state$ = hot('a-b-c-d-|', { a: S.invited, b: S.offered, c: S.accepting, d: S.activeAfterPublish });
      expectObservable(state$.pipe(sessionCommands())).toBe('----c---|', { c: { event: 'cobrowseAccepted', dialog: invitation() } });
      expectSubscriptions(state$.subscriptions).toBe('^-------!');
    });
  });

  it('passes errors through and unsubscribes early', () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const state$ = hot('a-b-#', { a: S.idle, b: S.invited });
      expectObservable(state$.pipe(sessionCommands())).toBe('--o-#', { o: { event: 'cobrowseOffered', dialog: invitation() } });
      const other$ = hot('a-b-c-', { a: S.idle, b: S.invited, c: S.accepting });
      expectObservable(other$.pipe(sessionCommands()), '^--!').toBe('--o', { o: { event: 'cobrowseOffered', dialog: invitation() } });
      expectSubscriptions(other$.subscriptions).toBe('^--!');
    });
  });
});
