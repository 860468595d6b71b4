/**
 * The stand-in call app in jsdom, over a fake hub and a fake media engine: the accept/join sequence,
 * the media link, every sessionError it raises from a failure, the end of a call from either side,
 * the resume after a reload, and the validation of what the site publishes.
 */
import { ACTIVE_CALL_KEY, readActiveCall, writeActiveCall } from '../../lib/browser/call-store';
import { createFakeTimers, flushPromises, MEDIA, type FakeLink } from './fakes';
import { OFFER, RESUME_DELAY_MS, addContainer, installHarness, type StandInHarness } from './setup';

describe('stand-in call app', () => {
  let harness: StandInHarness | undefined;
  const start = (...args: Parameters<typeof installHarness>): StandInHarness => {
    harness = installHarness(...args);
    return harness;
  };

  beforeEach(() => {
    document.body.replaceChildren();
    sessionStorage.clear();
  });
  afterEach(() => {
    harness?.standIn.uninstall();
    harness = undefined;
  });

  /** Offered and accepted (video unless `mode`), with the hub's hello: media taken, joined. */
  const accepted = async (h: StandInHarness, mode: string = OFFER.mode): Promise<void> => {
    h.hub.hello();
    h.publish('cobrowseOffered', { ...OFFER, mode });
    h.publish('cobrowseAccepted', { ...OFFER, mode });
    await flushPromises();
  };

  /** The agent's offer on `linkId`: the link the app opened for it. */
  const offered = async (h: StandInHarness, linkId = 'link-1'): Promise<FakeLink> => {
    h.hub.deliver({ type: 'signal', serviceId: OFFER.serviceId, linkId, signal: { kind: 'offer', sdp: 'v=0 agent' } });
    await flushPromises();
    const link = h.engine.links.at(-1);
    if (link === undefined) throw new Error('no link');
    return link;
  };

  describe('accept: ACCEPTED comes from the call app, then the media', () => {
    it('tells the emulator it accepted, takes camera and microphone, keeps the loading text until then, joins and waits for the agent', async () => {
      const h = start();
      const container = addContainer();
      h.hub.hello();
      const capture = h.engine.holdCaptures();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      expect(h.sent('accept')).toEqual([{ serviceId: OFFER.serviceId }]);
      expect(h.engine.captures).toEqual([{ mode: 'VIDEO_CALL', synthetic: false }]);
      expect(container.textContent).toBe('Connecting…');
      expect(h.standIn.activeCall()).toEqual({ serviceId: OFFER.serviceId, mode: 'VIDEO_CALL', agentId: OFFER.agentId, startedAt: undefined });
      expect(readActiveCall(sessionStorage)).toEqual(h.standIn.activeCall());

      capture.release();
      await flushPromises();
      expect(h.screen()?.parentElement).toBe(container);
      expect(container.children).toHaveLength(1);
      expect(h.part('call-title')?.textContent).toBe('Video call with agent le123.456');
      expect(h.screen()?.dataset['status']).toBe('waiting');
      expect(h.part('local-video')?.dataset['shown']).toBe('local');
      expect(h.sent('join')).toEqual([{ serviceId: OFFER.serviceId, peerId: 'peer-1' }]);
      expect(h.logs).toEqual([]);
    });

    it('joins once the hub says hello when the media was ready first', async () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      await flushPromises();
      expect(h.sent('join')).toEqual([]);
      h.hub.hello('peer-9');
      await flushPromises();
      expect(h.sent('join')).toEqual([{ serviceId: OFFER.serviceId, peerId: 'peer-9' }]);
    });

    it('a voice call has no video, and a title without the mode repeated', async () => {
      const h = start();
      addContainer();
      await accepted(h, 'VOICE_CALL');
      expect(h.engine.captures).toEqual([{ mode: 'VOICE_CALL', synthetic: false }]);
      expect(h.part('call-title')?.textContent).toBe('Voice call with agent le123.456');
      expect(h.screen()?.querySelector('video')).toBeNull();
      expect(h.part('camera')).toBeNull();
    });

    it('completes a partial accept (no mode, visitorName null) from the remembered offer; a repeated accept changes nothing', async () => {
      const h = start();
      addContainer();
      h.hub.hello();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', { serviceId: OFFER.serviceId, agentId: OFFER.agentId, visitorName: null, ssid: 's', svid: 'v' });
      h.publish('cobrowseAccepted', OFFER);
      await flushPromises();
      expect(h.standIn.activeCall()?.mode).toBe('VIDEO_CALL');
      expect(h.sent('accept')).toHaveLength(1);
      expect(h.engine.captures).toHaveLength(1);
    });

    it('shows data as text, never as markup', async () => {
      const h = start();
      addContainer();
      const agentId = '<img src=x onerror=alert(1)>';
      h.hub.hello();
      h.publish('cobrowseOffered', { ...OFFER, agentId });
      h.publish('cobrowseAccepted', { ...OFFER, agentId });
      await flushPromises();
      expect(h.screen()?.querySelector('img')).toBeNull();
      expect(h.part('call-title')?.textContent).toContain(agentId);
    });

    it('logs when the container is missing, and renders into it on sliderOpened', async () => {
      const h = start();
      await accepted(h);
      expect(h.logs).toEqual([expect.stringMatching(/^Events : Error executing cobrowseAccepted eventId: evId_\d+=no \.lp_cobrowse_callscreen_container in the page LEVEL: ERROR$/)]);
      const container = addContainer();
      h.publish('sliderOpened');
      expect(h.screen()?.parentElement).toBe(container);
      expect(h.engine.captures).toHaveLength(1);
    });

    it('ends the call quietly when the emulator says the call is already over', async () => {
      const h = start();
      addContainer();
      h.hub.answer('join', { ok: false, status: 409, code: 'call-closed', error: 'ended' });
      await accepted(h);
      expect(h.standIn.activeCall()).toBeUndefined();
      expect(h.engine.lastMedia()?.stopped()).toBe(true);
      expect(h.errors).toEqual([]);
    });
  });

  describe('the media link', () => {
    it('answers the agent offer on its link; relays its signals with the link id; a new link replaces the old one', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      expect(link.options.role).toBe('consumer');
      expect(link.options.config).toEqual(MEDIA);
      expect(link.received).toEqual([{ kind: 'offer', sdp: 'v=0 agent' }]);
      expect(h.screen()?.dataset['status']).toBe('connecting');
      link.options.send({ kind: 'answer', sdp: 'v=0 visitor' });
      expect(h.sent('signal')).toEqual([{ serviceId: OFFER.serviceId, linkId: 'link-1', signal: { kind: 'answer', sdp: 'v=0 visitor' }, peerId: 'peer-1' }]);
      const candidate = { kind: 'candidate', candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } as const;
      h.hub.deliver({ type: 'signal', serviceId: OFFER.serviceId, linkId: 'link-1', signal: candidate });
      h.hub.deliver({ type: 'signal', serviceId: OFFER.serviceId, linkId: 'stale', signal: candidate });
      h.hub.deliver({ type: 'signal', serviceId: 'other#call', linkId: 'link-1', signal: candidate });
      expect(link.received).toEqual([{ kind: 'offer', sdp: 'v=0 agent' }, candidate]);

      const second = await offered(h, 'link-2');
      expect(link.closed()).toBe(true);
      expect(second.received).toHaveLength(1);
    });

    it('connected: the remote video shows, the timer starts and is stored (it survives a reload)', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      link.remote();
      link.state('connected');
      expect(h.part('remote-video')?.dataset['shown']).toBe('remote');
      expect(h.screen()?.dataset['status']).toBe('connected');
      expect(h.part('call-elapsed')?.textContent).toBe('0:00');
      expect(readActiveCall(sessionStorage)?.startedAt).toBe(h.timers.now());
      h.timers.advance(63_000);
      expect(h.part('call-elapsed')?.textContent).toBe('1:03');
    });

    it('mute and camera off: the tracks are disabled and the agent is told', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      await offered(h);
      h.part('mute')?.click();
      h.part('camera')?.click();
      expect(h.engine.lastMedia()?.enabled).toEqual({ audio: false, video: false });
      expect(h.part('mute')?.textContent).toBe('Unmute');
      expect(h.sent('signal').map((b) => b['signal'])).toEqual([
        { kind: 'media', audio: false, video: true },
        { kind: 'media', audio: false, video: false },
      ]);
      h.hub.deliver({ type: 'signal', serviceId: OFFER.serviceId, linkId: 'link-1', signal: { kind: 'media', audio: false, video: true } });
      expect(h.part('remote-media')?.textContent).toBe('The agent muted the microphone.');
    });
  });

  describe('sessionError from real failures (then the emulator is told and the call ends here)', () => {
    const expectFailed = (h: StandInHarness, id: string): void => {
      expect(h.errors).toEqual([{ id, msg: expect.any(String) }]);
      expect(h.sent('leave')).toEqual([{ serviceId: OFFER.serviceId, reason: id, peerId: 'peer-1' }]);
      expect(h.standIn.activeCall()).toBeUndefined();
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
      expect(h.screen()).toBeNull();
    };

    it('camera or microphone refused: NO_CAMERA_ACCESS with the browser error name, and no media is kept', async () => {
      const h = start();
      const container = addContainer();
      h.engine.captureWith(() => ({ ok: false, errorName: 'NotAllowedError', message: 'Permission denied' }));
      await accepted(h);
      expectFailed(h, 'NO_CAMERA_ACCESS');
      expect(h.errors).toEqual([{ id: 'NO_CAMERA_ACCESS', msg: 'The camera could not be accessed. (NotAllowedError)' }]);
      expect(container.textContent).toBe('Connecting…');
      expect(h.sent('join')).toEqual([]);
    });

    it('no RTCPeerConnection: BROWSER_NOT_SUPPORTED, without asking for the camera', async () => {
      const h = start();
      addContainer();
      h.engine.setSupported(false);
      await accepted(h);
      expectFailed(h, 'BROWSER_NOT_SUPPORTED');
      expect(h.engine.captures).toEqual([]);
    });

    it('ICE not connected in time (or failed) before ever connecting: UNABLE_TO_CONNECT', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      link.state('timeout');
      expectFailed(h, 'UNABLE_TO_CONNECT');
      expect(link.closed()).toBe(true);
      expect(h.engine.lastMedia()?.stopped()).toBe(true);
    });

    it('the connection fails after it was up: AGENT_DISCONNECTED', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      link.state('connected');
      link.state('disconnected');
      expect(h.screen()?.dataset['status']).toBe('interrupted');
      link.state('failed');
      expectFailed(h, 'AGENT_DISCONNECTED');
    });

    it("the agent's page goes away: AGENT_DISCONNECTED after agentGoneMs, unless the agent comes back first", async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      link.state('connected');
      h.hub.deliver({ type: 'peer-left', serviceId: OFFER.serviceId, role: 'agent' });
      expect(link.closed()).toBe(true);
      expect(h.screen()?.dataset['status']).toBe('agent-away');
      h.timers.advance(MEDIA.agentGoneMs - 1);
      h.hub.deliver({ type: 'peer-joined', serviceId: OFFER.serviceId, role: 'agent' });
      h.timers.advance(MEDIA.agentGoneMs * 2);
      expect(h.errors).toEqual([]);

      h.hub.deliver({ type: 'peer-left', serviceId: OFFER.serviceId, role: 'agent' });
      h.timers.advance(MEDIA.agentGoneMs);
      expectFailed(h, 'AGENT_DISCONNECTED');
    });

    it('a sessionError sent on demand (console, HTTP, code) is fired; a call in progress fails with it', async () => {
      const h = start();
      addContainer();
      h.hub.hello();
      h.hub.deliver({ type: 'session-error', id: 'UNABLE_TO_CONNECT', msg: 'No route' });
      expect(h.errors).toEqual([{ id: 'UNABLE_TO_CONNECT', msg: 'No route' }]);
      expect(h.sent('leave')).toEqual([]);
      h.errors.length = 0;
      await accepted(h);
      h.standIn.fireSessionError('AGENT_DISCONNECTED', 'gone');
      expect(h.errors).toEqual([{ id: 'AGENT_DISCONNECTED', msg: 'gone' }]);
      expectFailed(h, 'AGENT_DISCONNECTED');
    });
  });

  describe('end of call', () => {
    it('the hang-up button tells the emulator (leave: hangup) and ends the call here', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      h.part('hangup')?.click();
      expect(h.sent('leave')).toEqual([{ serviceId: OFFER.serviceId, reason: 'hangup', peerId: 'peer-1' }]);
      expect(h.screen()).toBeNull();
      expect(link.closed()).toBe(true);
      expect(h.engine.lastMedia()?.stopped()).toBe(true);
      expect(h.errors).toEqual([]);
    });

    it('the emulator says the call ended (agent hang-up, cancel, expiry…): media, screen, timer and stored call go', async () => {
      const h = start();
      const container = addContainer();
      await accepted(h);
      (await offered(h)).state('connected');
      h.hub.deliver({ type: 'ended', serviceId: 'other#call', how: 'hangup' });
      expect(h.screen()).not.toBeNull();
      h.hub.deliver({ type: 'ended', serviceId: OFFER.serviceId, how: 'hangup' });
      expect(container.children).toHaveLength(0);
      expect(h.standIn.activeCall()).toBeUndefined();
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
      expect(h.timers.pendingCount()).toBe(0);
      expect(h.sent('leave')).toEqual([]);
    });
  });

  describe('resume after a reload', () => {
    const stored = { serviceId: OFFER.serviceId, mode: 'VIDEO_CALL', agentId: OFFER.agentId, startedAt: 1_000_000 - 10_000 } as const;

    it('fires cobrowse/sessionResume after a small delay, stored for a late binder', () => {
      writeActiveCall(sessionStorage, stored);
      const h = start();
      expect(h.standIn.activeCall()).toEqual(stored);
      h.timers.advance(RESUME_DELAY_MS - 1);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([]);
      h.timers.advance(1);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toHaveLength(1);
    });

    it('on sliderOpened it takes the media again and joins (no new accept); the timer goes on from the stored start', async () => {
      writeActiveCall(sessionStorage, stored);
      const h = start();
      const container = addContainer();
      h.hub.hello();
      h.timers.advance(RESUME_DELAY_MS);
      h.publish('sliderOpened');
      await flushPromises();
      expect(h.sent('accept')).toEqual([]);
      expect(h.sent('join')).toEqual([{ serviceId: OFFER.serviceId, peerId: 'peer-1' }]);
      expect(h.screen()?.parentElement).toBe(container);
      (await offered(h)).state('connected');
      expect(h.part('call-elapsed')?.textContent).toBe('0:10');
      expect(readActiveCall(sessionStorage)?.startedAt).toBe(stored.startedAt);

      h.publish('sliderOpened');
      expect(container.querySelectorAll('[data-testid="lp-standin-call-screen"]')).toHaveLength(1);
      expect(h.engine.captures).toHaveLength(1);
    });

    it('a new event stream (hello after a drop) joins again with the new peer id', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      const link = await offered(h);
      h.hub.hello('peer-2');
      await flushPromises();
      expect(link.closed()).toBe(true);
      expect(h.sent('join').map((b) => b['peerId'])).toEqual(['peer-1', 'peer-2']);
    });

    it('does not fire sessionResume without a stored call; sliderOpened then only logs', () => {
      const h = start();
      h.timers.advance(RESUME_DELAY_MS * 10);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([]);
      h.publish('sliderOpened');
      expect(h.logs).toEqual([expect.stringContaining('sliderOpened eventId: evId_')]);
    });

    it('ignores an unreadable stored call', () => {
      sessionStorage.setItem(ACTIVE_CALL_KEY, '{oops');
      expect(start().standIn.activeCall()).toBeUndefined();
    });

    it('round-trips an accepted, connected call through a simulated reload', async () => {
      const timers = createFakeTimers();
      const first = installHarness({ timers });
      addContainer();
      await accepted(first);
      (await offered(first)).state('connected');
      const before = first.standIn.activeCall();
      first.standIn.uninstall();
      document.body.replaceChildren();

      const second = start({ timers });
      expect(second.standIn.activeCall()).toEqual(before);
      expect(before?.startedAt).toBe(timers.now());
    });
  });

  describe('validation (silent failure like the real tag)', () => {
    it.each(['serviceId', 'agentId', 'visitorName', 'mode', 'ssid', 'svid'])('ignores an offer without %s and logs one error line', async (field) => {
      const h = start();
      addContainer();
      const partial: Record<string, unknown> = { ...OFFER };
      delete partial[field];
      h.publish('cobrowseOffered', partial);
      expect(h.standIn.pendingOffer()).toBeUndefined();
      expect(h.logs).toEqual([`Events : Error executing cobrowseOffered eventId: evId_0=${field} is undefined LEVEL: ERROR`]);

      h.publish('cobrowseAccepted', partial);
      await flushPromises();
      expect(h.screen()).toBeNull();
      expect(h.hub.requests).toEqual([]);
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
      expect(h.logs).toHaveLength(2);
    });

    it('rejects an unknown mode and empty strings', () => {
      const h = start();
      h.publish('cobrowseOffered', { ...OFFER, mode: 'SCREEN_SHARE' });
      h.publish('cobrowseOffered', { ...OFFER, ssid: '' });
      h.publish('cobrowseOffered', 'not an object');
      expect(h.standIn.pendingOffer()).toBeUndefined();
      expect(h.logs.map((line) => /=(\w+) is undefined/.exec(line)?.[1])).toEqual(['mode', 'ssid', 'serviceId']);
    });
  });

  describe('decline', () => {
    it("forgets the offer and tells LivePerson's side (onDeclined); another serviceId's decline changes nothing", () => {
      const declined: (string | undefined)[] = [];
      const h = start({ onDeclined: (serviceId) => declined.push(serviceId) });
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseDeclined', { serviceId: 'other#x' });
      expect(h.standIn.pendingOffer()).toEqual(OFFER);
      h.publish('cobrowseDeclined', { serviceId: OFFER.serviceId });
      expect(h.standIn.pendingOffer()).toBeUndefined();
      expect(declined).toEqual([OFFER.serviceId]);
    });
  });

  describe('uninstall', () => {
    it('unbinds every listener, stops the media and the timers, closes the hub stream (the stored call stays)', async () => {
      const h = start();
      addContainer();
      await accepted(h);
      (await offered(h)).state('connected');
      h.standIn.uninstall();
      harness = undefined;
      expect(h.standIn.lpTag.bindingCount()).toBe(1); // the spec's own sessionError listener
      expect(h.engine.lastMedia()?.stopped()).toBe(true);
      expect(h.timers.pendingCount()).toBe(0);
      expect(h.hub.closed()).toBe(true);
      expect(readActiveCall(sessionStorage)).toBeDefined();
    });
  });
});
