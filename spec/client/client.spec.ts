import { firstValueFrom } from 'rxjs';
import { CallIntentError } from '../../lib/errors';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';
import { createHarness, DIALOG } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('createCallClient over the fake socket and the fake lpTag', () => {
  it('does no I/O until subscribed', () => {
    const h = createHarness();
    h.advance(60_000);
    expect(h.fake.sockets).toHaveLength(0);
    expect(h.lpTag.bindingCount()).toBe(1); // only the call app's own listener
  });

  it('invite → offered → accept → container with indicator → accepted → ACCEPTED → hang-up → container removed → closed hangup', () => {
    const h = createHarness({ container: { loadingText: 'Connecting your call…' } });
    const subscription = h.subscribeAll();
    h.advance(10);
    const init = h.fake.latest().requests('InitConnection')[0];
    expect(JSON.stringify(init?.headers)).toContain('CO_BROWSE');

    h.snapshot('INVITED');
    expect(h.seen.invitations.map((i) => [i.dialogId, i.kind, i.isCall])).toEqual([[DIALOG, 'video', true]]);
    expect(h.heard).toEqual(['cobrowseOffered']);
    const offered = h.lpTag.publishes()[0];
    expect(offered?.data).toMatchObject({ serviceId: expect.any(String), visitorName: 'Jane', mode: 'VIDEO_CALL', ssid: 'sid-1', svid: 'vid-1' });

    const invitation = h.seen.invitations[0];
    if (invitation === undefined) throw new Error('no invitation');
    const accepted: string[] = [];
    h.client.accept(invitation).subscribe({ next: (s) => accepted.push(s.status), complete: () => accepted.push('|') });
    h.advance(0);
    expect(accepted).toEqual(['accepting', 'joining']); // published: LivePerson's call app joins
    expect(h.containers()).toHaveLength(1);
    expect(h.containers()[0]?.textContent).toBe('Connecting your call…');
    expect(h.heard).toEqual(['cobrowseOffered', 'cobrowseAccepted +screen']);

    h.snapshot('ACCEPTED');
    expect(accepted).toEqual(['accepting', 'joining', 'active', '|']); // the server said ACCEPTED
    h.snapshot('ACCEPTED'); // LivePerson sends it again for "joined"
    expect(h.seen.accepted).toHaveLength(1);
    expect(h.containers()).toHaveLength(1);

    h.snapshot('CLOSED', { state: 'CLOSE' });
    expect(h.containers()).toHaveLength(0);
    expect(h.seen.closed.map((c) => c.reason)).toEqual(['hangup']);
    expect(h.statuses().at(-1)).toBe('ended');

    subscription.unsubscribe();
    expect(h.lpTag.bindingCount()).toBe(1);
    expect(h.fake.latest().closedByClient?.code).toBe(1000);
    h.advance(0); // the fake socket delivers its close event
    expect(h.scheduler.actions).toHaveLength(0);
  });

  it('decline publishes cobrowseDeclined and closes the dialog as declined', async () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);
    h.snapshot('INVITED');
    const states = firstValueFrom(h.client.decline(DIALOG));
    h.advance(0);
    expect((await states).status).toBe('declined');
    expect(h.heard).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    expect(h.seen.closed.map((c) => c.reason)).toEqual(['declined']);
    expect(h.containers()).toHaveLength(0);
    subscription.unsubscribe();
  });

  it('cancel by the agent closes the invitation as cancelled', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);
    h.snapshot('INVITED');
    h.snapshot('CLOSED', { state: 'CLOSE' });
    expect(h.seen.closed.map((c) => c.reason)).toEqual(['cancelled']);
    expect(h.statuses().at(-1)).toBe('ended');
    subscription.unsubscribe();
  });

  it('an unanswered invitation expires in virtual time; accepting it afterwards fails with CallIntentError', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);
    h.snapshot('INVITED', { expiresInMs: 120_000 });
    h.advance(119_000);
    expect(h.seen.closed).toHaveLength(0);
    h.advance(2_000);
    expect(h.seen.closed.map((c) => c.reason)).toEqual(['expired']);
    expect(h.statuses().at(-1)).toBe('expired');
    let error: unknown;
    h.client.accept(DIALOG).subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toBeInstanceOf(CallIntentError);
    expect((error as CallIntentError).reason).toBe('invitation-expired');
    subscription.unsubscribe();
  });

  it('accepting an unknown invitation fails fast, without publishing', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);
    let error: unknown;
    h.client.accept('nope').subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toBeInstanceOf(CallIntentError);
    expect(h.lpTag.publishes()).toHaveLength(0);
    subscription.unsubscribe();
  });

  it.each(['UNABLE_TO_CONNECT', 'BROWSER_NOT_SUPPORTED', 'NO_CAMERA_ACCESS', 'AGENT_DISCONNECTED', 'SOMETHING_NEW'])(
    'sessionError %s reaches error$ as a typed value and fails the active call',
    (id) => {
      const h = createHarness();
      const subscription = h.subscribeAll();
      h.advance(10);
      h.snapshot('INVITED');
      h.client.accept(DIALOG).subscribe();
      h.advance(0);
      h.lpTag.fire('cobrowse', 'sessionError', { id, msg: `<b>${id}</b>` });
      h.advance(0);
      expect(h.seen.errors).toEqual([{ id, message: `<b>${id}</b>` }]);
      expect(h.statuses().at(-1)).toBe('failed');
      expect(h.containers()).toHaveLength(0);
      subscription.unsubscribe();
    },
  );

  it('resume in a fresh client after a reload: sessionResume already fired → container + sliderOpened', () => {
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume');
    const h = createHarness({}, lpTag);
    const subscription = h.subscribeAll();
    h.advance(10);
    expect(h.statuses()).toEqual(['active']); // session$ replays the latest state to a late subscriber
    expect(h.containers()).toHaveLength(1);
    expect(h.heard).toEqual(['sliderOpened +screen']);
    subscription.unsubscribe();
    expect(h.containers()).toHaveLength(0);
  });

  it('an empty visitor name is a PublishError naming the field, and lpTag.events.publish is never called', () => {
    const h = createHarness({ visitor: { name: () => '' } }); // a static '' is a ConfigError at creation (config-errors.spec)
    const subscription = h.subscribeAll();
    h.advance(10);
    h.snapshot('INVITED');
    expect(h.lpTag.publishes()).toHaveLength(0);
    const last = h.seen.states.at(-1);
    expect(last?.status).toBe('failed');
    if (last?.status !== 'failed') throw new Error('not failed');
    expect(last.failure).toMatchObject({ type: 'publish-failed', field: 'visitorName' });
    subscription.unsubscribe();
  });

  it('autoOffer: false waits for offer() before publishing cobrowseOffered', () => {
    const h = createHarness({ autoOffer: false });
    const subscription = h.subscribeAll();
    h.advance(10);
    h.snapshot('INVITED');
    expect(h.heard).toEqual([]);
    h.client.offer(DIALOG).subscribe();
    h.advance(0);
    expect(h.heard).toEqual(['cobrowseOffered']);
    expect(h.statuses().at(-1)).toBe('offered');
    subscription.unsubscribe();
  });

  it('after the last unsubscribe: 0 extra lpTag bindings, nothing scheduled, socket closed 1000', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(35_000); // past a keep-alive
    expect(h.lpTag.bindingCount()).toBe(3); // call app + sessionError + sessionResume
    subscription.unsubscribe();
    expect(h.lpTag.bindingCount()).toBe(1);
    expect(h.fake.latest().closedByClient?.code).toBe(1000);
    h.advance(0); // the fake socket delivers its close event
    expect(h.scheduler.actions).toHaveLength(0);
    h.advance(120_000);
    expect(h.fake.sockets).toHaveLength(1);
  });

  it('a malformed frame is a diagnostic and the streams live on', () => {
    const h = createHarness();
    const subscription = h.subscribeAll();
    h.advance(10);
    h.fake.latest().receive({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: { changes: 'nope' } });
    h.advance(0);
    expect(h.seen.diagnostics.map((d) => d.source === 'connection' && d.diagnostic.type)).toContain('decode-error');
    h.snapshot('INVITED');
    expect(h.seen.invitations).toHaveLength(1);
    subscription.unsubscribe();
  });
});
