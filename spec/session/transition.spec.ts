import { initialCallState, transition, type CallState, type SessionEvent } from '../../lib/session';
import { acceptedCall, dialog, ev, invitation } from './fixtures';

const run = (events: readonly SessionEvent[], from: CallState = initialCallState): CallState => events.reduce((state, event) => transition(state, event), from);

const invited: CallState = { status: 'invited', dialog: invitation(), offering: true };
const waiting: CallState = { status: 'invited', dialog: invitation(), offering: false };
const offered: CallState = { status: 'offered', dialog: invitation() };
const accepting: CallState = { status: 'accepting', dialog: invitation() };
const active: CallState = { status: 'active', dialog: acceptedCall(), resumes: 0 };
const resumedUnknown: CallState = { status: 'active', dialog: undefined, resumes: 1 };
const ended: CallState = { status: 'ended', dialog: dialog('d1', { sessionState: 'CLOSED' }), reason: 'hangup' };

describe('transition: the happy path', () => {
  it('idle → invited → offered → accepting → active → ended', () => {
    expect(transition(initialCallState, ev.invited())).toEqual(invited);
    expect(transition(invited, ev.published('cobrowseOffered'))).toEqual(offered);
    expect(transition(offered, ev.accept())).toEqual(accepting);
    expect(transition(accepting, ev.published('cobrowseAccepted'))).toEqual({ status: 'active', dialog: invitation(), resumes: 0 });
    expect(transition(active, ev.closed('d1', 'hangup'))).toEqual(ended);
  });

  it('the dialog turning ACCEPTED while accepting makes the call active (before the publish outcome)', () => {
    expect(transition(accepting, ev.accepted())).toEqual(active);
    expect(transition(accepting, ev.updated('d1', 'ACCEPTED'))).toEqual({ status: 'active', dialog: dialog('d1', { sessionState: 'ACCEPTED' }), resumes: 0 });
  });

  it('an ACCEPTED for an invitation this client never accepted ends it as answered-elsewhere', () => {
    for (const from of [invited, waiting, offered]) {
      expect(transition(from, ev.accepted())).toEqual({ status: 'ended', dialog: acceptedCall(), reason: 'answered-elsewhere' });
    }
    const answered = transition(offered, ev.accepted());
    expect(transition(answered, ev.closed('d1', 'hangup'))).toBe(answered);
    expect(transition(answered, ev.invited('d1'))).toBe(answered);
  });

  it('an update of the pending invitation keeps the status and takes the news; the same news changes nothing', () => {
    const moved = invitation('d1', { expiresAt: 200_000, metaDataLastUpdateTs: 5 });
    const update: SessionEvent = { type: 'dialog', event: { type: 'updated', dialog: moved } };
    expect(transition(offered, update)).toEqual({ status: 'offered', dialog: moved });
    expect(transition(waiting, update)).toEqual({ ...waiting, dialog: moved });
    expect(transition(offered, ev.updated('d1', 'INVITED'))).toBe(offered);
    expect(transition(offered, ev.updated('d1', 'SOMETHING'))).toBe(offered);
  });

  it('later snapshots of the active call are not state changes (same reference)', () => {
    const joined = { ...acceptedCall(), notificationKey: 'joined' };
    expect(transition(active, { type: 'dialog', event: { type: 'updated', dialog: joined } })).toBe(active);
    expect(transition(active, ev.accepted())).toBe(active);
  });
});

describe('transition: the offer gate (autoOffer)', () => {
  it('with autoOffer (default) an invitation is offered at once; without, it waits for an offer intent', () => {
    expect(transition(initialCallState, ev.invited())).toEqual(invited);
    expect(transition(initialCallState, ev.invited(), { autoOffer: false })).toEqual(waiting);
    expect(transition(waiting, ev.offer())).toEqual(invited);
  });

  it('an offer of an invitation already offered or being offered changes nothing', () => {
    expect(transition(invited, ev.offer())).toBe(invited);
    expect(transition(offered, ev.offer())).toBe(offered);
    expect(transition(offered, ev.offer('other'))).toBe(offered);
  });

  it('accept and decline work without an offer', () => {
    expect(transition(waiting, ev.accept())).toEqual(accepting);
    expect(transition(waiting, ev.decline())).toEqual({ status: 'declined', dialog: invitation(), by: 'consumer' });
  });

  it('a failed offer fails an accept that had to offer first', () => {
    expect(transition(accepting, ev.publishFailed('cobrowseOffered'))).toMatchObject({ status: 'failed', failure: { event: 'cobrowseOffered' } });
  });
});

