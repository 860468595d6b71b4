/** @jest-environment node */
/**
 * In a real browser (headless Chromium): a page of another origin, open in the developer's browser,
 * can neither drive the emulator nor read its state — while the agent console, its own page, can.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../lib';
import { connectConsumer, requestConversation, type RawClient } from '../raw-client';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A plain page on another origin: another port of the same machine, under `host` — `localhost` is
 * another site than the emulator's `127.0.0.1`, `127.0.0.1` the same site (its cookies are sent there).
 */
function startForeignSite(host: 'localhost' | '127.0.0.1'): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>elsewhere</title><form id="f" method="POST"></form>');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, origin: `http://${host}:${typeof address === 'object' && address !== null ? address.port : 0}` });
    }),
  );
}

/** Records CSP violations in the page (a CSP that blocks what a page needs shows up here). */
const recordCspViolations = (page: Page): Promise<unknown> =>
  page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__cspViolations', seen);
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
const cspViolations = (page: Page): Promise<unknown> => page.evaluate((): unknown => Reflect.get(window, '__cspViolations'));

const suite = existsSync(CHROMIUM) ? describe : describe.skip;

suite('Chromium: only the emulator\'s own pages drive it', () => {
  let browser: Browser;
  let emulator: RunningEmulator;
  let foreign: { server: Server; origin: string };
  let context: BrowserContext;
  let consumer: RawClient;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(() => browser.close());

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
    foreign = await startForeignSite('localhost');
    context = await browser.newContext();
    consumer = (await connectConsumer(emulator, '123456')).client;
    await requestConversation(consumer);
  });
  afterEach(async () => {
    consumer.close();
    await context.close();
    await new Promise((resolve) => foreign.server.close(resolve));
    await emulator.close();
  });

  const callDialogs = (): number => emulator.state().dialogs.filter((d) => JSON.stringify(d).includes('COBROWSE')).length;

  it('a foreign page cannot drive the control, mint tokens, read the state or open a socket', async () => {
    const page = await context.newPage();
    await page.goto(`${foreign.origin}/`);
    const outcome = await page.evaluate(async (emu: string) => {
      const attempt = async (run: () => Promise<Response>): Promise<string> => {
        try {
          const res = await run();
          return res.type === 'opaque' ? 'opaque' : `read ${res.status}: ${(await res.text()).slice(0, 80)}`;
        } catch {
          return 'blocked';
        }
      };
      const json = { 'content-type': 'application/json' };
      const socket = await new Promise<string>((resolve) => {
        const ws = new WebSocket(`${emu.replace('http', 'ws')}/ws_api/account/123456/messaging/consumer?v=3`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      });
      return {
        invite: await attempt(() => fetch(`${emu}/emulator/agent/invite`, { method: 'POST', headers: json, body: '{"mode":"VIDEO_CALL"}' })),
        inviteNoCors: await attempt(() => fetch(`${emu}/emulator/agent/invite`, { method: 'POST', mode: 'no-cors', body: '{"mode":"VIDEO_CALL"}' })),
        dropNoCors: await attempt(() => fetch(`${emu}/emulator/drop-sockets`, { method: 'POST', mode: 'no-cors' })),
        expireNoCors: await attempt(() => fetch(`${emu}/emulator/expire-tokens`, { method: 'POST', mode: 'no-cors', body: 'x' })),
        state: await attempt(() => fetch(`${emu}/emulator/state`)),
        signup: await attempt(() => fetch(`${emu}/api/account/123456/signup`, { method: 'POST' })),
        console: await attempt(() => fetch(`${emu}/agent`)),
        socket,
      };
    }, emulator.url);
    expect(outcome).toEqual({
      invite: 'blocked',
      inviteNoCors: 'opaque',
      dropNoCors: 'opaque',
      expireNoCors: 'opaque',
      state: 'blocked',
      signup: 'blocked',
      console: 'blocked',
      socket: 'refused',
    });
    // A cross-site form POST (a navigation, no CORS at all) is refused too.
    await page.evaluate((emu: string) => {
      const form = document.getElementById('f');
      if (!(form instanceof HTMLFormElement)) throw new Error('no form');
      form.action = `${emu}/emulator/drop-sockets`;
      form.submit();
    }, emulator.url);
    await page.waitForURL(`${emulator.url}/emulator/drop-sockets`);
    expect(await page.textContent('body')).toContain('is not allowed');
    // Nothing happened: no invitation, the consumer's socket and token are alive.
    expect(callDialogs()).toBe(0);
    expect(emulator.state().connections).toHaveLength(1);
    expect(await consumer.request('GetClock')).toMatchObject({ code: 200 });
  });

  it('the agent console, on the emulator\'s own origin, drives it and reads its state; its page breaks no CSP rule', async () => {
    const page = await context.newPage();
    await recordCspViolations(page);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
    });
    await page.goto(`${emulator.url}/agent`);
    const outcome = await page.evaluate(async () => {
      const invite = await fetch('/emulator/agent/invite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"mode":"VIDEO_CALL"}' });
      const state = await fetch('/emulator/state', { cache: 'no-store' });
      const body: unknown = await state.json();
      return { invite: invite.status, state: state.status, dialogs: JSON.stringify(body).includes('INVITED') };
    });
    expect(outcome).toEqual({ invite: 200, state: 200, dialogs: true });
    expect(callDialogs()).toBe(1);
    await page.waitForTimeout(1_500); // the console polls the state: let it run under the CSP
    expect(await cspViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('the console\'s cookie does not help a page of the same site on another port (it is sent there, and refused)', async () => {
    const consolePage = await context.newPage();
    await consolePage.goto(`${emulator.url}/agent`); // the cookie is set in this browser now
    const sameSite = await startForeignSite('127.0.0.1');
    const page = await context.newPage();
    await page.goto(`${sameSite.origin}/`);
    const status = await page.evaluate(async (emu: string) => {
      try {
        const res = await fetch(`${emu}/emulator/agent/invite`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"mode":"VIDEO_CALL"}' });
        return res.type;
      } catch {
        return 'blocked';
      }
    }, emulator.url);
    expect(status).toBe('opaque');
    expect(callDialogs()).toBe(0);
    await new Promise((resolve) => sameSite.server.close(resolve));
  });
});
