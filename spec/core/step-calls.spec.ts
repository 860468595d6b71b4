/** The call core's step: accepting, joining, the call on, answered elsewhere, failures. */
import { CALL, drive } from './driver';

const invitedAndOffered = (options: Parameters<typeof drive>[0] = {}) => {
  const core = drive(options);
  core.frame([CALL.invited]);
  core.published('cobrowseOffered');
  return core;
};

describe('callStep: a call', () => {
  it('accept → accepting (screen, cobrowseAccepted) → joining (published) → active only when the server says ACCEPTED', () => {
    const core = invitedAndOffered();
    expect(core.intent('accept')).toMatchObject({ events: ['command:1:applied'], publishes: ['cobrowseAccepted:call-1'], state: 'accepting:call-1', screen: true });
    expect(core.published('cobrowseAccepted')).toMatchObject({ events: [], state: 'joining:call-1', screen: true });
    expect(core.frame([CALL.accepted])).toMatchObject({ events: ['dialog:accepted:call-1', 'accepted:call-1', 'command:1:done'], state: 'active:call-1:×0', screen: true });
    expect(core.frame([CALL.joined])).toMatchObject({ events: ['dialog:updated:call-1'], state: 'active:call-1:×0' });
    expect(core.frame([CALL.hungUp])).toMatchObject({ events: ['dialog:closed:call-1:hangup', 'closed:call-1:hangup'], state: 'ended:call-1:hangup', screen: false });
  });

  it('ACCEPTED before the publish outcome makes the call active at once', () => {
    const core = invitedAndOffered();
    core.intent('accept');
    expect(core.frame([CALL.accepted])).toMatchObject({ state: 'active:call-1:×0' });
    expect(core.published('cobrowseAccepted')).toBeUndefined();
  });

  it('autoOffer: false — an accept without offer() publishes cobrowseOffered, then cobrowseAccepted', () => {
    const core = drive({ autoOffer: false });
    core.frame([CALL.invited]);
    expect(core.intent('accept')).toMatchObject({ publishes: ['cobrowseOffered:call-1', 'cobrowseAccepted:call-1'] });
  });

  it('the server closing the invitation while joining ends the call, and the accept fails with the reason', () => {
    const core = invitedAndOffered();
    core.intent('accept');
    core.published('cobrowseAccepted');
    expect(core.frame([{ ts: 2, sessionState: 'CLOSED', notificationKey: 'cancel_invitation' }])).toMatchObject({
      events: ['dialog:closed:call-1:cancelled', 'closed:call-1:cancelled', 'command:1:invitation-closed'],
      state: 'ended:call-1:cancelled',
      screen: false,
    });
  });

  it('an invitation expiring while joining (the call app never joined) ends as expired; the accept fails', () => {
    const core = drive();
    core.frame([{ ...CALL.invited, expiresAt: 5000 }]);
    core.intent('accept');
    core.published('cobrowseAccepted');
    expect(core.at(5000).tick()).toMatchObject({ events: ['dialog:closed:call-1:expired', 'closed:call-1:expired', 'command:1:invitation-expired'], state: 'expired:call-1' });
  });
});

describe('callStep: answered elsewhere', () => {
  it('an ACCEPTED for an invitation this page never accepted ends it: closed$ answered-elsewhere, no screen, no publish', () => {
    const core = invitedAndOffered();
    expect(core.frame([CALL.accepted])).toMatchObject({
      events: ['dialog:accepted:call-1', 'closed:call-1:answered-elsewhere'],
      publishes: [],
      state: 'ended:call-1:answered-elsewhere',
      screen: false,
    });
    expect(core.intent('accept')).toMatchObject({ events: ['command:1:invitation-closed'] });
    // dialog$ goes on telling the server's truth; the call view said its last.
    expect(core.frame([CALL.hungUp])).toMatchObject({ events: ['dialog:closed:call-1:hangup'], state: 'ended:call-1:answered-elsewhere' });
  });
});

describe('callStep: failures end the call on closed$ and fail its command', () => {
  it('a refused cobrowseAccepted fails the accept', () => {
    const core = invitedAndOffered();
    core.intent('accept');
    const failed = core.outcome({ type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'call-1', field: 'visitorName', message: 'visitorName is empty' });
    expect(failed).toMatchObject({ events: ['closed:call-1:failed', 'command:1:call-failed'], state: 'failed:call-1:publish-failed', screen: false });
    expect(failed?.step.events[0]).toMatchObject({ call: { reason: 'failed', failure: { type: 'publish-failed', event: 'cobrowseAccepted', field: 'visitorName' } } });
    expect(failed?.step.events[1]).toMatchObject({ result: { detail: 'cobrowseAccepted not published: visitorName is empty' } });
  });

  it('a refused cobrowseOffered fails the invitation (and an accept that had to offer first)', () => {
    const core = drive({ autoOffer: false });
    core.frame([CALL.invited]);
    core.intent('accept');
    expect(core.outcome({ type: 'publish-failed', event: 'cobrowseOffered', dialogId: 'call-1', field: 'ssid', message: 'no ssid' })).toMatchObject({
      events: ['closed:call-1:failed', 'command:1:call-failed'],
      state: 'failed:call-1:publish-failed',
    });
  });

  it('outcomes of another dialog, or of publishes that decide nothing, change nothing', () => {
    const core = invitedAndOffered();
    expect(core.outcome({ type: 'publish-failed', event: 'cobrowseOffered', dialogId: 'other', field: undefined, message: 'x' })).toBeUndefined();
    expect(core.outcome({ type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'call-1', field: undefined, message: 'x' })).toBeUndefined();
    expect(core.outcome({ type: 'publish-failed', event: 'sliderOpened', dialogId: undefined, field: undefined, message: 'x' })).toBeUndefined();
    expect(core.published('cobrowseAccepted')).toBeUndefined();
    expect(core.outcome({ type: 'call-screen-failed', message: 'x' })).toBeUndefined();
  });

  it('no call screen fails the call while it holds the screen', () => {
    const core = invitedAndOffered();
    core.intent('accept');
    expect(core.outcome({ type: 'call-screen-failed', message: 'no document' })).toMatchObject({
      events: ['closed:call-1:failed', 'command:1:call-failed'],
      state: 'failed:call-1:call-screen-failed',
      screen: false,
    });
  });

  it('a sessionError fails the call: error$, then closed$ with the cause; terminal states are left alone', () => {
    const core = invitedAndOffered();
    core.intent('accept');
    core.frame([CALL.accepted]);
    const failed = core.sessionError();
    expect(failed).toMatchObject({ events: ['error:NO_CAMERA_ACCESS', 'closed:call-1:failed'], state: 'failed:call-1:session-error', screen: false });
    expect(failed?.step.events[1]).toMatchObject({ call: { failure: { type: 'session-error', id: 'NO_CAMERA_ACCESS', message: 'No camera' } } });
    expect(core.sessionError()).toMatchObject({ events: ['error:NO_CAMERA_ACCESS'], state: 'failed:call-1:session-error' });
  });

  it('a sessionError with no call shown is error$ only (the session fails without a dialog)', () => {
    const core = drive();
    expect(core.sessionError()).toMatchObject({ events: ['error:NO_CAMERA_ACCESS'], state: 'failed:?:session-error' });
  });

  it('a failed call frees the session for the invitation that waited', () => {
    const core = invitedAndOffered();
    core.frame([{ dialogId: 'b', ts: 1 }], { conversationId: 'c2' });
    expect(core.sessionError()).toMatchObject({ events: ['error:NO_CAMERA_ACCESS', 'closed:call-1:failed', 'invitation:b'], state: 'invited:b' });
  });
});
