import { createCallCore, type CallCore, type CoreInput, type CoreStep } from '../../lib/session';
import { DIALOG } from '../dialog/helpers';
import { CALL, eventLabels, frame, intent } from './core-inputs';

const { invited, accepted, joined, hungUp } = CALL;
const liveResume: CoreInput = { type: 'resume', resume: { replayed: false, data: undefined } };

/** The dialog a live resume makes the session adopt (`undefined`: none). */
function adoptedByResume(core: CallCore): unknown {
  const state = core.apply(liveResume, 0)?.state;
  if (state?.status !== 'active') throw new Error(`a live resume should make the session active, got ${state?.status ?? 'no step'}`);
  return state.dialog;
}

/** The step's events as `type:dialogId[:reason]` / `intent:reason`. */
const events = (step: CoreStep | undefined): string[] => eventLabels(step, true);

describe('call core: the open accepted calls a resume adopts', () => {
  it('an invitation is not an accepted call: a live resume over it adopts no dialog', () => {
    const core = createCallCore();
    core.apply(frame(invited), 0);
    expect(adoptedByResume(core)).toBeUndefined();
  });

  it('an accepted co-browse dialog (mode shared) is no call: a resume does not adopt it', () => {
    const core = createCallCore();
    core.apply(frame({ ...accepted, mode: 'shared' }), 0);
    expect(adoptedByResume(core)).toBeUndefined();
  });

  it('an invitation update (expiry moved) does not make the invitation an accepted call', () => {
    const core = createCallCore();
    core.apply(frame({ ...invited, expiresAt: 100_000 }), 0);
    expect(events(core.apply(frame({ expiresAt: 160_000, ts: 2 }), 0))).toEqual([`updated:${DIALOG}`]);
    expect(adoptedByResume(core)).toBeUndefined();
  });

  it('an ACCEPTED update counts: a resume adopts the latest accepted snapshot of the call', () => {
    const core = createCallCore();
    core.apply(frame(accepted), 0);
    expect(events(core.apply(frame(joined), 0))).toEqual([`updated:${DIALOG}`]);
    expect(adoptedByResume(core)).toMatchObject({ dialogId: DIALOG, sessionState: 'ACCEPTED', notificationKey: 'joined' });
  });

  it('an update of an open call that is not ACCEPTED keeps the call: a resume adopts its last ACCEPTED snapshot', () => {
    const core = createCallCore();
    core.apply(frame(accepted), 0);
    expect(events(core.apply(frame({ sessionState: null, ts: 3 }), 0))).toEqual([`updated:${DIALOG}`]);
    expect(adoptedByResume(core)).toMatchObject({ dialogId: DIALOG, sessionState: 'ACCEPTED', notificationKey: 'accepted' });
  });

  it('a call that closed is forgotten: a later live resume adopts no dialog', () => {
    const core = createCallCore();
    core.apply(frame(accepted), 0);
    expect(events(core.apply(frame(hungUp), 0))).toEqual([`closed:${DIALOG}:hangup`]);
    expect(adoptedByResume(core)).toBeUndefined();
  });

  it('a call answered elsewhere is closed: a later live resume adopts no dialog', () => {
    const core = createCallCore();
    core.apply(frame(invited), 0);
    expect(events(core.apply(frame(accepted), 0))).toEqual([`closed:${DIALOG}:answered-elsewhere`]);
    expect(adoptedByResume(core)).toBeUndefined();
  });
});

describe('call core: after an invitation was answered elsewhere', () => {
  it('events of other dialogs still pass, and close nothing', () => {
    const core = createCallCore();
    core.apply(frame(invited), 0);
    core.apply(frame(accepted), 0);
    expect(core.current().state).toMatchObject({ status: 'ended', reason: 'answered-elsewhere' });
    const step = core.apply(frame(accepted, { ...joined, dialogId: 'd2' }), 0);
    expect(events(step)).toEqual(['accepted:d2']);
    expect(step?.state).toBe(core.current().state);
    expect(core.current().state).toMatchObject({ status: 'ended', reason: 'answered-elsewhere', dialog: { dialogId: DIALOG } });
  });
});

describe('call core: a decline closes only the invitation the consumer declined', () => {
  it('after our decline, a refused decline of a co-browse invitation closes nothing', () => {
    const core = createCallCore();
    core.apply(frame(invited, { dialogId: 'c1', mode: 'shared', ts: 1 }), 0);
    expect(events(core.apply(intent('decline'), 0))).toEqual([`closed:${DIALOG}:declined`, 'intent:ok']);
    expect(events(core.apply(intent('decline', 'c1'), 0))).toEqual(['intent:unknown-invitation']);
  });
});
