/** The call core's step: LivePerson's call app resuming a call (after a reload, or moved to this page). */
import { CALL, drive } from './driver';

describe('callStep: resume', () => {
  it('a resume at start-up (replayed) restores the call: screen, sliderOpened; the dialog is adopted when it shows up', () => {
    const core = drive();
    expect(core.resume(true)).toMatchObject({ events: ['resume'], publishes: ['sliderOpened'], state: 'active:?:×1', screen: true });
    expect(core.steps.at(-1)?.resumed).toEqual({ replayed: true, data: undefined });
    expect(core.frame([CALL.accepted])).toMatchObject({ events: ['dialog:accepted:call-1', 'accepted:call-1'], state: 'active:call-1:×1' });
    // The resume stays the call's while it is on (resume$ replays it to a late subscriber)…
    expect(core.steps.at(-1)?.resumed).toEqual({ replayed: true, data: undefined });
    expect(core.frame([CALL.hungUp])).toMatchObject({ events: ['dialog:closed:call-1:hangup', 'closed:call-1:hangup'], state: 'ended:call-1:hangup', screen: false });
    // …and goes with it.
    expect(core.steps.at(-1)?.resumed).toBeUndefined();
  });

  it('adopts the newest open call the server says ACCEPTED, and tells accepted$ at once', () => {
    const core = drive();
    core.frame([{ ...CALL.accepted, dialogId: 'old' }], { conversationId: 'c1' });
    core.frame([{ ...CALL.accepted, dialogId: 'new' }], { conversationId: 'c2' });
    expect(core.resume(true)).toMatchObject({ events: ['resume', 'accepted:new'], state: 'active:new:×1' });
  });

  it('adopts no invitation, no co-browse dialog and no call that closed', () => {
    const invited = drive();
    invited.frame([{ dialogId: 'i', ts: 1 }], { conversationId: 'c1' });
    invited.frame([{ dialogId: 'cb', mode: 'shared', sessionState: 'ACCEPTED', ts: 1 }], { conversationId: 'c2' });
    invited.frame([{ dialogId: 'gone', sessionState: 'ACCEPTED', ts: 1 }], { conversationId: 'c3' });
    invited.frame([{ dialogId: 'gone', sessionState: 'CLOSED', ts: 2 }], { conversationId: 'c3' });
    expect(invited.resume()?.state).toBe('active:?:×1');
  });

  it('a replayed resume only matters at start-up; a live one while the call is on counts (and asks for sliderOpened again)', () => {
    const core = drive();
    core.frame([CALL.invited]);
    expect(core.resume(true)).toMatchObject({ events: ['resume'], publishes: [], state: 'invited:call-1' });
    core.intent('accept');
    core.frame([CALL.accepted]);
    expect(core.resume()).toMatchObject({ events: ['resume'], publishes: ['sliderOpened'], state: 'active:call-1:×1', screen: true });
  });

  it('a live resume while accepting or joining: the call app has the call, it is on (the accept is done)', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.intent('accept');
    core.published('cobrowseAccepted');
    expect(core.resume()).toMatchObject({ events: ['resume', 'command:1:done'], publishes: ['sliderOpened'], state: 'active:call-1:×1' });
    expect(core.frame([CALL.accepted])).toMatchObject({ events: ['dialog:accepted:call-1', 'accepted:call-1'] }); // the server confirms it
  });

  it('a live resume over an invitation shown: the invitation ends (answered elsewhere), the resumed call takes its place', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.intent('offer');
    expect(core.resume()).toMatchObject({
      events: ['resume', 'closed:call-1:answered-elsewhere', 'command:1:invitation-closed'],
      publishes: ['sliderOpened'],
      state: 'active:?:×1',
    });
  });

  it('a call answered elsewhere and then moved here by a live resume is adopted, and ends on its CLOSED', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.frame([CALL.accepted]); // answered in another tab
    expect(core.resume()).toMatchObject({ events: ['resume', 'accepted:call-1'], publishes: ['sliderOpened'], state: 'active:call-1:×1', screen: true });
    expect(core.frame([CALL.joined])?.state).toBe('active:call-1:×1');
    expect(core.frame([CALL.hungUp])).toMatchObject({ events: ['dialog:closed:call-1:hangup', 'closed:call-1:hangup'], state: 'ended:call-1:hangup', screen: false });
  });

  it('a resumed call whose dialog is not known fails on error$ when its screen cannot be created', () => {
    const core = drive();
    core.resume(true);
    expect(core.outcome({ type: 'call-screen-failed', message: 'no document' })).toMatchObject({ events: ['error:CALL_SCREEN_FAILED'], state: 'failed:?:call-screen-failed', screen: false });
  });
});
