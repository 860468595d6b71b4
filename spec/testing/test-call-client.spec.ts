import type { CallInvitation } from '../../lib/dialog/types';
import { createTestCallClient } from '../../lib/testing';

describe('createTestCallClient (test kit)', () => {
  it('runs the documented example: connect, invite, accept, in hand-driven virtual time', () => {
    const t = createTestCallClient();
    const invitations: CallInvitation[] = [];
    const subscription = t.client.invitation$.subscribe((i) => invitations.push(i));
    t.advance(10);
    expect(t.sockets.latest().requests('InitConnection')).toHaveLength(1);
    t.sendCall('INVITED', { mode: 'VOICE_CALL' });
    expect(invitations.map((i) => i.kind)).toEqual(['voice']);
    const invitation = invitations[0];
    if (invitation === undefined) throw new Error('no invitation');
    const states: string[] = [];
    t.client.accept(invitation).subscribe({ next: (s) => states.push(s.status), complete: () => states.push('|') });
    t.advance(0);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    t.sendCall('ACCEPTED', { mode: 'VOICE_CALL', notificationKey: 'accepted' }); // LivePerson's call app joined
    expect(states).toEqual(['accepting', 'joining', 'active', '|']);
    subscription.unsubscribe();
    t.advance(0);
    expect(t.scheduler.actions).toHaveLength(0);
    expect(t.lpTag.bindingCount()).toBe(0);
  });

  it('each sendCall is a newer snapshot, so a close after an invite is news', () => {
    const t = createTestCallClient();
    const reasons: string[] = [];
    const subscription = t.client.closed$.subscribe((c) => reasons.push(c.reason));
    t.advance(10);
    t.sendCall('INVITED');
    t.sendCall('CLOSED', { state: 'CLOSE', notificationKey: 'cancel_invitation' });
    expect(reasons).toEqual(['cancelled']);
    subscription.unsubscribe();
  });
});
