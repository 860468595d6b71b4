/**
 * The call core's step: rules the mutation run of lib/core found untested — which call a server
 * change or an effect outcome belongs to, what a declined invitation's close says, resumes that
 * count, errors after the end.
 */
import { CALL, drive } from './driver';

const accepting = () => {
  const core = drive();
  core.frame([{ ...CALL.invited, dialogId: 'a' }], { conversationId: 'c1' });
  core.published('cobrowseOffered', 'a');
  core.intent('accept', 'a');
  return core;
};

describe('callStep: whose change it is', () => {
  it("an ACCEPTED of another call takes neither the call being accepted nor the call on: no accepted$ for it", () => {
    const core = accepting();
    expect(core.frame([{ ...CALL.accepted, dialogId: 'b' }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:accepted:b'], state: 'accepting:a' });
    core.frame([{ ...CALL.accepted, dialogId: 'a' }], { conversationId: 'c1' });
    expect(core.state()).toBe('active:a:×0');
    expect(core.frame([{ ...CALL.joined, dialogId: 'b' }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:updated:b'], state: 'active:a:×0' });
  });

  it('a resume adopts the call the server said ACCEPTED last, a joined update included', () => {
    const core = drive();
    core.frame([{ ...CALL.accepted, dialogId: 'x' }], { conversationId: 'c1' });
    core.frame([{ ...CALL.accepted, dialogId: 'y' }], { conversationId: 'c2' });
    core.frame([{ ...CALL.joined, dialogId: 'x' }], { conversationId: 'c1' });
    expect(core.resume(true)).toMatchObject({ events: ['resume', 'accepted:x'], state: 'active:x:×1' });
  });

  it('an outcome of another dialog, or of another publish, moves nothing', () => {
    const core = drive();
    core.frame([CALL.invited]);
    expect(core.published('cobrowseOffered', 'other')).toBeUndefined();
    expect(core.published('cobrowseAccepted')).toBeUndefined();
    core.published('cobrowseOffered');
    core.intent('accept');
    expect(core.state()).toBe('accepting:call-1');
    expect(core.published('cobrowseAccepted', 'other')).toBeUndefined();
    expect(core.published('cobrowseAccepted')).toMatchObject({ state: 'joining:call-1' });
    // A refused accept fails the accept only while it is being published.
    expect(core.outcome({ type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'call-1', field: undefined, message: 'late' })).toBeUndefined();
    expect(core.state()).toBe('joining:call-1');
  });

  it('an update of the invitation shown does not queue it to be shown again', () => {
    const core = drive();
    core.frame([CALL.invited]);
    expect(core.frame([{ ts: 2, expiresAt: 50_000_000 }])?.events).toEqual(['dialog:updated:call-1']);
    expect(core.intent('decline')).toMatchObject({ state: 'declined:call-1', publishes: ['cobrowseDeclined:call-1'] });
    expect(core.steps.flatMap((s) => s.events).filter((e) => e.type === 'invitation')).toHaveLength(1);
  });
});

describe('callStep: a declined invitation closing', () => {
  it('closed by the server as a cancel, or expired, dialog$ says declined', () => {
    const cancelled = drive();
    cancelled.frame([CALL.invited]);
    cancelled.intent('decline');
    expect(cancelled.frame([{ ts: 2, sessionState: 'CLOSED', notificationKey: 'cancel_invitation' }])?.events).toEqual(['dialog:closed:call-1:declined']);
    const expired = drive();
    expired.frame([{ ...CALL.invited, expiresAt: 5_000 }]);
    expired.intent('decline');
    expect(expired.at(5_000).tick()?.events).toEqual(['dialog:closed:call-1:declined']);
  });

  it('closed any other way (the conversation closed), dialog$ keeps the reason', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.intent('decline');
    expect(core.frame([{ ts: 2 }], { stage: 'CLOSE' })?.events).toEqual(['dialog:closed:call-1:conversation-closed']);
  });
});

describe('callStep: resumes and errors', () => {
  it('every live resume while the call is on counts', () => {
    const core = accepting();
    core.frame([{ ...CALL.accepted, dialogId: 'a' }], { conversationId: 'c1' });
    expect(core.resume()?.state).toBe('active:a:×1');
    expect(core.resume()?.state).toBe('active:a:×2');
  });

  it('a live resume while an invitation is offered ends that invitation as answered elsewhere', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.published('cobrowseOffered');
    expect(core.resume()).toMatchObject({ events: ['resume', 'closed:call-1:answered-elsewhere'], state: 'active:?:×1' });
  });

  it('a sessionError after the call ended is told on error$ and changes nothing else', () => {
    const core = accepting();
    core.frame([{ ...CALL.accepted, dialogId: 'a' }], { conversationId: 'c1' });
    core.frame([{ ...CALL.hungUp, dialogId: 'a' }], { conversationId: 'c1' });
    expect(core.sessionError()).toMatchObject({ events: ['error:NO_CAMERA_ACCESS'], state: 'ended:a:hangup' });
  });
});

describe('callStep: what the second mutation run of lib/core found untested', () => {
  it('a call resumed while it was being accepted is confirmed by its own ACCEPTED, not by another call', () => {
    const core = accepting();
    expect(core.resume()?.state).toBe('active:a:×1');
    expect(core.frame([{ ...CALL.accepted, dialogId: 'b' }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:accepted:b'], state: 'active:a:×1' });
    expect(core.frame([{ ...CALL.accepted, dialogId: 'a' }], { conversationId: 'c1' })?.events).toEqual(['dialog:accepted:a', 'accepted:a']);
  });

  it('a resume while a resumed call is on keeps its dialog, even one the server has not said ACCEPTED yet', () => {
    const core = accepting();
    core.resume();
    expect(core.resume()?.state).toBe('active:a:×2');
  });

  it('an update of the call on (joined) leaves the session as it is', () => {
    const core = accepting();
    core.frame([{ ...CALL.accepted, dialogId: 'a' }], { conversationId: 'c1' });
    const before = core.model.session;
    expect(core.frame([{ ...CALL.joined, dialogId: 'a' }], { conversationId: 'c1' })).toMatchObject({ events: ['dialog:updated:a'], state: 'active:a:×0' });
    expect(core.model.session).toBe(before);
  });

  it('an update of the invitation shown in a session state the library does not know moves nothing', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.published('cobrowseOffered');
    const before = core.model.session;
    expect(core.frame([{ ts: 2, sessionState: 'PAUSED', expiresAt: 50_000_000 }])).toMatchObject({ events: ['dialog:updated:call-1'], state: 'offered:call-1' });
    expect(core.model.session).toBe(before);
  });

  it('an accept that offers first: the offer going out does not count as the accept', () => {
    const core = drive({ autoOffer: false });
    core.frame([CALL.invited]);
    expect(core.intent('accept')?.publishes).toEqual(['cobrowseOffered:call-1', 'cobrowseAccepted:call-1']);
    expect(core.published('cobrowseOffered')).toBeUndefined();
    expect(core.state()).toBe('accepting:call-1');
    expect(core.published('cobrowseAccepted')?.state).toBe('joining:call-1');
  });

  it('a refused decline or sliderOpened does not fail the accept being published', () => {
    const core = accepting();
    for (const event of ['cobrowseDeclined', 'sliderOpened'] as const) {
      expect(core.outcome({ type: 'publish-failed', event, dialogId: 'a', field: undefined, message: 'refused' })).toBeUndefined();
    }
    expect(core.state()).toBe('accepting:a');
  });
});
