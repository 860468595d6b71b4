import { createTestCallClient } from 'lp-call-streams/testing';
import { Subject } from 'rxjs';
import { applyMiddleware, legacy_createStore as createStore } from 'redux';
import { createEpicMiddleware, StateObservable } from 'redux-observable';
import { callEpic, type CallAction, type CallEpicDependencies } from './call-epic';

/** Runs the epic directly: an action Subject in, the emitted actions recorded (no store needed). */
function runEpic(t: ReturnType<typeof fakeClient>) {
  const actionSubject$ = new Subject<CallAction>();
  const output: CallAction[] = [];
  let completed = false;
  const state$ = new StateObservable<unknown>(new Subject<unknown>(), undefined);
  callEpic(actionSubject$, state$, { client: t.client }).subscribe({ next: (a) => output.push(a), complete: () => (completed = true) });
  const dispatch = (action: CallAction): void => {
    actionSubject$.next(action);
    t.advance(0);
  };
  /** One line per action: type plus the status / dialog id it carries. */
  const summary = (): string[] =>
    output.map((a) =>
      a.type === 'CALL_STATE_CHANGED' ? `state ${a.state.status}` : a.type === 'CALL_INVITED' ? `invited ${a.invitation.dialogId}` : a.type === 'CALL_COMMAND_FAILED' ? `failed ${a.command} ${a.dialogId}` : a.type,
    );
  return { dispatch, output, summary, isCompleted: () => completed };
}

describe('callEpic (redux-observable)', () => {
  it('does nothing before START_CALLS; then maps invitation and session to actions, ACCEPT_CALL to the accept command', () => {
    const t = fakeClient();
    const epic = runEpic(t);
    epic.dispatch({ type: 'ACCEPT_CALL', dialogId: 'call-1' }); // not started: ignored
    t.advance(60_000);
    expect(t.sockets.sockets).toHaveLength(0);
    expect(epic.output).toEqual([]);

    epic.dispatch({ type: 'START_CALLS' });
    t.advance(10);
    t.sendCall('INVITED');
    epic.dispatch({ type: 'ACCEPT_CALL', dialogId: 'call-1' });
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined
    expect(epic.summary()).toEqual(['state idle', 'invited call-1', 'state invited', 'state offered', 'state accepting', 'state joining', 'state active']);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
  });

  it('a refused command becomes CALL_COMMAND_FAILED and the epic lives on', () => {
    const t = fakeClient();
    const epic = runEpic(t);
    epic.dispatch({ type: 'START_CALLS' });
    t.advance(10);
    epic.dispatch({ type: 'DECLINE_CALL', dialogId: 'no-such-call' });
    const failure = epic.output.find((a) => a.type === 'CALL_COMMAND_FAILED');
    expect(failure).toEqual({ type: 'CALL_COMMAND_FAILED', command: 'DECLINE_CALL', dialogId: 'no-such-call', message: expect.stringContaining('unknown-invitation') });
    t.sendCall('INVITED');
    epic.dispatch({ type: 'DECLINE_CALL', dialogId: 'call-1' });
    expect(epic.summary().slice(-2)).toEqual(['state offered', 'state declined']);
    expect(epic.isCompleted()).toBe(false);
  });

  it('STOP_CALLS tears the client down; a second START_CALLS connects again', () => {
    const t = fakeClient();
    const epic = runEpic(t);
    epic.dispatch({ type: 'START_CALLS' });
    epic.dispatch({ type: 'START_CALLS' }); // ignored while running (exhaustMap)
    t.advance(10);
    expect(t.sockets.sockets).toHaveLength(1);
    epic.dispatch({ type: 'STOP_CALLS' });
    expect(t.sockets.latest().closedByClient?.code).toBe(1000);
    expect(t.lpTag.bindingCount()).toBe(0);
    expect(t.scheduler.actions).toHaveLength(0);
    const before = epic.output.length;
    t.advance(120_000);
    expect(epic.output).toHaveLength(before);

    epic.dispatch({ type: 'START_CALLS' });
    t.advance(10);
    expect(t.sockets.sockets).toHaveLength(2);
    t.sendCall('INVITED');
    expect(epic.summary()).toContain('invited call-1');
  });

  it('runs in a redux store with the client injected through createEpicMiddleware', () => {
    const t = fakeClient();
    const reducer = (status = 'stopped', action: CallAction): string => (action.type === 'CALL_STATE_CHANGED' ? action.state.status : status);
    const epicMiddleware = createEpicMiddleware<CallAction, CallAction, string, CallEpicDependencies>({ dependencies: { client: t.client } });
    const store = createStore(reducer, applyMiddleware(epicMiddleware));
    epicMiddleware.run(callEpic);
    store.dispatch({ type: 'START_CALLS' });
    t.advance(10);
    t.sendCall('INVITED');
    expect(store.getState()).toBe('offered');
    store.dispatch({ type: 'ACCEPT_CALL', dialogId: 'call-1' });
    t.advance(0);
    expect(store.getState()).toBe('joining');
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined
    expect(store.getState()).toBe('active');
    store.dispatch({ type: 'STOP_CALLS' });
    expect(t.sockets.latest().closedByClient?.code).toBe(1000);
  });
});

/** A client over the test kit's fakes, in virtual time advanced by hand (no DOM container). */
function fakeClient() {
  return createTestCallClient({ visitor: { name: 'Jane' } });
}