describe('transition: ways an invitation ends', () => {
  it('decline by the consumer from invited or offered', () => {
    expect(transition(invited, ev.decline())).toEqual({ status: 'declined', dialog: invitation(), by: 'consumer' });
    expect(transition(offered, ev.decline())).toEqual({ status: 'declined', dialog: invitation(), by: 'consumer' });
  });

  it('closed as expired → expired; as declined → declined by the dialog; cancelled → ended', () => {
    const closedDialog = dialog('d1', { sessionState: 'CLOSED' });
    expect(transition(offered, ev.closed('d1', 'expired'))).toEqual({ status: 'expired', dialog: closedDialog });
    expect(transition(offered, ev.closed('d1', 'declined'))).toEqual({ status: 'declined', dialog: closedDialog, by: 'dialog' });
    expect(transition(invited, ev.closed('d1', 'cancelled'))).toEqual({ status: 'ended', dialog: closedDialog, reason: 'cancelled' });
    expect(transition(accepting, ev.closed('d1', 'conversation-closed'))).toEqual({ status: 'ended', dialog: closedDialog, reason: 'conversation-closed' });
  });

  it('the close of our own decline leaves the session declined by the consumer', () => {
    const declined = transition(offered, ev.decline());
    expect(transition(declined, ev.closed('d1', 'declined'))).toBe(declined);
  });

  it('a failed offer or accept publish fails the session, naming the field', () => {
    expect(transition(invited, ev.publishFailed('cobrowseOffered'))).toEqual({
      status: 'failed',
      dialog: invitation(),
      failure: { type: 'publish-failed', event: 'cobrowseOffered', field: 'visitorName', message: 'lpCoBrowse/cobrowseOffered not published: visitorName is empty' },
    });
    expect(transition(accepting, ev.publishFailed('cobrowseAccepted'))).toMatchObject({ status: 'failed', failure: { event: 'cobrowseAccepted' } });
  });

  it('ignores publish outcomes that do not match the state or the dialog', () => {
    expect(transition(offered, ev.published('cobrowseOffered'))).toBe(offered);
    expect(transition(accepting, ev.published('cobrowseOffered'))).toBe(accepting);
    expect(transition(invited, ev.published('cobrowseOffered', 'other'))).toBe(invited);
    expect(transition(invited, ev.published('cobrowseOffered', null))).toBe(invited);
    expect(transition(active, ev.publishFailed('sliderOpened', null))).toBe(active);
    expect(transition(active, ev.publishFailed('cobrowseAccepted'))).toBe(active);
    expect(transition(invited, ev.publishFailed('cobrowseOffered', 'other'))).toBe(invited);
  });

  it('only the cobrowseOffered outcome moves invited to offered', () => {
    expect(transition(waiting, ev.published('cobrowseAccepted'))).toBe(waiting);
    expect(transition(invited, ev.published('cobrowseDeclined'))).toBe(invited);
  });

  it('a pending invitation fails only with its offer; accepting fails only with its accept', () => {
    expect(transition(offered, ev.publishFailed('cobrowseAccepted'))).toBe(offered);
    expect(transition(invited, ev.publishFailed('cobrowseDeclined'))).toBe(invited);
    expect(transition(accepting, ev.publishFailed('cobrowseDeclined'))).toBe(accepting);
  });
});

describe('transition: sessionError', () => {
  it('fails any running session with the error id and message', () => {
    for (const from of [invited, offered, accepting, active]) {
      expect(transition(from, ev.sessionError('NO_CAMERA_ACCESS', 'Camera blocked'))).toEqual({
        status: 'failed',
        dialog: from.dialog,
        failure: { type: 'session-error', id: 'NO_CAMERA_ACCESS', message: 'Camera blocked' },
      });
    }
  });

  it('fails an idle session without a dialog, and leaves terminal states alone', () => {
    expect(transition(initialCallState, ev.sessionError('AGENT_DISCONNECTED', 'x'))).toEqual({
      status: 'failed',
      dialog: undefined,
      failure: { type: 'session-error', id: 'AGENT_DISCONNECTED', message: 'x' },
    });
    expect(transition(ended, ev.sessionError())).toBe(ended);
  });

  it('leaves every terminal state alone: declined, expired, failed', () => {
    const terminal: CallState[] = [
      { status: 'declined', dialog: invitation(), by: 'dialog' },
      { status: 'expired', dialog: invitation() },
      { status: 'failed', dialog: invitation(), failure: { type: 'call-screen-failed', message: 'no parent' } },
    ];
    for (const from of terminal) expect(transition(from, ev.sessionError())).toBe(from);
  });
});

