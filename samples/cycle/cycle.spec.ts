import { createTestCallClient } from 'lp-call-streams/testing';
import { filter, map, NEVER, Subject, type Observable } from 'rxjs';
import { CallIntentError, type CallState } from 'lp-call-streams';
import { makeCallDriver, type CallCommand, type CallCommandFailure, type CallSource } from './call-driver';

/** A pure Cycle `main`: answers every video call, declines voice calls. */
function autoAnswer(sources: { readonly call: CallSource }): { readonly call: Observable<CallCommand> } {
  return {
    call: sources.call.invitation$.pipe(
      filter((invitation) => invitation.isCall),
      map((invitation): CallCommand => ({ type: invitation.kind === 'video' ? 'accept' : 'decline', dialogId: invitation.dialogId })),
    ),
  };
}

/** What `@cycle/run` does, in a few lines: a sink proxy, the driver, main, the loop closed. */
function run(driver: (sink$: Observable<CallCommand>) => CallSource, main: typeof autoAnswer) {
  const sinkProxy$ = new Subject<CallCommand>();
  const source = driver(sinkProxy$.asObservable());
  const subscription = main({ call: source }).call.subscribe((command) => sinkProxy$.next(command));
  const dispose = (): void => {
    subscription.unsubscribe();
    source.dispose();
  };
  return { source, dispose };
}

describe('makeCallDriver (Cycle.js)', () => {
  it('closes the loop: main sees the invitation on the source and answers through the sink', () => {
    const t = fakeClient();
    const app = run(makeCallDriver(t.client), autoAnswer);
    const states: string[] = [];
    app.source.state$.subscribe((s) => states.push(s.status));
    t.advance(10);
    t.sendCall('INVITED', { mode: 'VIDEO_CALL' });
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined
    expect(states).toEqual(['idle', 'invited', 'offered', 'accepting', 'joining', 'active']);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    app.dispose();
  });

  it('is hot: connected from run() on, and a late subscriber gets the latest state; select() narrows to one dialog', () => {
    const t = fakeClient();
    const sink$ = new Subject<CallCommand>();
    const source = makeCallDriver(t.client)(sink$);
    t.advance(10);
    expect(t.sockets.sockets).toHaveLength(1);
    t.sendCall('INVITED', { mode: 'VOICE_CALL' }); // nobody listens in main yet
    const selected: CallState[] = [];
    const other: CallState[] = [];
    source.select('call-1').subscribe((s) => selected.push(s));
    source.select('call-2').subscribe((s) => other.push(s));
    expect(selected.map((s) => s.status)).toEqual(['offered']);
    sink$.next({ type: 'decline', dialogId: 'call-1' });
    t.advance(0);
    expect(selected.map((s) => s.status)).toEqual(['offered', 'declined']);
    expect(other).toEqual([]);
    source.dispose();
  });

  it('a refused command is a failure$ value; the driver keeps executing the sink', () => {
    const t = fakeClient();
    const sink$ = new Subject<CallCommand>();
    const source = makeCallDriver(t.client)(sink$);
    const failures: CallCommandFailure[] = [];
    source.failure$.subscribe((f) => failures.push(f));
    t.advance(10);
    sink$.next({ type: 'accept', dialogId: 'no-such-call' });
    t.advance(0);
    expect(failures.map((f) => [f.command.dialogId, f.error instanceof CallIntentError && f.error.reason])).toEqual([['no-such-call', 'unknown-invitation']]);
    t.sendCall('INVITED', { mode: 'VIDEO_CALL' });
    sink$.next({ type: 'accept', dialogId: 'call-1' });
    t.advance(0);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    expect(failures).toHaveLength(1);
    source.dispose();
  });

  it('dispose() completes the source streams and disconnects the client', () => {
    const t = fakeClient();
    const source = makeCallDriver(t.client)(NEVER);
    const completed: string[] = [];
    source.state$.subscribe({ complete: () => completed.push('state$') });
    source.dialog$.subscribe({ complete: () => completed.push('dialog$') });
    source.failure$.subscribe({ complete: () => completed.push('failure$') });
    t.advance(10);
    source.dispose();
    expect(completed.sort()).toEqual(['dialog$', 'failure$', 'state$']);
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
