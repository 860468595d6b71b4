import { NEVER, Subject, VirtualTimeScheduler } from 'rxjs';
import { callCommand, invitationId } from '../../lib/client/commands';
import { CallIntentError } from '../../lib/errors';
import type { InboundFrame } from '../../lib/protocol/types';
import { createCallCoreHub, type SessionPorts } from '../../lib/session';
import { DIALOG, dialog, snapshot } from '../dialog/helpers';

const FAR = 10 ** 13;
const inv = snapshot([dialog({ expiresAt: FAR, ts: 1 })]);
const acc = snapshot([dialog({ expiresAt: FAR, sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]);

function setUp(ports: SessionPorts = { publish: () => NEVER, callScreen: () => NEVER }) {
  const frame$ = new Subject<InboundFrame>();
  const hub = createCallCoreHub({ frame$, resume$: NEVER, sessionError$: NEVER }, ports, { scheduler: new VirtualTimeScheduler() });
  const held = hub.step$.subscribe();
  const run = (type: 'accept' | 'decline' | 'offer', id: string = DIALOG) => {
    const log: string[] = [];
    const subscription = callCommand(hub, type, id, () => 0).subscribe({
      next: (state) => log.push(state.status),
      error: (error: unknown) => log.push(error instanceof CallIntentError ? `error:${error.reason}` : 'error'),
      complete: () => log.push('|'),
    });
    return { log, subscription };
  };
  return { frame$, hub, held, run };
}

describe('callCommand (cold accept / decline / offer over the call core)', () => {
  it('accept: emits the states from the intent on until active, then completes and lets go of the core', () => {
    const { frame$, run, held, hub } = setUp();
    frame$.next(inv);
    const accept = run('accept');
    expect(accept.log).toEqual(['accepting']);
    frame$.next(acc);
    expect(accept.log).toEqual(['accepting', 'active', '|']);
    held.unsubscribe();
    expect(accept.subscription.closed).toBe(true);
    let restarted = false;
    hub.step$.subscribe(() => (restarted = true)).unsubscribe();
    expect(restarted).toBe(true); // a fresh run: nothing was left holding the old one
  });

  it('decline: emits declined and completes at once', () => {
    const { frame$, run } = setUp();
    frame$.next(inv);
    expect(run('decline').log).toEqual(['declined', '|']);
  });

  it('offer: waits until offered (here the publish never completes, so it keeps waiting)', () => {
    const { frame$, run } = setUp();
    frame$.next(inv);
    const offer = run('offer');
    expect(offer.log).toEqual(['invited']);
    offer.subscription.unsubscribe();
  });

  it('refused intents error with CallIntentError naming the reason, synchronously', () => {
    const { frame$, run } = setUp();
    expect(run('accept', 'nope').log).toEqual(['error:unknown-invitation']);
    frame$.next(inv);
    expect(run('decline').log).toEqual(['declined', '|']);
    expect(run('accept').log).toEqual(['error:already-declined']);
  });

  it('is cold: nothing is sent until subscribed, and each subscription is one intent', () => {
    const { frame$, hub } = setUp();
    frame$.next(inv);
    const seen: string[] = [];
    hub.step$.subscribe((step) => seen.push(step.state.status));
    const accept$ = callCommand(hub, 'accept', DIALOG, () => 0);
    expect(seen).toEqual(['invited']); // only the replayed current step: creating the command sent nothing
    accept$.subscribe();
    expect(seen).toEqual(['invited', 'accepting']);
    let second = '';
    accept$.subscribe({ error: (error: unknown) => (second = error instanceof CallIntentError ? error.reason : 'error') });
    expect(second).toBe('already-accepted');
  });

  it('errors with unknown-invitation when the client ends before the intent is applied', () => {
    const frame$ = new Subject<InboundFrame>();
    const hub = createCallCoreHub({ frame$, resume$: NEVER, sessionError$: NEVER }, { publish: () => NEVER, callScreen: () => NEVER }, { scheduler: new VirtualTimeScheduler() });
    frame$.complete();
    let reason = '';
    callCommand(hub, 'accept', DIALOG, () => 0).subscribe({ error: (error: unknown) => (reason = error instanceof CallIntentError ? error.reason : 'error') });
    expect(reason).toBe('unknown-invitation');
  });

  it('invitationId takes an invitation or an id', () => {
    expect(invitationId('x')).toBe('x');
  });
});