describe('transition: resume', () => {
  it('a resume with no known dialog makes the session active (after a reload)', () => {
    expect(transition(initialCallState, ev.resume(true))).toEqual(resumedUnknown);
    expect(transition(initialCallState, ev.resume(false))).toEqual(resumedUnknown);
  });

  it('a resume adopts the open accepted call the core knows of', () => {
    expect(transition(initialCallState, ev.resume(true, acceptedCall('d9')))).toEqual({ status: 'active', dialog: acceptedCall('d9'), resumes: 1 });
    expect(transition(resumedUnknown, ev.resume(false, acceptedCall('d9')))).toEqual({ status: 'active', dialog: acceptedCall('d9'), resumes: 2 });
    expect(transition(active, ev.resume(false, acceptedCall('d9')))).toEqual({ ...active, resumes: 1 });
  });

  it('adopts the dialog when it shows up, and ends with it', () => {
    const adopted = run([ev.resume(true), ev.accepted('d9')]);
    expect(adopted).toEqual({ status: 'active', dialog: acceptedCall('d9'), resumes: 1 });
    expect(transition(adopted, ev.closed('d9', 'hangup'))).toEqual({ status: 'ended', dialog: dialog('d9', { sessionState: 'CLOSED' }), reason: 'hangup' });
    expect(transition(adopted, ev.closed('other'))).toBe(adopted);
  });

  it('ends a resumed call whose dialog is unknown when a call dialog closes', () => {
    expect(transition(resumedUnknown, ev.closed('d7', 'hangup'))).toEqual({ status: 'ended', dialog: dialog('d7', { sessionState: 'CLOSED' }), reason: 'hangup' });
  });

  it('counts resumes while active and turns accepting into active', () => {
    expect(transition(active, ev.resume())).toEqual({ ...active, resumes: 1 });
    expect(transition(accepting, ev.resume())).toEqual({ status: 'active', dialog: invitation(), resumes: 1 });
  });

  it('a live resume wins over a pending or finished session; a replayed one does not', () => {
    expect(transition(offered, ev.resume(false))).toEqual(resumedUnknown);
    expect(transition(ended, ev.resume(false))).toEqual(resumedUnknown);
    expect(transition(offered, ev.resume(true))).toBe(offered);
    expect(transition(ended, ev.resume(true))).toBe(ended);
  });
});

describe('transition: several dialogs over time', () => {
  it('a new invitation after an ended call starts over', () => {
    expect(transition(ended, ev.invited('d2'))).toEqual({ status: 'invited', dialog: invitation('d2'), offering: true });
  });

  it('a new invitation after a declined, expired or failed session starts over too: every terminal state does', () => {
    const terminal: CallState[] = [
      { status: 'declined', dialog: invitation(), by: 'consumer' },
      { status: 'expired', dialog: invitation() },
      { status: 'failed', dialog: invitation(), failure: { type: 'call-screen-failed', message: 'no parent' } },
    ];
    for (const from of terminal) expect(transition(from, ev.invited('d2'))).toEqual({ status: 'invited', dialog: invitation('d2'), offering: true });
  });

  it('ignores the same dialog invited again after it ended', () => {
    expect(transition(ended, ev.invited('d1'))).toBe(ended);
  });

  it('one session at a time: other dialogs are ignored while a session runs', () => {
    for (const from of [invited, offered, accepting, active]) {
      expect(transition(from, ev.invited('d2'))).toBe(from);
      expect(transition(from, ev.accepted('d2'))).toBe(from);
      expect(transition(from, ev.closed('d2'))).toBe(from);
    }
  });

  it('ignores dialogs that are not calls (co-browse)', () => {
    expect(transition(initialCallState, ev.invited('c1', { kind: 'shared', isCall: false, mode: 'shared' }))).toBe(initialCallState);
  });

  it('ignores dialog events that do not apply to idle or terminal states', () => {
    expect(transition(initialCallState, ev.accepted())).toBe(initialCallState);
    expect(transition(initialCallState, ev.closed())).toBe(initialCallState);
    expect(transition(ended, ev.accepted())).toBe(ended);
  });
});

describe('transition: refused intents change nothing', () => {
  it('an intent for an unknown invitation returns the same state', () => {
    expect(transition(initialCallState, ev.accept('nope'))).toBe(initialCallState);
    expect(transition(offered, ev.decline('nope'))).toBe(offered);
    expect(transition(offered, ev.offer('nope'))).toBe(offered);
  });

  it('accept of an expired invitation is refused', () => {
    const expired = transition(offered, ev.closed('d1', 'expired'));
    expect(transition(expired, ev.accept('d1'))).toBe(expired);
    expect(transition(offered, ev.accept('d1', 120_000))).toBe(offered);
    expect(transition(offered, ev.accept('d1', 119_999))).toEqual(accepting);
  });
});

describe('transition: call screen failure', () => {
  it('fails a session holding the screen, and is ignored otherwise', () => {
    expect(transition(accepting, ev.screenFailed())).toEqual({
      status: 'failed',
      dialog: invitation(),
      failure: { type: 'call-screen-failed', message: 'no parent' },
    });
    expect(transition(active, ev.screenFailed())).toEqual({
      status: 'failed',
      dialog: acceptedCall(),
      failure: { type: 'call-screen-failed', message: 'no parent' },
    });
    expect(transition(offered, ev.screenFailed())).toBe(offered);
  });
});
