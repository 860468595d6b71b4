/** @jest-environment node */
/**
 * Real calls on one machine: the sample SPA (visitor) and the agent console in two Chromium windows
 * with fake cameras and microphones, the stand-in call app and the console connecting a real WebRTC
 * call through the emulator. Video and voice, hang-up from either side, call readiness and
 * NO_CAMERA_ACCESS with a denied camera, BROWSER_NOT_SUPPORTED without WebRTC, UNABLE_TO_CONNECT when
 * ICE cannot connect, AGENT_DISCONNECTED when the console closes, resume with media after a reload
 * (at 390 px wide: the layouts fit), "answered elsewhere". `E2E_UPDATE_DOCS=1` refreshes the screenshots in docs/.
 */
import type { Browser } from 'playwright-core';
import {
  agentDoes,
  banner,
  callContainer,
  callStatus,
  clickOn,
  connected,
  contentWidth,
  inScene,
  invited,
  launchBrowser,
  logEntries,
  mediaOf,
  sceneRunner,
  screenshot,
  sessionReaches,
  tid,
  updateDocsImage,
  videoPlays,
  watchFor,
  type Scene,
} from './harness';

jest.setTimeout(40_000);

const scene = sceneRunner();
/** Without the fake permission UI: the site settings decide (launched for the denied-camera scene). */
let settingsBrowser: Browser | undefined;
afterAll(async () => settingsBrowser?.close());

/** Accepted and connected on both sides. */
async function inCall(current: Scene, button: 'invite-video' | 'invite-voice' = 'invite-video'): Promise<void> {
  await invited(current, button);
  await clickOn(current.visitor, 'accept-call');
  await callStatus(current.visitor, 'lp-standin', 'connected').waitFor();
  await callStatus(current.agent, 'agent', 'connected').waitFor();
}

/** The `call` column of the console's row for the call dialog. */
const consoleCall = (current: Scene, text: string) => current.agent.locator(`${tid('dialogs')} tbody tr`, { hasText: text }).waitFor();

