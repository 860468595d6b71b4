/**
 * The four contract gaps of the call-core issue, as a new user meets them through the test kit:
 * what a stream shows must be true of the core.
 * 1. an invitation on `invitation$` can be accepted until `closed$` says otherwise (two calls);
 * 2. a call restored by a live resume ends on its CLOSED (after it was answered elsewhere);
 * 3. `session$` tells "cobrowseAccepted published, waiting for the call app" from "ACCEPTED";
 * 4. a call that fails reaches `closed$` with its cause, and the command that started it errors.
 */
import { Observable, throwError } from 'rxjs';
import { createTestCallClient } from '../../lib/testing/test-call-client';

/** A call screen that records when it is held. */
function recordedScreen() {
  const log: string[] = [];
  const callScreen = () =>
    new Observable<never>(() => {
      log.push('open');
      return () => log.push('close');
    });
  return { log, callScreen };
}

/** The outcome of a command, as a string: `ok`, or the error's reason. */
function outcomeOf(command: Observable<unknown>): { readonly value: string | undefined } {
  const outcome: { value: string | undefined } = { value: undefined };
  command.subscribe({
    complete: () => (outcome.value = 'ok'),
    error: (error: unknown) => (outcome.value = typeof error === 'object' && error !== null && 'reason' in error ? String(error.reason) : 'error'),
  });
  return outcome;
}

describe('contract gaps of the call core', () => {
  it('1. every invitation shown on invitation$ can be accepted until closed$ says otherwise, with two calls in two conversations', () => {
    const t = createTestCallClient();
    const shown: string[] = [];
    const closed: string[] = [];
    t.client.invitation$.subscribe((invitation) => shown.push(invitation.dialogId));
    t.client.closed$.subscribe(({ dialog }) => closed.push(dialog.dialogId));
    t.advance(10);
    t.sendCall('INVITED', { dialogId: 'call-1', conversationId: 'conv-1' });
    t.sendCall('INVITED', { dialogId: 'call-2', conversationId: 'conv-2' });
    const open = shown.filter((id) => !closed.includes(id));
    expect(open.length).toBeGreaterThan(0);
    // Whichever invitation the page shows last is the one a banner (switchMap) offers: it must be acceptable.
    const last = open.at(-1) ?? '';
    const accepted = outcomeOf(t.client.accept(last));
    t.advance(0);
    t.sendCall('ACCEPTED', { dialogId: last, conversationId: last === 'call-2' ? 'conv-2' : 'conv-1', notificationKey: 'accepted' });
    expect(accepted.value).toBe('ok');
  });

  it('1. an invitation that waited for another call is shown, and acceptable, once that call ends', () => {
    const t = createTestCallClient();
    const shown: string[] = [];
    t.client.invitation$.subscribe((invitation) => shown.push(invitation.dialogId));
    t.advance(10);
    t.sendCall('INVITED', { dialogId: 'call-1', conversationId: 'conv-1' });
    t.sendCall('INVITED', { dialogId: 'call-2', conversationId: 'conv-2' });
    const declined = outcomeOf(t.client.decline('call-1'));
    t.advance(0);
    expect(declined.value).toBe('ok');
    expect(shown.at(-1)).toBe('call-2');
    const accepted = outcomeOf(t.client.accept('call-2'));
    t.advance(0);
    t.sendCall('ACCEPTED', { dialogId: 'call-2', conversationId: 'conv-2', notificationKey: 'accepted' });
    expect(accepted.value).toBe('ok');
  });

  it('2. a call restored by a live resume after it was answered elsewhere ends on its CLOSED', () => {
    const screen = recordedScreen();
    const t = createTestCallClient({ callScreen: screen.callScreen });
    const states: string[] = [];
    t.client.session$.subscribe((state) => states.push(state.status === 'ended' ? `ended:${state.reason}` : state.status));
    t.advance(10);
    t.sendCall('INVITED');
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // answered in another tab
    expect(states.at(-1)).toBe('ended:answered-elsewhere');
    t.lpTag.fire('cobrowse', 'sessionResume', {}); // the visitor moved the call here
    t.advance(0);
    expect(states.at(-1)).toBe('active');
    expect(screen.log).toEqual(['open']);
    t.sendCall('CLOSED', { state: 'CLOSE' }); // the agent hangs up
    expect(states.at(-1)).toBe('ended:hangup');
    expect(screen.log).toEqual(['open', 'close']);
  });

  it('3. session$ tells "cobrowseAccepted published, waiting for the call app" from "ACCEPTED by the server"', () => {
    const t = createTestCallClient();
    const states: string[] = [];
    t.client.session$.subscribe((state) => states.push(state.status));
    t.advance(10);
    t.sendCall('INVITED');
    t.client.accept('call-1').subscribe();
    t.advance(0);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toContain('cobrowseAccepted');
    expect(states).not.toContain('active'); // the server has not said ACCEPTED
    expect(String(states.at(-1))).toBe('joining');
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' });
    expect(states.at(-1)).toBe('active');
  });

  it('4. a call whose screen cannot be created reaches closed$ as failed with the cause, and accept() errors', () => {
    const t = createTestCallClient({ callScreen: () => throwError(() => new Error('no document here')) });
    const closed: unknown[] = [];
    t.client.closed$.subscribe((call) => closed.push(call));
    t.advance(10);
    t.sendCall('INVITED');
    const accepted = outcomeOf(t.client.accept('call-1'));
    t.advance(0);
    expect(accepted.value).toBe('call-failed');
    expect(closed).toEqual([expect.objectContaining({ reason: 'failed', failure: { type: 'call-screen-failed', message: 'no document here' } })]);
  });

  it('4. a call whose accept cannot be published reaches closed$ as failed with the cause, and accept() errors', () => {
    let name = 'Jane';
    const t = createTestCallClient({ visitor: { name: () => name } });
    const closed: unknown[] = [];
    t.client.closed$.subscribe((call) => closed.push(call));
    t.advance(10);
    t.sendCall('INVITED'); // offered with a name
    name = ''; // the page lost it before the visitor accepted
    const accepted = outcomeOf(t.client.accept('call-1'));
    t.advance(0);
    expect(accepted.value).toBe('call-failed');
    expect(closed).toEqual([
      expect.objectContaining({ reason: 'failed', failure: expect.objectContaining({ type: 'publish-failed', event: 'cobrowseAccepted', field: 'visitorName' }) }),
    ]);
  });
});
