import { defer, finalize, shareReplay, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { sessionCommand } from '../../lib/client/session-commands';
import { CallIntentError } from '../../lib/errors';
import type { CallState } from '../../lib/session/call-state';
import type { SessionIntent } from '../../lib/session/session-event';
import { dialog, invitation } from '../session/fixtures';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * session$ as the client has it: hot and replaying the latest state. The host is already
 * subscribed (so frame-0 state is current); `taps` counts live subscriptions of the command.
 */
function replaying(source$: Observable<CallState>) {
  let live = 0;
  const shared$ = source$.pipe(shareReplay({ bufferSize: 1, refCount: false }));
  shared$.subscribe();
  const session$ = defer(() => {
    live += 1;
    return shared$.pipe(finalize(() => (live -= 1)));
  });
  return { session$, live: () => live };
}

const idle: CallState = { status: 'idle' };
const offered: CallState = { status: 'offered', dialog: invitation('d1') };
const invited: CallState = { status: 'invited', dialog: invitation('d1') };
const accepting: CallState = { status: 'accepting', dialog: invitation('d1') };
const active: CallState = { status: 'active', dialog: dialog('d1', { sessionState: 'ACCEPTED' }), resumes: 0 };
const declined: CallState = { status: 'declined', dialog: invitation('d1'), by: 'consumer' };

describe('sessionCommand (cold accept / decline / offer over session$)', () => {
  it('accept: checks the latest state, sends the intent once, emits until active, completes; unsubscribes from session$', () => {
    const sent: (SessionIntent | undefined)[] = [];
    let live = (): number => -1;
    newScheduler().run(({ hot, expectObservable }) => {
      const session = replaying(hot('o-c--a-x', { o: offered, c: accepting, a: active, x: idle }));
      live = session.live;
      const result$ = sessionCommand(session.session$, 'accept', 'd1', () => 5, (_id, intent) => sent.push(intent));
      expectObservable(result$, '-^').toBe('--c--(a|)', { c: accepting, a: active });
    });
    expect(sent).toEqual([{ type: 'accept', dialogId: 'd1', at: 5 }]);
    expect(live()).toBe(0);
  });

  it('decline: emits the declined state and completes', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const { session$ } = replaying(hot('o--d-', { o: offered, d: declined }));
      expectObservable(sessionCommand(session$, 'decline', 'd1', () => 0, () => undefined), '-^').toBe('---(d|)', { d: declined });
    });
  });

  it('fails fast with CallIntentError when the invitation is unknown, and sends nothing', () => {
    const sent: unknown[] = [];
    newScheduler().run(({ hot, expectObservable }) => {
      const { session$ } = replaying(hot('i----', { i: idle }));
      expectObservable(sessionCommand(session$, 'accept', 'd1', () => 0, (...args) => sent.push(args)), '-^').toBe(
        '-#',
        undefined,
        new CallIntentError('accept', 'd1', 'unknown-invitation'),
      );
    });
    expect(sent).toEqual([]);
  });

  it('an expired invitation (now past expiresAt) is refused as invitation-expired', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const { session$ } = replaying(hot('o----', { o: offered }));
      expectObservable(sessionCommand(session$, 'accept', 'd1', () => 200_000, () => undefined), '-^').toBe(
        '-#',
        undefined,
        new CallIntentError('accept', 'd1', 'invitation-expired'),
      );
    });
  });

  it('offer: only for an invitation still waiting for its offer', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const waiting = replaying(hot('i-o-', { i: invited, o: offered }));
      expectObservable(sessionCommand(waiting.session$, 'offer', 'd1', () => 0, () => undefined), '-^').toBe('--(o|)', { o: offered });
      const done = replaying(hot('o---', { o: offered }));
      expectObservable(sessionCommand(done.session$, 'offer', 'd1', () => 0, () => undefined), '-^').toBe(
        '-#',
        undefined,
        new CallIntentError('offer', 'd1', 'already-offered'),
      );
    });
  });

  it('a state that carries a rejection of this dialog errors the command', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      const rejected: CallState = { ...offered, rejected: { intent: 'accept', dialogId: 'd1', reason: 'already-accepted' } };
      const { session$ } = replaying(hot('o-r-', { o: offered, r: rejected }));
      expectObservable(sessionCommand(session$, 'accept', 'd1', () => 0, () => undefined), '-^').toBe(
        '--#',
        undefined,
        new CallIntentError('accept', 'd1', 'already-accepted'),
      );
    });
  });

  it('unsubscribing early stops listening to session$', () => {
    let live = (): number => -1;
    let during = -1;
    newScheduler().run(({ hot, expectObservable, cold }) => {
      const session = replaying(hot('o-c-----a', { o: offered, c: accepting, a: active }));
      live = session.live;
      expectObservable(sessionCommand(session.session$, 'accept', 'd1', () => 0, () => undefined), '-^--!').toBe('--c', { c: accepting });
      expectObservable(cold('---|').pipe(finalize(() => (during = session.live())))).toBe('---|');
    });
    expect(during).toBe(1);
    expect(live()).toBe(0);
  });
});
