import { createCallCore, type CoreStep } from '../../lib/session';
import { DIALOG } from '../dialog/helpers';
import { CALL, eventLabels, frame, intent } from './core-inputs';

const invited = frame(CALL.invited);
const accepted = frame(CALL.accepted);
const joined = frame(CALL.joined);
const closed = frame(CALL.hungUp);
const summary = (step: CoreStep | undefined) => (step === undefined ? undefined : { status: step.state.status, events: eventLabels(step) });

describe('createCallCore', () => {
  it('starts idle at seq 0 and numbers the steps that change something', () => {
    const core = createCallCore();
    expect(core.current()).toEqual({ seq: 0, state: { status: 'idle' }, events: [], resumed: undefined });
    expect(core.apply(invited, 0)?.seq).toBe(1);
    expect(core.apply(invited, 0)).toBeUndefined(); // the same snapshot again: nothing changed, nothing happened
    expect(core.apply({ type: 'outcome', outcome: { type: 'published', event: 'cobrowseOffered', dialogId: DIALOG } }, 0)?.seq).toBe(2);
  });

  it('an accept is applied and reported in the same step; the call then goes active once', () => {
    const core = createCallCore();
    core.apply(invited, 0);
    expect(summary(core.apply(intent('accept'), 0))).toEqual({ status: 'accepting', events: ['intent:ok'] });
    expect(summary(core.apply(accepted, 0))).toEqual({ status: 'active', events: ['accepted'] });
    const active = core.current().state;
    expect(summary(core.apply(joined, 0))).toEqual({ status: 'active', events: ['updated'] });
    expect(core.current().state).toBe(active);
    expect(summary(core.apply(closed, 0))).toEqual({ status: 'ended', events: ['closed:hangup'] });
  });

  it('a decline closes the dialog as declined in the same step; the server close adds nothing', () => {
    const core = createCallCore();
    core.apply(invited, 0);
    expect(summary(core.apply(intent('decline'), 0))).toEqual({ status: 'declined', events: ['closed:declined', 'intent:ok'] });
    expect(core.apply(closed, 0)).toBeUndefined();
  });

  it('answered elsewhere: the ACCEPTED becomes the close, nothing later is news', () => {
    const core = createCallCore();
    core.apply(invited, 0);
    expect(summary(core.apply(accepted, 0))).toEqual({ status: 'ended', events: ['closed:answered-elsewhere'] });
    expect(core.apply(joined, 0)).toBeUndefined();
    expect(core.apply(closed, 0)).toBeUndefined();
  });

  it('a refused intent is reported and changes nothing', () => {
    const core = createCallCore();
    expect(summary(core.apply(intent('accept'), 0))).toEqual({ status: 'idle', events: ['intent:unknown-invitation'] });
    expect(core.current().state).toEqual({ status: 'idle' });
  });

  it('autoOffer: false — the offer intent starts offering', () => {
    const core = createCallCore({ autoOffer: false });
    core.apply(invited, 0);
    expect(core.current().state).toMatchObject({ status: 'invited', offering: false });
    core.apply(intent('offer'), 0);
    expect(core.current().state).toMatchObject({ status: 'invited', offering: true });
  });

  it('a resume adopts the open accepted call and is kept as `resumed` while that call is on', () => {
    const core = createCallCore();
    core.apply(joined, 0); // first seen accepted (a reload): not ours, not elsewhere — just known
    expect(core.current().state).toEqual({ status: 'idle' });
    const resume = { replayed: true, data: { x: 1 } };
    const step = core.apply({ type: 'resume', resume }, 0);
    expect(step?.state).toMatchObject({ status: 'active', resumes: 1, dialog: { dialogId: DIALOG } });
    expect(step?.resumed).toBe(resume);
    expect(summary(step)).toEqual({ status: 'active', events: ['resume'] });
    expect(core.apply({ type: 'session-error', error: { id: 'X', message: 'm' } }, 0)?.resumed).toBeUndefined();
  });

  it('ticks expire due invitations; nextExpiry says when', () => {
    const core = createCallCore();
    core.apply(frame({ expiresAt: 5000, ts: 1 }), 0);
    expect(core.nextExpiry()).toBe(5000);
    expect(core.apply({ type: 'tick' }, 4999)).toBeUndefined();
    expect(summary(core.apply({ type: 'tick' }, 5000))).toEqual({ status: 'expired', events: ['closed:expired'] });
    expect(core.nextExpiry()).toBeUndefined();
  });
});
