/** @jest-environment node */
/**
 * End to end in a real browser: the sample SPA (samples/spa) and the emulator's agent console in two
 * Chromium windows, against the emulator in this process: invitations and their ends (decline,
 * cancel, expiry), sessionError on demand, reconnects, chat, and the console's own texts. The calls
 * with media are in call-media.spec.ts. Needs `npm run build` and Chromium (`$CHROMIUM_PATH`, default
 * /usr/bin/chromium). Screenshots: test-results/e2e/.
 */
import {
  agentDoes,
  agentSendsError,
  banner,
  callContainer,
  callStatus,
  clickOn,
  connected,
  invited,
  logEntries,
  sceneRunner,
  screenshot,
  sessionReaches,
  startConversation,
  tid,
  type Scene,
} from './harness';

jest.setTimeout(30_000);

const scene = sceneRunner();

/** Invited to a video call, accepted: the call is connected on the visitor's side. */
async function inCall(current: Scene): Promise<void> {
  await invited(current, 'invite-video');
  await clickOn(current.visitor, 'accept-call');
  await callStatus(current.visitor, 'lp-standin', 'connected').waitFor();
}

describe('sample SPA in Chromium against the emulator', () => {
  it('voice: decline hides the banner, closes the invitation as declined, and the console says so', () =>
    scene('decline', {}, async (current) => {
      const { visitor, agent } = current;
      await invited(current, 'invite-voice');
      expect(await visitor.innerText(tid('invitation-text'))).toBe('Incoming voice call');
      await clickOn(visitor, 'decline-call');
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'declined')).toBe('declined');
      await logEntries(visitor, 'closed', 'declined').waitFor();
      await agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'declined by the visitor' }).waitFor();
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
      await agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'cancelled by the agent' }).waitFor();
    }));

  it('expiry: the console TTL field sets it; the countdown runs from it and the banner goes at expiry (expired), the console says expired', () =>
    scene('expiry', {}, async (current) => {
      const { visitor, agent } = current;
      await agent.fill(tid('invite-ttl'), '5');
      await invited(current, 'invite-video');
      const secondsLeft = Number(await visitor.innerText(tid('invitation-countdown')));
      expect(secondsLeft).toBeGreaterThanOrEqual(0);
      expect(secondsLeft).toBeLessThanOrEqual(5);
      await banner(visitor).waitFor({ state: 'hidden' });
      expect(await sessionReaches(visitor, 'expired')).toBe('expired');
      await logEntries(visitor, 'closed', 'expired').waitFor();
      const row = agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'COBROWSE' });
      await row.locator('td', { hasText: /^expired$/ }).waitFor();
      expect(await row.innerText()).not.toContain('INVITED');
    }));

  it('sessionError sent from the console (control API) is shown as text, fails the session and ends the call on both sides', () =>
    scene('session-error', {}, async (current) => {
      const { visitor, agent } = current;
      await inCall(current);
      await agentSendsError(agent, 'NO_CAMERA_ACCESS', 'Camera <b>blocked</b>');
      await visitor.locator(tid('call-error'), { hasText: 'NO_CAMERA_ACCESS: Camera <b>blocked</b>' }).waitFor();
      expect(await visitor.locator(`${tid('call-error')} b`).count()).toBe(0); // text, never HTML
      expect(await sessionReaches(visitor, 'failed')).toBe('failed (NO_CAMERA_ACCESS)');
      await logEntries(visitor, 'error', 'NO_CAMERA_ACCESS').waitFor();
      await callContainer(visitor).waitFor({ state: 'detached' });
      await agent.locator(tid('agent-call-note'), { hasText: 'Call ended: the visitor’s call app failed.' }).waitFor();
      await agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'failed: NO_CAMERA_ACCESS' }).waitFor();
      await screenshot(visitor, 'session-error');
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

  it('chat, and the console: it says what to click when an action cannot be done, and fills its columns', () =>
    scene('chat-and-console', { allowConsoleErrors: /status of 409/ }, async ({ visitor, agent }) => {
      await clickOn(agent, 'invite-video');
      await agent.locator(tid('error'), { hasText: 'Invite video: There is no conversation yet: click “Start conversation” in the visitor page first.' }).waitFor();
      expect(await agent.innerText(tid('error'))).not.toMatch(/409|ConsumerRequestConversation/);

      await startConversation(visitor);
      await visitor.fill(tid('chat-input'), 'Hello, can you call me?');
      await clickOn(visitor, 'chat-send');
      await visitor.locator(`${tid('chat-messages')} li[data-from="you"]`, { hasText: 'Hello, can you call me?' }).waitFor();
      await agent.fill(tid('text-input'), 'Sure, one moment');
      await agentDoes(agent, 'send-text');
      await visitor.locator(`${tid('chat-messages')} li[data-from="agent"]`, { hasText: 'Sure, one moment' }).waitFor();
      expect(await visitor.locator(`${tid('chat-messages')} li`).allInnerTexts()).toEqual(['you: Hello, can you call me?', 'agent: Sure, one moment']);

      await clickOn(agent, 'hangup');
      await agent.locator(tid('error'), { hasText: 'End call: There is no call or invitation now: click “Invite video” or “Invite voice” first.' }).waitFor();
      const conversation = agent.locator(`${tid('conversations')} tbody tr`).first();
      await conversation.locator('td', { hasText: /^OPEN$/ }).first().waitFor();
      expect((await conversation.locator('td').allInnerTexts()).slice(1)).toEqual(['OPEN', 'OPEN', '1']);
      const connection = agent.locator(`${tid('connections')} tbody tr`).first();
      expect((await connection.locator('td').allInnerTexts()).slice(1, 3)).toEqual(['123456', 'open']);
      await agentDoes(agent, 'invite-video');
      await agent.locator(`${tid('dialogs')} tbody tr`, { hasText: 'invited' }).waitFor();
      await clickOn(agent, 'invite-voice');
      await agent.locator(tid('error'), { hasText: 'An invitation is still waiting for the visitor' }).waitFor();
    }));
});