describe('a real call between the sample page and the agent console', () => {
  it('video: accept → loading indicator → both remote videos play; ACCEPTED accepted then joined; mute and camera-off are told; the agent hangs up (hangup)', () =>
    scene('video-call', {}, async (current) => {
      const { visitor, agent, emulator } = current;
      await invited(current, 'invite-video');
      expect(await visitor.innerText(tid('invitation-text'))).toBe('Incoming video call');
      await visitor.locator(`${tid('invitation-readiness')}[data-status="ready"]`).waitFor({ state: 'attached' });
      const loading = await watchFor(visitor, `${tid('call-area')} > .lp_cobrowse_callscreen_container > .lp_cobrowse_callscreen_container_loading`);
      await clickOn(visitor, 'accept-call');
      await loading.waitFor({ state: 'attached' });
      expect(await loading.getAttribute('data-e2e-seen')).toBe('Connecting your call…');

      await callStatus(visitor, 'lp-standin', 'connected').waitFor();
      await callStatus(agent, 'agent', 'connected').waitFor();
      const seenByVisitor = await videoPlays(visitor, 'lp-standin-remote-video');
      const seenByAgent = await videoPlays(agent, 'agent-remote-video');
      for (const seen of [seenByVisitor, seenByAgent]) {
        expect(seen.width).toBeGreaterThan(0);
        expect(seen.height).toBeGreaterThan(0);
        expect(seen.after).toBeGreaterThan(seen.before);
      }
      expect(await visitor.innerText(tid('lp-standin-call-title'))).toBe('Video call with agent 123456.356285412');
      expect(await sessionReaches(visitor, 'active')).toBe('active');
      await logEntries(visitor, 'accepted', 'video').waitFor();
      expect(await logEntries(visitor, 'accepted').count()).toBe(1);
      expect(emulator.state().dialogs.flatMap((d) => (typeof d['call'] === 'object' && d['call'] !== null && 'updates' in d['call'] ? [d['call']['updates']] : []))).toEqual([['accepted', 'joined']]);
      await consoleCall(current, 'in call');
      updateDocsImage(await screenshot(visitor, 'video-call-visitor'), 'screenshot-call.png');
      updateDocsImage(await screenshot(agent, 'video-call-agent'), 'screenshot-agent-console.png');

      await clickOn(agent, 'agent-mute');
      await clickOn(agent, 'agent-camera');
      await visitor.locator(tid('lp-standin-remote-media'), { hasText: 'The agent muted the microphone and turned the camera off.' }).waitFor();
      await clickOn(visitor, 'lp-standin-camera');
      await agent.locator(tid('agent-remote-media'), { hasText: 'The visitor turned the camera off.' }).waitFor();

      await clickOn(agent, 'agent-hangup');
      await callContainer(visitor).waitFor({ state: 'detached' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (hangup)');
      await logEntries(visitor, 'closed', 'hangup').waitFor();
      expect(await logEntries(visitor, 'closed').count()).toBe(1);
      await agent.locator(tid('agent-call-note'), { hasText: 'Call ended: you hung up.' }).waitFor();
      await consoleCall(current, 'hung up by the agent');
    }));

  it('voice: live audio tracks both ways, no video; the visitor hangs up (hangup), the console hears it', () =>
    scene('voice-call', {}, async (current) => {
      const { visitor, agent } = current;
      await inCall(current, 'invite-voice');
      for (const [page, id] of [[visitor, 'lp-standin-remote-audio'], [agent, 'agent-remote-audio']] as const) {
        await page.waitForFunction((testId) => {
          const audio = document.querySelector(`[data-testid="${testId}"]`);
          const stream = audio instanceof HTMLAudioElement ? audio.srcObject : null;
          return audio instanceof HTMLAudioElement && stream instanceof MediaStream && stream.getAudioTracks().some((t) => t.readyState === 'live' && !t.muted) && !audio.paused;
        }, id);
        const audio = await mediaOf(page, id);
        expect(audio?.tracks).toEqual([{ kind: 'audio', state: 'live', muted: false }]);
      }
      expect(await visitor.locator(tid('lp-standin-remote-video')).count()).toBe(0);
      expect(await visitor.innerText(tid('lp-standin-call-title'))).toBe('Voice call with agent 123456.356285412');

      await clickOn(visitor, 'lp-standin-hangup');
      await callContainer(visitor).waitFor({ state: 'detached' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (hangup)');
      await agent.locator(tid('agent-call-note'), { hasText: 'Call ended: the visitor hung up.' }).waitFor();
      await consoleCall(current, 'ended by the visitor');
    }));

  it('camera denied (site settings, no fake permission UI): the banner says so before accept; after accept NO_CAMERA_ACCESS, and the call ends', async () => {
    settingsBrowser = await launchBrowser({ fakeUi: false });
    await inScene(settingsBrowser, 'camera-denied', { cameraDenied: true }, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      const readiness = visitor.locator(`${tid('invitation-readiness')}[data-status="blocked:permission-denied"]`);
      await readiness.waitFor();
      expect(await readiness.innerText()).toBe('Your camera is blocked: allow it in the site settings to take the video call.');
      await screenshot(visitor, 'camera-denied-banner');
      await clickOn(visitor, 'accept-call');
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (NO_CAMERA_ACCESS)');
      await visitor.locator(tid('call-error'), { hasText: /^NO_CAMERA_ACCESS: The camera could not be accessed\. \(NotAllowedError\)$/ }).waitFor();
      await callContainer(visitor).waitFor({ state: 'detached' });
      await consoleCall(current, 'failed: NO_CAMERA_ACCESS');
      expect(await agent.locator(tid('agent-call-screen')).count()).toBe(0);
      // The call panel says what happened and what to do, not "No call yet".
      await agent.locator(`${tid('agent-call-note')}[data-status="failed"]`, { hasText: 'The visitor’s video call failed before it joined: NO_CAMERA_ACCESS' }).waitFor();
      expect(await agent.locator(tid('agent-call-note')).innerText()).toContain('What to do: the visitor allows the camera and microphone');
      await screenshot(agent, 'camera-denied-agent');
    });
  });

  it('no WebRTC in the page: the banner says so; accepting gives BROWSER_NOT_SUPPORTED', () =>
    scene('no-webrtc', { visitorInitScript: 'delete window.RTCPeerConnection;' }, async (current) => {
      const { visitor } = current;
      await invited(current, 'invite-voice');
      await visitor.locator(`${tid('invitation-readiness')}[data-status="blocked:no-webrtc"]`).waitFor();
      await clickOn(visitor, 'accept-call');
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (BROWSER_NOT_SUPPORTED)');
      await consoleCall(current, 'failed: BROWSER_NOT_SUPPORTED');
    }));

  it('ICE cannot connect (relay only, through a TURN server that is not there): UNABLE_TO_CONNECT after the connect timeout', () =>
    scene('ice-failure', { emulator: { media: { iceServers: [{ urls: 'turn:127.0.0.1:9', username: 'u', credential: 'p' }], iceTransportPolicy: 'relay', connectTimeoutMs: 2000 } } }, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      await clickOn(visitor, 'accept-call');
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (UNABLE_TO_CONNECT)');
      await consoleCall(current, 'failed: UNABLE_TO_CONNECT');
      await agent.locator(tid('agent-call-note'), { hasText: 'Call ended: the visitor’s call app failed.' }).waitFor();
    }));

  it('the agent closes the console mid-call: AGENT_DISCONNECTED after agentGoneMs', () =>
    scene('agent-gone', { emulator: { media: { agentGoneMs: 1000 } } }, async (current) => {
      const { visitor, agent, emulator } = current;
      await inCall(current);
      await agent.close();
      await callStatus(visitor, 'lp-standin', 'agent-away').waitFor();
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (AGENT_DISCONNECTED)');
      await visitor.locator(tid('call-error'), { hasText: 'AGENT_DISCONNECTED' }).waitFor();
      await callContainer(visitor).waitFor({ state: 'detached' });
      expect(emulator.state().dialogs.flatMap((d) => (typeof d['call'] === 'object' && d['call'] !== null && 'outcome' in d['call'] ? [d['call']['outcome']] : []))).toEqual(['failed: AGENT_DISCONNECTED']);
    }));

  it('reload mid-call, 390 px wide: the page and the console fit; sessionResume → sliderOpened → the call is back with media on both sides, the timer goes on; the hang-up still ends it', () =>
    scene('reload', { width: 390 }, async (current) => {
      const { visitor, agent } = current;
      expect(await contentWidth(visitor)).toBeLessThanOrEqual(390);
      expect(await contentWidth(agent)).toBeLessThanOrEqual(390);
      await inCall(current);
      await videoPlays(visitor, 'lp-standin-remote-video');
      expect(await contentWidth(visitor)).toBeLessThanOrEqual(390);
      expect(await contentWidth(agent)).toBeLessThanOrEqual(390);
      await screenshot(visitor, 'narrow-visitor');
      await screenshot(agent, 'narrow-agent');
      await visitor.locator(tid('lp-standin-call-elapsed'), { hasText: /^0:0[1-9]$/ }).waitFor();
      const before = await visitor.innerText(tid('lp-standin-call-elapsed'));

      await visitor.reload();
      await connected(visitor);
      await logEntries(visitor, 'resume').waitFor();
      await callStatus(visitor, 'lp-standin', 'connected').waitFor();
      await callStatus(agent, 'agent', 'connected').waitFor();
      const seen = await videoPlays(visitor, 'lp-standin-remote-video');
      expect(seen.after).toBeGreaterThan(seen.before);
      await videoPlays(agent, 'agent-remote-video');
      const after = await visitor.innerText(tid('lp-standin-call-elapsed'));
      expect(Number(after.split(':')[1])).toBeGreaterThan(Number(before.split(':')[1]));
      expect(await sessionReaches(visitor, 'active')).toBe('active (resumed ×1)');
      const sliderOpened = await visitor.evaluate(() => {
        const tag: unknown = Reflect.get(window, 'lpTag');
        const events: unknown = typeof tag === 'object' && tag !== null ? Reflect.get(tag, 'events') : undefined;
        const hasFired: unknown = typeof events === 'object' && events !== null ? Reflect.get(events, 'hasFired') : undefined;
        const fired: unknown = typeof hasFired === 'function' ? Reflect.apply(hasFired, events, ['lpCoBrowse', 'sliderOpened']) : undefined;
        return Array.isArray(fired) ? fired.length : -1;
      });
      expect(sliderOpened).toBe(1);
      expect(await logEntries(visitor, 'invitation').count()).toBe(0); // the reloaded page was never invited
      await screenshot(visitor, 'reload-resumed');

      await agentDoes(agent, 'hangup');
      await callContainer(visitor).waitFor({ state: 'detached' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (hangup)');
    }));

  it('answered elsewhere: an ACCEPTED this page never accepted ends the session (answered-elsewhere), no call screen', () =>
    scene('answered-elsewhere', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      await agentDoes(agent, 'answered-elsewhere');
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (answered-elsewhere)');
      await logEntries(visitor, 'closed', 'answered-elsewhere').waitFor();
      expect(await callContainer(visitor).count()).toBe(0);
    }));

});
