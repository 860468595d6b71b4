/** The call core's step: invitations, offers, one call at a time, expiry. */
import { CALL, drive } from './driver';

describe('callStep: invitations', () => {
  it('shows a call invitation: dialog$ and invitation$, offered at once with autoOffer (the default)', () => {
    const core = drive();
    expect(core.frame([CALL.invited])).toEqual(
      expect.objectContaining({ events: ['dialog:invited:call-1', 'invitation:call-1'], publishes: ['cobrowseOffered:call-1'], state: 'invited:call-1', screen: false }),
    );
    expect(core.published('cobrowseOffered')).toMatchObject({ events: [], publishes: [], state: 'offered:call-1' });
  });

  it('a re-sent snapshot is no step; an update of the invitation shown keeps the status and takes the news', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.published('cobrowseOffered');
    expect(core.frame([CALL.invited])).toBeUndefined();
    const moved = core.frame([{ ts: 2, expiresAt: 50_000_000 }]);
    expect(moved).toMatchObject({ events: ['dialog:updated:call-1'], state: 'offered:call-1' });
    expect(moved?.step.session).toMatchObject({ dialog: { expiresAt: 50_000_000, sessionState: 'INVITED' } });
  });

  it('autoOffer: false — the invitation waits for offer(); the offer command is done once published', () => {
    const core = drive({ autoOffer: false });
    expect(core.frame([CALL.invited])).toMatchObject({ publishes: [], state: 'invited:call-1:waiting' });
    expect(core.intent('offer')).toMatchObject({ events: ['command:1:applied'], publishes: ['cobrowseOffered:call-1'], state: 'invited:call-1' });
    expect(core.intent('offer')).toMatchObject({ events: ['command:2:applied'], publishes: [] }); // already being offered: waits too
    expect(core.published('cobrowseOffered')).toMatchObject({ events: ['command:1:done', 'command:2:done'], state: 'offered:call-1' });
    expect(core.intent('offer')).toMatchObject({ events: ['command:3:applied', 'command:3:done'], publishes: [] });
  });

  it('co-browse invitations are dialog$ only: not shown, not offered, no session', () => {
    const core = drive();
    expect(core.frame([{ mode: 'shared' }])).toMatchObject({ events: ['dialog:invited:call-1'], publishes: [], state: 'idle' });
    expect(core.intent('accept')).toMatchObject({ events: ['command:1:unknown-invitation'] });
  });

  it('an invitation arriving while a call is shown waits: it is shown when that call ends, the oldest first', () => {
    const core = drive();
    core.frame([{ dialogId: 'a', ts: 1 }], { conversationId: 'c1' });
    expect(core.frame([{ dialogId: 'b', ts: 1 }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:invited:b'], publishes: [], state: 'invited:a' });
    core.frame([{ dialogId: 'c', ts: 1 }], { conversationId: 'c3' });
    expect(core.intent('accept', 'b')).toMatchObject({ events: ['command:1:busy'] });
    expect(core.frame([{ dialogId: 'a', ts: 2, sessionState: 'CLOSED', notificationKey: 'cancel_invitation' }], { conversationId: 'c1' })).toMatchObject({
      events: ['dialog:closed:a:cancelled', 'closed:a:cancelled', 'invitation:b'],
      publishes: ['cobrowseOffered:b'],
      state: 'invited:b',
    });
    expect(core.intent('decline', 'b')).toMatchObject({
      events: ['command:2:applied', 'closed:b:declined', 'command:2:done', 'invitation:c'],
      publishes: ['cobrowseDeclined:b', 'cobrowseOffered:c'],
      state: 'invited:c',
    });
  });

  it('a waiting invitation that closes, or is answered elsewhere, before its turn is never shown', () => {
    const core = drive();
    core.frame([{ dialogId: 'a', ts: 1 }], { conversationId: 'c1' });
    core.frame([{ dialogId: 'b', ts: 1 }], { conversationId: 'c2' });
    core.frame([{ dialogId: 'c', ts: 1 }], { conversationId: 'c3' });
    expect(core.frame([{ dialogId: 'b', ts: 2, sessionState: 'CLOSED' }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:closed:b:cancelled'] });
    expect(core.frame([{ dialogId: 'c', ts: 2, sessionState: 'ACCEPTED' }], { conversationId: 'c3' })).toMatchObject({ events: ['dialog:accepted:c'] });
    expect(core.intent('decline', 'a')).toMatchObject({ events: ['command:1:applied', 'closed:a:declined', 'command:1:done'], state: 'declined:a' });
  });

  it('a waiting invitation is shown with the news that came while it waited', () => {
    const core = drive();
    core.frame([{ dialogId: 'a', ts: 1 }], { conversationId: 'c1' });
    core.frame([{ dialogId: 'b', ts: 1 }], { conversationId: 'c2' });
    core.frame([{ dialogId: 'b', ts: 2, expiresAt: 50_000_000 }], { conversationId: 'c2' });
    const shown = core.intent('decline', 'a');
    expect(shown?.step.events.find((e) => e.type === 'invitation')).toMatchObject({ invitation: { dialogId: 'b', expiresAt: 50_000_000 } });
  });

  it('expires an invitation at its expiresAt: dialog$ and closed$ say expired, a later accept is refused', () => {
    const core = drive();
    core.frame([{ ...CALL.invited, expiresAt: 1000 }]);
    expect(core.at(999).tick()).toBeUndefined();
    expect(core.at(1000).tick()).toMatchObject({ events: ['dialog:closed:call-1:expired', 'closed:call-1:expired'], state: 'expired:call-1' });
    expect(core.intent('accept')).toMatchObject({ events: ['command:1:invitation-expired'] });
  });

  it('an accept at the expiry is refused: every input first closes what is due', () => {
    const core = drive();
    core.frame([{ ...CALL.invited, expiresAt: 1000 }]);
    expect(core.at(1000).intent('accept')).toMatchObject({ events: ['dialog:closed:call-1:expired', 'closed:call-1:expired', 'command:1:invitation-expired'] });
  });

  it('a cancel ends the invitation as cancelled; a closed conversation as conversation-closed', () => {
    const cancelled = drive();
    cancelled.frame([CALL.invited]);
    expect(cancelled.frame([{ ts: 2, sessionState: 'CLOSED', notificationKey: 'cancel_invitation' }])?.state).toBe('ended:call-1:cancelled');
    const closed = drive();
    closed.frame([CALL.invited]);
    expect(closed.frame([{ ts: 2 }], { stage: 'CLOSE' })).toMatchObject({ events: ['dialog:closed:call-1:conversation-closed', 'closed:call-1:conversation-closed'] });
  });

  it('a new invitation after a call ended starts over', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.frame([{ ts: 2, sessionState: 'CLOSED' }]);
    expect(core.frame([{ dialogId: 'call-2', ts: 3 }], { conversationId: 'c2' })).toMatchObject({ events: ['dialog:invited:call-2', 'invitation:call-2'], state: 'invited:call-2' });
  });
});

describe('callStep: commands', () => {
  it('refuses what does not apply, with a reason, and changes nothing', () => {
    const core = drive();
    expect(core.intent('accept', 'nope')).toMatchObject({ events: ['command:1:unknown-invitation'], publishes: [], state: 'idle' });
    core.frame([CALL.invited]);
    core.intent('decline');
    expect(core.intent('accept')).toMatchObject({ events: ['command:3:already-declined'] });
    expect(core.intent('decline')).toMatchObject({ events: ['command:4:already-declined'] });
    const other = drive();
    other.frame([CALL.invited]);
    other.intent('accept');
    expect(other.intent('accept')).toMatchObject({ events: ['command:2:already-accepted'] });
    expect(other.intent('decline')).toMatchObject({ events: ['command:3:already-accepted'] });
    const ended = drive();
    ended.frame([CALL.invited]);
    ended.frame([{ ts: 2, sessionState: 'CLOSED' }]);
    expect(ended.intent('accept')).toMatchObject({ events: ['command:1:invitation-closed'] });
  });

  it('decline: declined at once, cobrowseDeclined; the server closing it later says declined on dialog$, nothing on closed$', () => {
    const core = drive();
    core.frame([CALL.invited]);
    expect(core.intent('decline')).toMatchObject({ events: ['command:1:applied', 'closed:call-1:declined', 'command:1:done'], publishes: ['cobrowseDeclined:call-1'], state: 'declined:call-1' });
    expect(core.frame([{ ts: 2, sessionState: 'CLOSED' }])).toMatchObject({ events: ['dialog:closed:call-1:declined'], state: 'declined:call-1' });
  });

  it('the end of the frames fails the commands in flight with client-ended', () => {
    const core = drive();
    core.frame([CALL.invited]);
    core.intent('accept');
    expect(core.end()).toMatchObject({ events: ['command:1:client-ended'] });
    expect(core.end()).toBeUndefined();
  });
});
