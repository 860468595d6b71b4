/** @jest-environment node */
/**
 * End to end in a real browser: the sample SPA (samples/spa) and the emulator's agent console in
 * two pages of one Chromium context, against the emulator in this process. Needs `npm run build`
 * (the sample bundle and the stand-in lpTag) and Chromium (`$CHROMIUM_PATH`, default /usr/bin/chromium).
 * Screenshots: test-results/e2e/ (`E2E_UPDATE_DOCS=1` also refreshes docs/screenshot-call.png).
 */
import type { Browser } from 'playwright-core';
import type { EmulatorOptions } from 'lp-call-streams-emulator';
import {
  agentDoes,
  agentSendsError,
  banner,
  callContainer,
  callScreen,
  clickOn,
  connected,
  inScene,
  launchBrowser,
  logEntries,
  screenshot,
  sessionReaches,
  startConversation,
  tid,
  updateDocsImage,
  watchFor,
  type Scene,
} from './harness';

jest.setTimeout(30_000);

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function scene(name: string, options: EmulatorOptions, body: (scene: Scene) => Promise<void>): Promise<void> {
  if (browser === undefined) throw new Error('e2e: the browser did not start');
  return inScene(browser, name, options, body);
}

/** Conversation, then an invitation of `button` (invite-video / invite-voice) answered by nobody yet. */
async function invited({ visitor, agent }: Scene, button: 'invite-video' | 'invite-voice'): Promise<void> {
  await startConversation(visitor);
  await agentDoes(agent, button);
  await banner(visitor).waitFor();
  await sessionReaches(visitor, 'offered');
}

/** Invited to a video call, accepted: the stand-in call screen is in the container. */
async function inCall(current: Scene): Promise<void> {
  await invited(current, 'invite-video');
  await clickOn(current.visitor, 'accept-call');
  await callScreen(current.visitor).waitFor();
}

