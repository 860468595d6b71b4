import { ACTIVE_CALL_KEY, readActiveCall, writeActiveCall } from '../../lib/browser/call-store';
import { ACCEPT_DELAY_MS, OFFER, RESUME_DELAY_MS, addContainer, installHarness, type StandInHarness } from './setup';

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

  describe('offer and accept', () => {
    it('renders the call screen into the container after the accept delay', () => {
      const h = start();
      const container = addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);

      h.timers.advance(ACCEPT_DELAY_MS - 1);
      expect(container.textContent).toBe('Connecting…');

      h.timers.advance(1);
      const screen = h.screen();
      expect(screen?.parentElement).toBe(container);
      expect(container.children).toHaveLength(1);
      expect(screen?.textContent).toContain('Video call with agent le123.456 — VIDEO_CALL');
      expect(h.standIn.activeCall()).toEqual({ serviceId: OFFER.serviceId, mode: 'VIDEO_CALL', agentId: OFFER.agentId, startedAt: h.timers.now() });
      expect(readActiveCall(sessionStorage)).toEqual(h.standIn.activeCall());
      expect(h.logs).toEqual([]);
    });

    it('counts elapsed seconds', () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      h.timers.advance(ACCEPT_DELAY_MS);
      const elapsed = (): string | null | undefined => document.querySelector('[data-testid="lp-standin-call-elapsed"]')?.textContent;
      expect(elapsed()).toBe('0 s');
      h.timers.advance(3000);
      expect(elapsed()).toBe('3 s');
    });

    it('names a voice call as such', () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', { ...OFFER, mode: 'VOICE_CALL' });
      h.publish('cobrowseAccepted', { ...OFFER, mode: 'VOICE_CALL' });
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()?.textContent).toContain('Voice call with agent le123.456 — VOICE_CALL');
    });

    it('completes a partial accept (no mode, visitorName null) from the remembered offer', () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', { serviceId: OFFER.serviceId, agentId: OFFER.agentId, visitorName: null, ssid: 's', svid: 'v' });
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.standIn.activeCall()?.mode).toBe('VIDEO_CALL');
      expect(h.screen()).not.toBeNull();
    });

    it('shows data as text, never as markup', () => {
      const h = start();
      addContainer();
      const agentId = '<img src=x onerror=alert(1)>';
      h.publish('cobrowseOffered', { ...OFFER, agentId });
      h.publish('cobrowseAccepted', { ...OFFER, agentId });
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()?.querySelector('img')).toBeNull();
      expect(h.screen()?.textContent).toContain(agentId);
    });

    it('logs and keeps the call when the container is missing; sliderOpened renders it later', () => {
      const h = start();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()).toBeNull();
      expect(h.logs).toEqual([expect.stringMatching(/Error executing cobrowseAccepted eventId: evId_\d+=no \.lp_cobrowse_callscreen_container/)]);
      expect(h.standIn.activeCall()?.serviceId).toBe(OFFER.serviceId);

      const container = addContainer();
      h.publish('sliderOpened');
      expect(h.screen()?.parentElement).toBe(container);
    });
  });

  describe('validation (silent failure like the real tag)', () => {
    it.each(['serviceId', 'agentId', 'visitorName', 'mode', 'ssid', 'svid'])('ignores an offer without %s and logs one error line', (field) => {
      const h = start();
      addContainer();
      const partial: Record<string, unknown> = { ...OFFER };
      delete partial[field];
      h.publish('cobrowseOffered', partial);
      expect(h.standIn.pendingOffer()).toBeUndefined();
      expect(h.logs).toEqual([`Events : Error executing cobrowseOffered eventId: evId_0=${field} is undefined LEVEL: ERROR`]);

      h.publish('cobrowseAccepted', partial);
      h.timers.advance(ACCEPT_DELAY_MS * 10);
      expect(h.screen()).toBeNull();
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

    it('remembers a valid offer', () => {
      const h = start();
      h.publish('cobrowseOffered', OFFER);
      expect(h.standIn.pendingOffer()).toEqual(OFFER);
    });
  });

  describe('decline', () => {
    it('forgets the offer, so a partial accept then fails', () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseDeclined', { serviceId: OFFER.serviceId });
      expect(h.standIn.pendingOffer()).toBeUndefined();
      h.publish('cobrowseAccepted', { serviceId: OFFER.serviceId, ssid: 's', svid: 'v' });
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()).toBeNull();
      expect(h.logs).toEqual([expect.stringContaining('cobrowseAccepted eventId: evId_1=agentId is undefined')]);
    });

    it('keeps the offer when another serviceId is declined', () => {
      const declined: (string | undefined)[] = [];
      const h = start({ onDeclined: (serviceId) => declined.push(serviceId) });
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseDeclined', { serviceId: 'other#x' });
      expect(h.standIn.pendingOffer()).toEqual(OFFER);
      expect(declined).toEqual([]);
    });

    it("tells LivePerson's side (onDeclined) when the pending offer is declined", () => {
      const declined: (string | undefined)[] = [];
      const h = start({ onDeclined: (serviceId) => declined.push(serviceId) });
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseDeclined', { serviceId: OFFER.serviceId });
      expect(declined).toEqual([OFFER.serviceId]);
    });
  });

  describe('resume after a reload', () => {
    const stored = { serviceId: OFFER.serviceId, mode: 'VOICE_CALL', agentId: OFFER.agentId, startedAt: 1_000_000 - 5000 } as const;

    it('fires cobrowse/sessionResume after a small delay, stored for a late binder', () => {
      writeActiveCall(sessionStorage, stored);
      const h = start();
      const early: unknown[] = [];
      h.standIn.lpTag.events.bind('cobrowse', 'sessionResume', (data) => early.push(data ?? 'fired'));
      expect(h.standIn.activeCall()).toEqual(stored);

      h.timers.advance(RESUME_DELAY_MS - 1);
      expect(early).toEqual([]);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([]);

      h.timers.advance(1);
      expect(early).toEqual(['fired']);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([{ appName: 'cobrowse', eventName: 'sessionResume', data: undefined }]);
      expect(h.standIn.lpTag.publishes()).toEqual([]); // fired by the app, not published by the site
    });

    it('renders the stored call on sliderOpened (elapsed time survives the reload)', () => {
      writeActiveCall(sessionStorage, stored);
      const h = start();
      h.timers.advance(RESUME_DELAY_MS);
      expect(h.screen()).toBeNull();
      const container = addContainer();
      h.publish('sliderOpened');
      expect(h.screen()?.parentElement).toBe(container);
      expect(h.screen()?.textContent).toContain('Voice call with agent le123.456 — VOICE_CALL');
      expect(document.querySelector('[data-testid="lp-standin-call-elapsed"]')?.textContent).toBe('5 s');
    });

    it('re-renders (one screen only) when sliderOpened comes again', () => {
      writeActiveCall(sessionStorage, stored);
      const h = start();
      addContainer();
      h.publish('sliderOpened');
      h.publish('sliderOpened');
      expect(document.querySelectorAll('[data-testid="lp-standin-call-screen"]')).toHaveLength(1);
    });

    it('does not fire sessionResume without a stored call; sliderOpened then only logs', () => {
      const h = start();
      h.timers.advance(RESUME_DELAY_MS * 10);
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([]);
      addContainer();
      h.publish('sliderOpened');
      expect(h.screen()).toBeNull();
      expect(h.logs).toEqual([expect.stringContaining('sliderOpened eventId: evId_3=no active call')]);
    });

    it('ignores an unreadable stored call', () => {
      sessionStorage.setItem(ACTIVE_CALL_KEY, '{"serviceId":1}');
      const h = start();
      h.timers.advance(RESUME_DELAY_MS);
      expect(h.standIn.activeCall()).toBeUndefined();
      expect(h.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toEqual([]);
    });

    it('round-trips an accepted call through a simulated reload', () => {
      const first = start();
      addContainer();
      first.publish('cobrowseOffered', OFFER);
      first.publish('cobrowseAccepted', OFFER);
      first.timers.advance(ACCEPT_DELAY_MS);
      first.standIn.uninstall();
      document.body.replaceChildren();

      const second = start({ timers: first.timers });
      second.timers.advance(RESUME_DELAY_MS);
      expect(second.standIn.lpTag.events.hasFired('cobrowse', 'sessionResume')).toHaveLength(1);
      addContainer();
      second.publish('sliderOpened');
      expect(second.screen()?.textContent).toContain('Video call with agent le123.456');
    });
  });

  describe('end of call', () => {
    const startCall = (): StandInHarness => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()).not.toBeNull();
      return h;
    };

    it('endCall clears the screen, the stored call and the counter', () => {
      const h = startCall();
      h.standIn.endCall();
      expect(h.screen()).toBeNull();
      expect(h.container()).not.toBeNull(); // the site owns the container
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
      expect(h.standIn.activeCall()).toBeUndefined();
      expect(h.timers.pendingCount()).toBe(0);
    });

    it('endCall before the accept delay cancels the pending call screen', () => {
      const h = start();
      addContainer();
      h.publish('cobrowseOffered', OFFER);
      h.publish('cobrowseAccepted', OFFER);
      h.standIn.endCall();
      h.timers.advance(ACCEPT_DELAY_MS);
      expect(h.screen()).toBeNull();
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
    });

    it('an endCall message on the channel ends the call', () => {
      const h = startCall();
      h.channel.deliver({ type: 'endCall' });
      expect(h.screen()).toBeNull();
      expect(sessionStorage.getItem(ACTIVE_CALL_KEY)).toBeNull();
    });
  });

  describe('uninstall', () => {
    it('unbinds every listener, stops timers and closes the channel', () => {
      writeActiveCall(sessionStorage, { serviceId: 'a#b', mode: 'VIDEO_CALL', agentId: 'x', startedAt: 0 });
      const h = start();
      expect(h.standIn.lpTag.bindingCount()).toBe(4);
      h.standIn.uninstall();
      harness = undefined;
      expect(h.standIn.lpTag.bindingCount()).toBe(0);
      expect(h.timers.pendingCount()).toBe(0);
      expect(h.channel.closed()).toBe(true);
      expect(Reflect.has(h.target, 'lpTagStandIn')).toBe(false);
    });
  });
});
