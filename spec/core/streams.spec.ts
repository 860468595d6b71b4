/** callStreams: one shared run of the core, every public stream a view of its steps. */
import { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { callStreams } from '../../lib/core/streams';
import type { CallEvent, CallResume, CallState, CallStep } from '../../lib/core/types';
import { dialog as wireDialog, snapshot } from '../dialog/helpers';
import { acceptedCall, dialog, invitation } from './fixtures';
import { runtime } from './runtime';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const resume: CallResume = { replayed: true, data: null };
const step = (session: CallState, events: readonly CallEvent[] = [], resumed?: CallResume): CallStep => ({ session, events, publishes: [], screen: false, resumed });
const active: CallState = { status: 'active', dialog: acceptedCall(), resumes: 1 };
const S = {
  idle: step({ status: 'idle' }),
  invited: step({ status: 'invited', dialog: invitation(), offering: true }, [{ type: 'dialog', event: { type: 'invited', dialog: invitation() } }, { type: 'invitation', invitation: invitation() }]),
  active: step(active, [{ type: 'resume', resume }, { type: 'accepted', call: acceptedCall() }], resume),
  // A step that changes nothing in the session carries the same state (the core does not copy it).
  same: step(active, [{ type: 'error', error: { id: 'X', message: '' } }], resume),
  ended: step({ status: 'ended', dialog: dialog(), reason: 'hangup' }, [{ type: 'closed', call: { dialog: dialog(), reason: 'hangup' } }]),
};

/** Steps by marble letter: s idle, i invited, a active (resumed), e an error while active, c ended. */
const M = { s: S.idle, i: S.invited, a: S.active, e: S.same, c: S.ended };

describe('callStreams()', () => {
  it('shares one run: the first subscriber starts it, the last one leaving stops it', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const core$ = cold('s-i-a', M);
      const calls = callStreams(core$);
      expectObservable(calls.session$, '^---!').toBe('s-i-', { s: S.idle.session, i: S.invited.session });
      expectObservable(calls.invitation$, '-^------!').toBe('--i-----', { i: invitation() });
      expectSubscriptions(core$.subscriptions).toBe('^-------!');
    });
  });

  it('state streams replay to a late subscriber; event streams skip the step it joins on', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const calls = callStreams(hot('s-i--a-e-e', M));
      expectObservable(calls.session$).toBe('s-i--a----', { s: S.idle.session, i: S.invited.session, a: S.active.session });
      expectObservable(calls.session$, '---^').toBe('---i-a----', { i: S.invited.session, a: S.active.session });
      expectObservable(calls.invitation$).toBe('--i-------', { i: invitation() });
      expectObservable(calls.invitation$, '---^').toBe('----------');
      expectObservable(calls.accepted$).toBe('-----a----', { a: acceptedCall() });
      expectObservable(calls.error$, '------^').toBe('-------e-e', { e: { id: 'X', message: '' } });
      expectObservable(calls.dialog$).toBe('--d-------', { d: { type: 'invited', dialog: invitation() } });
    });
  });

  it('resume$ replays the resume that restored the call still on, and nothing once it ended', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      // e: a later step while the same call is on (it carries the resume as state, not as an event).
      const calls = callStreams(hot('s-a-e-c', M));
      expectObservable(calls.resume$).toBe('--r----', { r: resume });
      expectObservable(calls.resume$, '---^').toBe('---r---', { r: resume });
      expectObservable(calls.resume$, '-----^').toBe('-----r-', { r: resume });
      expectObservable(calls.resume$, '-------^').toBe('-------');
      expectObservable(calls.closed$).toBe('------c', { c: { dialog: dialog(), reason: 'hangup' } });
    });
  });

  it('a later subscriber after the run ended (complete or error) starts a fresh one', () => {
    let runs = 0;
    const core$ = new Observable<CallStep>((subscriber) => {
      runs += 1;
      subscriber.next(S.idle);
      subscriber.complete();
    });
    const calls = callStreams(core$);
    calls.session$.subscribe();
    calls.session$.subscribe();
    expect(runs).toBe(2);
    let failedRuns = 0;
    const failing = callStreams(
      new Observable<CallStep>((subscriber) => {
        failedRuns += 1;
        subscriber.error(new Error(`run ${failedRuns}`));
      }),
    );
    const errors: string[] = [];
    failing.session$.subscribe({ error: (e: unknown) => errors.push(String(e)) });
    failing.session$.subscribe({ error: (e: unknown) => errors.push(String(e)) });
    expect(errors).toEqual(['Error: run 1', 'Error: run 2']);
  });

  it('event streams end with the run: complete when it completes, error when it errors', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const done = callStreams(cold('s-i-|', M));
      expectObservable(done.invitation$).toBe('--i-|', { i: invitation() });
      expectObservable(done.closed$).toBe('----|');
      const broken = callStreams(cold('s-i-#', M));
      expectObservable(broken.invitation$).toBe('--i-#', { i: invitation() });
      expectObservable(broken.error$).toBe('----#');
    });
  });

  it('a subscription made inside a handler is made after the step in hand reached every subscriber', () => {
    const r = runtime();
    const seen: string[] = [];
    r.calls.session$.subscribe((state) => {
      seen.push(`A:${state.status}`);
      // eslint-disable-next-line rxjs-x/no-nested-subscribe -- what hosts do
      if (state.status === 'invited') r.calls.session$.subscribe((late) => seen.push(`C:${late.status}`));
    });
    r.calls.session$.subscribe((state) => seen.push(`B:${state.status}`));
    r.frame(snapshot([wireDialog({ dialogId: 'call-1', expiresAt: 10 ** 13, ts: 1 })]));
    // C joins once the step in hand reached A and B (its first value is the state then), before the
    // outcome of the offer (published after the step reached every subscriber) is applied.
    expect(seen).toEqual(['A:idle', 'B:idle', 'A:invited', 'B:invited', 'C:invited', 'A:offered', 'B:offered', 'C:offered']);
  });
});
