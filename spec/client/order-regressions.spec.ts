/**
 * Regressions of issue #10: outcomes that depended on the order in which a host subscribed, or on
 * commands issued synchronously inside a handler. Each was seen failing before the call core.
 */
import { Observable, type Subscription } from 'rxjs';
import type { CallState, ClosedCall } from '../../lib/core/types';
import type { CallInvitation, DialogEvent } from '../../lib/dialog/types';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';
import { createTestCallClient, type TestCallClient } from '../../lib/testing/test-call-client';

/** A test client whose call screen records its lifetime. */
function client(options: Parameters<typeof createTestCallClient>[0] = {}) {
  const screen: string[] = [];
  const t = createTestCallClient({
    callScreen: () =>
      new Observable<never>(() => {
        screen.push('open');
        return () => screen.push('close');
      }),
    ...options,
  });
  const published = () => t.lpTag.publishes().map((p) => p.eventName);
  return { t, screen, published };
}

const statusesOf = (t: TestCallClient) => {
  const statuses: string[] = [];
  const subscription = t.client.session$.subscribe((s) => statuses.push(s.status));
  return { statuses, subscription };
};

describe('subscription order (issue #10 regressions)', () => {
  it('accept() synchronously inside an invitation$ handler succeeds although session$ was never subscribed', () => {
    const { t, published } = client();
    const outcome: string[] = [];
    const subscription = t.client.invitation$.subscribe((invitation) => {
      // eslint-disable-next-line rxjs-x/no-nested-subscribe -- the very pattern brands write (auto-answer rules)
      t.client.accept(invitation).subscribe({ next: (s) => outcome.push(s.status), error: (e: unknown) => outcome.push(`error:${String(e)}`), complete: () => outcome.push('|') });
    });
    t.advance(10);
    t.sendCall('INVITED');
    t.advance(0);
    expect(outcome).toEqual(['accepting', 'joining']); // cobrowseAccepted published: the call app joins
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' });
    expect(outcome).toEqual(['accepting', 'joining', 'active', '|']);
    expect(published()).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    subscription.unsubscribe();
  });

  it('a sessionResume that fired before load is handled by the session when resume$ is subscribed first', () => {
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', { reason: 'reload' });
    const { t, screen, published } = client({ fakeLpTag: lpTag });
    const resumes: unknown[] = [];
    const subscription = t.client.resume$.subscribe((r) => resumes.push(r));
    t.advance(10);
    expect(resumes).toHaveLength(1);
    expect(screen).toEqual(['open']);
    expect(published()).toEqual(['sliderOpened']);
    const { statuses, subscription: s2 } = statusesOf(t);
    expect(statuses).toEqual(['active']);
    s2.unsubscribe();
    subscription.unsubscribe();
  });

  it('a later resume$ subscriber still sees the pre-load resume while its call is on', () => {
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', { reason: 'reload' });
    const { t } = client({ fakeLpTag: lpTag });
    const subscription = t.client.session$.subscribe();
    t.advance(10);
    const late: unknown[] = [];
    subscription.add(t.client.resume$.subscribe((r) => late.push(r)));
    expect(late).toEqual([{ replayed: true, data: { reason: 'reload' } }]);
    subscription.unsubscribe();
  });

  it('autoOffer: false — an invitation closed before offer() does not block the next invitation', () => {
    const { t, published } = client({ autoOffer: false });
    const subscription = t.client.session$.subscribe();
    t.advance(10);
    t.sendCall('INVITED', { dialogId: 'call-1' });
    t.sendCall('CLOSED', { dialogId: 'call-1', state: 'CLOSE', notificationKey: 'cancel_invitation' });
    t.sendCall('INVITED', { dialogId: 'call-2' });
    const offer: string[] = [];
    t.client.offer('call-2').subscribe({ next: (s) => offer.push(s.status), complete: () => offer.push('|') });
    t.advance(0);
    expect(offer).toEqual(['invited', 'offered', '|']); // invited { offering: true }, then offered
    const accept: string[] = [];
    t.client.accept('call-2').subscribe({ next: (s) => accept.push(s.status), complete: () => accept.push('|') });
    t.advance(0);
    t.sendCall('ACCEPTED', { dialogId: 'call-2', notificationKey: 'accepted' });
    expect(accept).toEqual(['accepting', 'joining', 'active', '|']);
    expect(published()).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    subscription.unsubscribe();
  });

  it('autoOffer: false — accept() without offer() publishes cobrowseOffered, then cobrowseAccepted, and goes active', () => {
    const { t, published } = client({ autoOffer: false });
    const subscription = t.client.session$.subscribe();
    t.advance(10);
    t.sendCall('INVITED');
    const accept: string[] = [];
    t.client.accept('call-1').subscribe({ next: (s) => accept.push(s.status), complete: () => accept.push('|') });
    t.advance(0);
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' });
    expect(accept).toEqual(['accepting', 'joining', 'active', '|']);
    expect(published()).toEqual(['cobrowseOffered', 'cobrowseAccepted']);
    subscription.unsubscribe();
  });

  it('a second subscriber of subscribeConversations() with the same filter gets the current listing', () => {
    const { t } = client();
    const first = t.client.connection.subscribeConversations().subscribe();
    t.advance(10);
    t.sendCall('INVITED');
    const late: string[][] = [];
    first.add(t.client.connection.subscribeConversations().subscribe((n) => late.push(n.body.changes.map((c) => c.result.convId))));
    t.advance(0);
    expect(late).toEqual([['conv-1']]);
    first.unsubscribe();
  });

  it('an invitation answered on another device ends here as answered-elsewhere: no container, no accept publish; a later CLOSED changes nothing', () => {
    const { t, screen, published } = client();
    const closed: ClosedCall[] = [];
    const { statuses, subscription } = statusesOf(t);
    subscription.add(t.client.closed$.subscribe((c) => closed.push(c)));
    t.advance(10);
    t.sendCall('INVITED');
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' });
    t.sendCall('ACCEPTED', { notificationKey: 'joined' });
    t.sendCall('CLOSED', { state: 'CLOSE' });
    expect(closed.map((c) => c.reason)).toEqual(['answered-elsewhere']);
    expect(statuses).toEqual(['idle', 'invited', 'offered', 'ended']);
    expect(screen).toEqual([]);
    expect(published()).toEqual(['cobrowseOffered']);
    subscription.unsubscribe();
  });

  it('a page reloaded into a call answered here still resumes it', () => {
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume');
    const { t, screen, published } = client({ fakeLpTag: lpTag });
    const closed: ClosedCall[] = [];
    const { statuses, subscription } = statusesOf(t);
    subscription.add(t.client.closed$.subscribe((c) => closed.push(c)));
    t.advance(10);
    t.sendCall('ACCEPTED', { notificationKey: 'joined' });
    t.sendCall('CLOSED', { state: 'CLOSE' });
    // active { dialog: undefined } after the resume, then active with the dialog adopted, then ended
    expect(statuses.join()).toMatch(/^(idle,)?active,active,ended$/);
    expect(closed.map((c) => c.reason)).toEqual(['hangup']);
    expect(screen).toEqual(['open', 'close']);
    expect(published()).toEqual(['sliderOpened']);
    subscription.unsubscribe();
  });

  it('session$ emits active once per call (ACCEPTED and joined are not state changes)', () => {
    const { t } = client();
    const states: CallState[] = [];
    const subscription = t.client.session$.subscribe((s) => states.push(s));
    t.advance(10);
    t.sendCall('INVITED');
    t.client.accept('call-1').subscribe();
    t.advance(0);
    t.sendCall('ACCEPTED', { notificationKey: 'accepted' });
    t.sendCall('ACCEPTED', { notificationKey: 'joined' });
    t.sendCall('CLOSED', { state: 'CLOSE' });
    expect(states.map((s) => s.status)).toEqual(['idle', 'invited', 'offered', 'accepting', 'joining', 'active', 'ended']);
    subscription.unsubscribe();
  });

  it('dialog$ is an event stream: a late subscriber gets no stale event (like invitation$)', () => {
    const { t } = client();
    const subscription: Subscription = t.client.session$.subscribe();
    const early: DialogEvent[] = [];
    subscription.add(t.client.dialog$.subscribe((e) => early.push(e)));
    t.advance(10);
    t.sendCall('INVITED');
    const late: DialogEvent[] = [];
    const lateInvitations: CallInvitation[] = [];
    subscription.add(t.client.dialog$.subscribe((e) => late.push(e)));
    subscription.add(t.client.invitation$.subscribe((i) => lateInvitations.push(i)));
    expect(early.map((e) => e.type)).toEqual(['invited']);
    expect(late).toEqual([]);
    expect(lateInvitations).toEqual([]);
    subscription.unsubscribe();
  });
});
