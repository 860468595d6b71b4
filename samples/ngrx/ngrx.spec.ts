import { createTestCallClient } from 'lp-call-streams/testing';
import { merge, Subject } from 'rxjs';
import { answerCall$, callActions, callStateChanged$, type Action, type CallAction } from './call.effects';

/** Subscribes both effects as NgRx would, with a hot action stream (what `provideMockActions` gives). */
function runEffects(t: ReturnType<typeof fakeClient>) {
  const actionSubject$ = new Subject<Action>();
  const output: CallAction[] = [];
  const subscription = merge(callStateChanged$(t.client), answerCall$(actionSubject$, t.client)).subscribe((a) => output.push(a));
  const dispatch = (action: Action): void => {
    actionSubject$.next(action);
    t.advance(0);
  };
  return { dispatch, output, subscription, ofType: (type: CallAction['type']) => output.filter((a) => a.type === type) };
}

describe('call effects (NgRx)', () => {
  it('Accept → Answered with the settled state; the session arrives as State Changed', () => {
    const t = fakeClient();
    const effects = runEffects(t);
    t.advance(10);
    t.sendCall('INVITED');
    effects.dispatch(callActions.accept('call-1'));
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined
    const answered = effects.ofType('[Call API] Answered');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ dialogId: 'call-1', state: { status: 'active' } });
    expect(effects.ofType('[Call API] State Changed').map((a) => a.type === '[Call API] State Changed' && a.state.status)).toEqual([
      'idle',
      'invited',
      'offered',
      'accepting',
      'joining',
      'active',
    ]);
    effects.subscription.unsubscribe();
  });

  it('a refused answer becomes Answer Failed and the effect keeps working; unrelated actions are ignored', () => {
    const t = fakeClient();
    const effects = runEffects(t);
    t.advance(10);
    effects.dispatch({ type: '[Router] Navigated' });
    effects.dispatch(callActions.decline('no-such-call'));
    expect(effects.ofType('[Call API] Answer Failed')).toEqual([
      { type: '[Call API] Answer Failed', dialogId: 'no-such-call', message: expect.stringContaining('unknown-invitation') },
    ]);
    t.sendCall('INVITED');
    effects.dispatch(callActions.decline('call-1'));
    expect(effects.ofType('[Call API] Answered')).toMatchObject([{ dialogId: 'call-1', state: { status: 'declined' } }]);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    effects.subscription.unsubscribe();
  });

  it('tearing the effects down disconnects the client', () => {
    const t = fakeClient();
    const effects = runEffects(t);
    t.advance(10);
    expect(t.lpTag.bindingCount()).toBeGreaterThan(0);
    effects.subscription.unsubscribe();
    expect(t.lpTag.bindingCount()).toBe(0);
    expect(t.sockets.latest().closedByClient?.code).toBe(1000);
    t.advance(0);
    expect(t.scheduler.actions).toHaveLength(0);
  });
});

/** A client over the test kit's fakes, in virtual time advanced by hand (no DOM container). */
function fakeClient() {
  return createTestCallClient({ visitor: { name: 'Jane' } });
}