describe('sample SPA in Chromium against the emulator', () => {
  it('video: banner → accept → container with its loading indicator → call screen → hang-up removes it (hangup)', () =>
    scene('video-call', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      expect(await visitor.innerText(tid('invitation-text'))).toBe('Incoming video call');
      const secondsLeft = Number(await visitor.innerText(tid('invitation-countdown')));
      expect(secondsLeft).toBeGreaterThan(100);
      expect(secondsLeft).toBeLessThanOrEqual(120);

      const loading = await watchFor(visitor, `${tid('call-area')} > .lp_cobrowse_callscreen_container > .lp_cobrowse_callscreen_container_loading`);
      await clickOn(visitor, 'accept-call');
      await loading.waitFor({ state: 'attached' });
      expect(await loading.getAttribute('data-e2e-seen')).toBe('Connecting your call…');
      await callScreen(visitor).waitFor();
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'active')).toBe('active');

      await agentDoes(agent, 'accept');
      await logEntries(visitor, 'accepted', 'video').waitFor();
      updateDocsImage(await screenshot(visitor, 'video-call-active'), 'screenshot-call.png');

      await agentDoes(agent, 'hangup');
      await callContainer(visitor).waitFor({ state: 'detached' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (hangup)');
      await logEntries(visitor, 'closed', 'hangup').waitFor();
      expect(await logEntries(visitor, 'invitation').count()).toBe(1);
      expect(await logEntries(visitor, 'closed').count()).toBe(1);
    }));

  it('voice: decline hides the banner, closes the invitation as declined, and the agent sees it closed', () =>
    scene('decline', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-voice');
      expect(await visitor.innerText(tid('invitation-text'))).toBe('Incoming voice call');
      await clickOn(visitor, 'decline-call');
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'declined')).toBe('declined (by consumer)');
      await logEntries(visitor, 'closed', 'declined').waitFor();
      await agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'CLOSED' }).waitFor();
      expect(await callContainer(visitor).count()).toBe(0);
      await screenshot(visitor, 'declined');
    }));

  it('cancel by the agent hides the banner (cancelled)', () =>
    scene('cancel', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      await agentDoes(agent, 'cancel');
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'ended')).toBe('ended (cancelled)');
      await logEntries(visitor, 'closed', 'cancelled').waitFor();
      expect(await callContainer(visitor).count()).toBe(0);
    }));

  it('expiry: the countdown runs from the short TTL and the banner goes at expiry (expired)', () =>
    scene('expiry', { invitationTtlMs: 3000 }, async (current) => {
      const { visitor } = current;
      await invited(current, 'invite-video');
      const secondsLeft = Number(await visitor.innerText(tid('invitation-countdown')));
      expect(secondsLeft).toBeGreaterThanOrEqual(1);
      expect(secondsLeft).toBeLessThanOrEqual(3);
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'expired')).toBe('expired');
      await logEntries(visitor, 'closed', 'expired').waitFor();
    }));

  it('sessionError from the call app (sent by the console) is shown as text and ends the call screen', () =>
    scene('session-error', {}, async (current) => {
      const { visitor, agent } = current;
      await inCall(current);
      await agentSendsError(agent, 'NO_CAMERA_ACCESS', 'Camera <b>blocked</b>');
      await visitor.locator(tid('call-error'), { hasText: 'NO_CAMERA_ACCESS: Camera <b>blocked</b>' }).waitFor();
      expect(await visitor.locator(`${tid('call-error')} b`).count()).toBe(0); // text, never HTML
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (NO_CAMERA_ACCESS)');
      await logEntries(visitor, 'error', 'NO_CAMERA_ACCESS').waitFor();
      await callContainer(visitor).waitFor({ state: 'detached' });
      await screenshot(visitor, 'session-error');
    }));

  it('reload mid-call: sessionResume → sliderOpened → the call screen is back, and the hang-up still ends it', () =>
    scene('reload', {}, async (current) => {
      const { visitor, agent } = current;
      await inCall(current);
      await agentDoes(agent, 'accept');
      await logEntries(visitor, 'accepted').waitFor();

      await visitor.reload();
      await connected(visitor);
      await logEntries(visitor, 'resume').waitFor();
      await callScreen(visitor).waitFor();
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

  it('sockets dropped mid-invitation: the client reconnects and the invitation is shown once', () =>
    scene('drop-sockets', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-video');
      await agentDoes(agent, 'drop-sockets');
      await logEntries(visitor, 'connection', 'reconnecting').first().waitFor();
      await logEntries(visitor, 'connection', /open$/).nth(1).waitFor();
      await connected(visitor);
      await banner(visitor).waitFor();

      // After the reconnect the re-subscription lists the invitation again; the cancel comes after it.
      await agentDoes(agent, 'cancel');
      await banner(visitor).waitFor({ state: 'hidden' });
      await logEntries(visitor, 'closed', 'cancelled').waitFor();
      expect(await logEntries(visitor, 'invitation').count()).toBe(1);
      expect(await logEntries(visitor, 'session', 'offered').count()).toBe(1);
      expect(await logEntries(visitor, 'closed').count()).toBe(1);
    }));

  it('chat: the visitor and the agent exchange text messages', () =>
    scene('chat', {}, async ({ visitor, agent }) => {
      await startConversation(visitor);
      await visitor.fill(tid('chat-input'), 'Hello, can you call me?');
      await clickOn(visitor, 'chat-send');
      await visitor.locator(`${tid('chat-messages')} li[data-from="you"]`, { hasText: 'Hello, can you call me?' }).waitFor();
      await agent.fill(tid('text-input'), 'Sure, one moment');
      await agentDoes(agent, 'send-text');
      await visitor.locator(`${tid('chat-messages')} li[data-from="agent"]`, { hasText: 'Sure, one moment' }).waitFor();
      expect(await visitor.locator(`${tid('chat-messages')} li`).allInnerTexts()).toEqual(['you: Hello, can you call me?', 'agent: Sure, one moment']);
    }));
});
