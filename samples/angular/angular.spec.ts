import { createTestCallClient } from 'lp-call-streams/testing';
import { CallIntentError, type CallInvitation } from 'lp-call-streams';
import { CallService } from './call.service';

describe('CallService (Angular style)', () => {
  it('shows the invitation, accepts it, and clears it once answered', () => {
    const t = fakeClient();
    const service = new CallService(t.client);
    const invitations: (CallInvitation | undefined)[] = [];
    const statuses: string[] = [];
    service.invitation$.subscribe((i) => invitations.push(i));
    service.session$.subscribe((s) => statuses.push(s.status));
    t.advance(10);
    t.sendCall('INVITED');
    expect(invitations.map((i) => i?.dialogId)).toEqual([undefined, 'call-1']);

    const accepted: string[] = [];
    service.accept('call-1').subscribe({ next: (s) => accepted.push(s.status), complete: () => accepted.push('|') });
    t.advance(0);
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' }); // LivePerson's call app joined
    expect(accepted).toEqual(['accepting', 'joining', 'active', '|']);
    expect(invitations.map((i) => i?.dialogId)).toEqual([undefined, 'call-1', undefined]);
    expect(statuses).toEqual(['idle', 'invited', 'offered', 'accepting', 'joining', 'active']);
    expect(t.lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    service.ngOnDestroy();
  });

  it('a refused command errors with CallIntentError and the service streams live on', () => {
    const t = fakeClient();
    const service = new CallService(t.client);
    const statuses: string[] = [];
    service.session$.subscribe((s) => statuses.push(s.status));
    t.advance(10);
    let error: unknown;
    service.decline('no-such-call').subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toBeInstanceOf(CallIntentError);
    t.sendCall('INVITED');
    expect(statuses.at(-1)).toBe('offered');
    service.ngOnDestroy();
  });

  it('ngOnDestroy completes every stream and tears the client down (socket 1000, no listeners, no timers)', () => {
    const t = fakeClient();
    const service = new CallService(t.client);
    const completed: string[] = [];
    service.session$.subscribe({ complete: () => completed.push('session$') });
    service.invitation$.subscribe({ complete: () => completed.push('invitation$') });
    service.error$.subscribe({ complete: () => completed.push('error$') });
    t.advance(10);
    t.sendCall('INVITED');
    const bindingsWhileLive = t.lpTag.bindingCount();
    service.ngOnDestroy();
    expect(completed.sort()).toEqual(['error$', 'invitation$', 'session$']);
    expect(bindingsWhileLive).toBeGreaterThan(0);
    expect(t.lpTag.bindingCount()).toBe(0);
    expect(t.sockets.latest().closedByClient?.code).toBe(1000);
    t.advance(0);
    expect(t.scheduler.actions).toHaveLength(0);
  });
});

/** A client over the test kit's fakes, in virtual time advanced by hand (no DOM container). */
function fakeClient() {
  return createTestCallClient({ visitor: { name: 'Jane' } });
}
