/** callCommand: cold accept / decline / offer over the core's shared steps. */
import { NEVER, throwError } from 'rxjs';
import type { CallInvitation } from '../../lib/dialog/types';
import { callCommand } from '../../lib/core/command';
import { CallIntentError } from '../../lib/errors';
import { dialog, snapshot } from '../dialog/helpers';
import { runtime } from './runtime';

const FAR = 10 ** 13;
const ID = 'call-1';
const invited = snapshot([dialog({ dialogId: ID, expiresAt: FAR, ts: 1 })]);
const accepted = snapshot([dialog({ dialogId: ID, expiresAt: FAR, sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]);
const cancelled = snapshot([dialog({ dialogId: ID, expiresAt: FAR, sessionState: 'CLOSED', notificationKey: 'cancel_invitation', ts: 2 })]);

describe('callCommand', () => {
  it('accept: emits the states from the intent on until the server says ACCEPTED, then completes and lets go of the core', () => {
    const r = runtime();
    const held = r.hold();
    r.frame(invited);
    const accept = r.command('accept', ID);
    expect(accept.outcome).toEqual(['accepting', 'joining']);
    r.frame(accepted);
    expect(accept.outcome).toEqual(['accepting', 'joining', 'active', '|']);
    expect(accept.subscription.closed).toBe(true);
    held.unsubscribe();
    expect(r.log.at(-1)).toBe('screen:close'); // nothing else held the run
  });

  it('decline: emits declined and completes at once', () => {
    const r = runtime();
    r.hold();
    r.frame(invited);
    expect(r.command('decline', ID).outcome).toEqual(['declined', '|']);
  });

  it('offer: waits until offered (here the publish never completes, so it keeps waiting)', () => {
    const r = runtime({ autoOffer: false, publish: () => NEVER });
    r.hold();
    r.frame(invited);
    const offer = r.command('offer', ID);
    expect(offer.outcome).toEqual(['invited']);
    offer.subscription.unsubscribe();
  });

  it('a command that starts the core is applied: its intent is not lost while the core starts', () => {
    const r = runtime(); // nothing else subscribed
    expect(r.command('decline', ID).outcome).toEqual(['error:unknown-invitation']);
  });

  it('refused intents error with CallIntentError naming the reason, synchronously', () => {
    const r = runtime();
    r.hold();
    expect(r.command('accept', 'nope').outcome).toEqual(['error:unknown-invitation']);
    r.frame(invited);
    expect(r.command('decline', ID).outcome).toEqual(['declined', '|']);
    expect(r.command('accept', ID).outcome).toEqual(['error:already-declined']);
  });

  it('a call that fails before it is on errors the accept with call-failed and the cause', () => {
    const r = runtime({ callScreen: () => throwError(() => new Error('no document')) });
    r.hold();
    r.frame(invited);
    let error: unknown;
    callCommand(r.calls.step$, (input) => r.lpTag.next(input), 'accept', ID).subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toBeInstanceOf(CallIntentError);
    expect(error).toMatchObject({ reason: 'call-failed', detail: 'no call screen: no document', message: 'cannot accept call-1: call-failed (no call screen: no document)' });
  });

  it('an invitation cancelled while the accept waits errors it with invitation-closed', () => {
    const r = runtime();
    r.hold();
    r.frame(invited);
    const accept = r.command('accept', ID);
    r.frame(cancelled);
    expect(accept.outcome).toEqual(['accepting', 'joining', 'error:invitation-closed']);
  });

  it('is cold: nothing is sent until subscribed, and each subscription is one intent', () => {
    const r = runtime();
    const statuses: string[] = [];
    r.calls.session$.subscribe((state) => statuses.push(state.status));
    r.frame(invited);
    const accept$ = callCommand(r.calls.step$, (input) => r.lpTag.next(input), 'accept', ID);
    expect(statuses).toEqual(['idle', 'invited', 'offered']); // creating the command sent nothing
    accept$.subscribe();
    expect(statuses).toEqual(['idle', 'invited', 'offered', 'accepting', 'joining']);
    let second = '';
    accept$.subscribe({ error: (error: unknown) => (second = error instanceof CallIntentError ? error.reason : 'error') });
    expect(second).toBe('already-accepted');
  });

  it('errors with client-ended when the frames end while it waits, or before it got in', () => {
    const r = runtime();
    r.hold();
    r.frame(invited);
    const accept = r.command('accept', ID);
    r.frames.complete();
    expect(accept.outcome).toEqual(['accepting', 'joining', 'error:client-ended']);
    const done = runtime();
    done.frames.complete();
    expect(done.command('accept', ID).outcome).toEqual(['error:client-ended']);
  });

  it('takes an invitation as well as an id', () => {
    const r = runtime();
    r.hold();
    const shown: CallInvitation[] = [];
    r.calls.invitation$.subscribe((invitation) => shown.push(invitation));
    r.frame(invited);
    const [invitation] = shown;
    if (invitation === undefined) throw new Error('no invitation');
    const outcome: string[] = [];
    callCommand(r.calls.step$, (input) => r.lpTag.next(input), 'decline', invitation).subscribe({ next: (s) => outcome.push(s.status), complete: () => outcome.push('|') });
    expect(outcome).toEqual(['declined', '|']);
  });
});
