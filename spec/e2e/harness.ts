/**
 * Real-browser harness: Chromium through playwright-core with fake capture devices and the fake
 * permission UI (no hardware, no prompt), the emulator in-process serving the sample SPA
 * (`samples/spa/dist`, built by `npm run build`) with its agent console at `/agent`.
 * One scene = a fresh emulator + two browser contexts (two windows, like two people): the visitor
 * page and the agent console. Uncaught errors and console errors in either page fail the scene.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from 'lp-call-streams-emulator';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLE_DIR = join(ROOT, 'samples', 'spa', 'dist');
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');
/** How long one DOM condition may take (generous: 2 cores, the stand-in polls every second). */
export const WAIT_MS = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A fake camera (a moving test pattern) and microphone (a beep), and getUserMedia never prompts.
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

/**
 * Launches headless Chromium (`$CHROMIUM_PATH`, default `/usr/bin/chromium`) after checking the build.
 * `fakeUi: false` drops `--use-fake-ui-for-media-stream`: then the site settings decide (a denied
 * camera makes getUserMedia fail, as for a user who blocked it).
 */
export async function launchBrowser(options: { readonly fakeUi?: boolean } = {}): Promise<Browser> {
  const needed = [join(SAMPLE_DIR, 'index.html'), join(SAMPLE_DIR, 'app.js'), join(ROOT, 'packages', 'emulator', 'dist', 'browser', 'lptag.js')];
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`e2e: build first (npm run build); missing ${missing.join(', ')}`);
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`e2e: no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const args = options.fakeUi === false ? CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream') : CHROMIUM_ARGS;
  return chromium.launch({ executablePath, headless: true, args });
}

/** `[data-testid="<id>"]` */
export const tid = (id: string): string => `[data-testid="${id}"]`;

export interface Scene {
  readonly emulator: RunningEmulator;
  /** The visitor's window (`visitor` is its page). */
  readonly context: BrowserContext;
  /** The sample SPA, connected (its connection indicator says `open`). */
  readonly visitor: Page;
  /** The emulator's agent console, in its own window. */
  readonly agent: Page;
}

/** How a scene's windows start. */
export interface SceneOptions {
  readonly emulator?: EmulatorOptions;
  /** Both windows' width (default 1100). */
  readonly width?: number;
  /**
   * The visitor's camera permission is denied (as in the site settings), before the page loads
   * (getUserMedia only fails with it in a browser launched with `fakeUi: false`).
   */
  readonly cameraDenied?: boolean;
  /** Runs in the visitor page before its own scripts (e.g. to remove WebRTC). */
  readonly visitorInitScript?: string;
  /** Console errors expected in the pages (e.g. the call app's log line for a failure it reports). */
  readonly allowConsoleErrors?: RegExp;
}

/** Denies (or sets) a permission for `origin` in the context of `page`, as the site settings would. The CDP session stays attached. */
export async function setPermission(context: BrowserContext, page: Page, origin: string, name: 'camera' | 'microphone', setting: 'granted' | 'denied' | 'prompt'): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.setPermission', { permission: { name }, setting, origin, browserContextId: targetInfo.browserContextId });
}

async function openScene(browser: Browser, options: SceneOptions): Promise<{ scene: Scene; close: () => Promise<void>; problems: string[] }> {
  const emulator = await startEmulator({ port: 0, ...options.emulator, staticDirs: [{ urlPrefix: '/', dir: SAMPLE_DIR }] });
  const contexts: BrowserContext[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(contexts.map((c) => c.close()));
    await emulator.close();
  };
  try {
    const viewport = { width: options.width ?? 1100, height: 800 };
    // Granted as in the site settings (what a browser without the fake permission UI goes by).
    const visitorPermissions = options.cameraDenied === true ? ['microphone'] : ['camera', 'microphone'];
    const [visitorContext, agentContext] = await Promise.all([
      browser.newContext({ viewport, permissions: visitorPermissions }),
      browser.newContext({ viewport, permissions: ['camera', 'microphone'] }),
    ]);
    contexts.push(visitorContext, agentContext);
    const [visitor, agent] = await Promise.all([visitorContext.newPage(), agentContext.newPage()]);
    const problems: string[] = [];
    for (const [name, page] of [['visitor', visitor], ['agent', agent]] as const) {
      page.setDefaultTimeout(WAIT_MS);
      page.on('pageerror', (error) => problems.push(`${name}: uncaught ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !(options.allowConsoleErrors?.test(message.text()) ?? false)) problems.push(`${name}: console error ${message.text()}`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/emulator/')) problems.push(`${name}: HTTP ${response.status()} ${response.url()}`);
      });
    }
    if (options.cameraDenied === true) await setPermission(visitorContext, visitor, emulator.url, 'camera', 'denied');
    if (options.visitorInitScript !== undefined) await visitor.addInitScript(options.visitorInitScript);
    await Promise.all([visitor.goto(`${emulator.url}/`), agent.goto(`${emulator.url}/agent`)]);
    await connected(visitor);
    return { scene: { emulator, context: visitorContext, visitor, agent }, close, problems };
  } catch (error: unknown) {
    await close();
    throw error;
  }
}

/**
 * Runs `body` in a fresh scene and always closes it. An uncaught error, a console error or an HTTP
 * error response (but the control API's answers) in either page fails the test. On failure both pages
 * are saved as `test-results/e2e/<name>-failed-{visitor,agent}.png`.
 */
export async function inScene(browser: Browser, name: string, options: SceneOptions, body: (scene: Scene) => Promise<void>): Promise<void> {
  const { scene, close, problems } = await openScene(browser, options);
  try {
    await body(scene);
    if (problems.length > 0) throw new Error(`problems in the pages:\n${problems.join('\n')}`);
  } catch (error: unknown) {
    await Promise.allSettled([screenshot(scene.visitor, `${name}-failed-visitor`), screenshot(scene.agent, `${name}-failed-agent`)]);
    throw error;
  } finally {
    await close();
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** With `E2E_UPDATE_DOCS=1`, copies a screenshot to `docs/<name>` (kept out of normal runs: it changes every time). */
export function updateDocsImage(path: string, name: string): void {
  if (process.env['E2E_UPDATE_DOCS'] !== '1') return;
  // The emulator package ships them with its README (the console and the sample page are its pages).
  const docs = join(ROOT, 'packages', 'emulator', 'docs');
  mkdirSync(docs, { recursive: true });
  copyFileSync(path, join(docs, name));
}

/**
 * Launches Chromium for the calling spec file (beforeAll) and closes it (afterAll); returns the
 * function that runs a scene in it.
 */
export function sceneRunner(): (name: string, options: SceneOptions, body: (scene: Scene) => Promise<void>) => Promise<void> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (name, options, body) => {
    if (browser === undefined) throw new Error('e2e: the browser did not start');
    return inScene(browser, name, options, body);
  };
}

// ─── The visitor page ────────────────────────────────────────────────────────────────────────

export const connected = (visitor: Page): Promise<void> => visitor.locator(`${tid('connection-state')}[data-status="open"]`).waitFor();

/** Waits for the session to reach `status`; returns its text (e.g. `ended (hangup)`). */
export async function sessionReaches(visitor: Page, status: string): Promise<string> {
  const output = visitor.locator(`${tid('session-state')}[data-status="${status}"]`);
  await output.waitFor();
  return output.innerText();
}

/** The event log's entries of one stream (`data-stream`), optionally with `text`. */
export const logEntries = (visitor: Page, stream: string, text?: string | RegExp): Locator =>
  visitor.locator(`${tid('event-log')} li[data-stream="${stream}"]`, text === undefined ? {} : { hasText: text });

export const callContainer = (visitor: Page): Locator => visitor.locator(`${tid('call-area')} > .lp_cobrowse_callscreen_container`);
export const callScreen = (visitor: Page): Locator => callContainer(visitor).locator('[data-testid="lp-standin-call-screen"]');
/** The call screen's status (`data-status`: starting, waiting, connecting, connected, …) of the visitor (`lp-standin`) or the agent (`agent`). */
export const callStatus = (page: Page, side: 'lp-standin' | 'agent', status: string): Locator => page.locator(`[data-testid="${side}-call-screen"][data-status="${status}"]`);
export const banner = (visitor: Page): Locator => visitor.locator(tid('invitation-banner'));

/** Clicks `[data-testid=<testId>]`. */
export async function clickOn(page: Page, testId: string): Promise<void> {
  await page.click(tid(testId));
}

/** Conversation, then an invitation of `button` (invite-video / invite-voice) on the visitor's banner, answered by nobody yet. */
export async function invited({ visitor, agent }: Scene, button: 'invite-video' | 'invite-voice'): Promise<void> {
  await startConversation(visitor);
  await agentDoes(agent, button);
  await banner(visitor).waitFor();
  await sessionReaches(visitor, 'offered');
}

/** Starts the chat conversation (the agent's invitations need one). */
export async function startConversation(visitor: Page): Promise<void> {
  await clickOn(visitor, 'chat-start');
  await visitor.locator(`${tid('chat-start')}:disabled`).waitFor();
}

/**
 * Records in the page (attribute `data-e2e-seen` on `<html>`) the text of the first element matching
 * `selector` that appears from now on: a MutationObserver, so even a short-lived element is caught.
 */
export async function watchFor(page: Page, selector: string): Promise<Locator> {
  await page.evaluate((sel) => {
    const root = document.documentElement;
    root.removeAttribute('data-e2e-seen');
    const observer = new MutationObserver(() => {
      const found = document.querySelector(sel);
      if (found === null) return;
      root.setAttribute('data-e2e-seen', found.textContent ?? '');
      observer.disconnect();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, selector);
  return page.locator('html[data-e2e-seen]');
}

// ─── The agent console ───────────────────────────────────────────────────────────────────────

/** Clicks an agent console button and waits for its control request to succeed. */
export async function agentDoes(agent: Page, testId: string): Promise<void> {
  const [response] = await Promise.all([
    agent.waitForResponse((r) => r.request().method() === 'POST' && /\/emulator\//.test(new URL(r.url()).pathname)),
    clickOn(agent, testId),
  ]);
  if (!response.ok()) throw new Error(`agent ${testId}: HTTP ${response.status()} ${await response.text()}`);
}

/** Sends a `sessionError` to the visitor page through the console (the control API). */
export async function agentSendsError(agent: Page, id: string, message: string): Promise<void> {
  await agent.selectOption(tid('error-id'), id);
  await agent.fill(tid('error-message'), message);
  await agentDoes(agent, 'send-error');
  await agent.locator(tid('result'), { hasText: `Sent sessionError ${id} to 1 visitor page(s).` }).waitFor();
}

/** The `<video>`/`<audio>` `testId` of `page`: playing, its size and position, and its tracks (kind, state, muted). */
export function mediaOf(page: Page, testId: string): Promise<{ readonly playing: boolean; readonly width: number; readonly height: number; readonly time: number; readonly tracks: readonly { readonly kind: string; readonly state: string; readonly muted: boolean }[] } | undefined> {
  return page.evaluate((id) => {
    const element = document.querySelector(`[data-testid="${id}"]`);
    if (!(element instanceof HTMLMediaElement)) return undefined;
    const stream = element.srcObject instanceof MediaStream ? element.srcObject : undefined;
    return {
      playing: !element.paused && element.readyState >= 2,
      width: element instanceof HTMLVideoElement ? element.videoWidth : 0,
      height: element instanceof HTMLVideoElement ? element.videoHeight : 0,
      time: element.currentTime,
      tracks: (stream?.getTracks() ?? []).map((t) => ({ kind: t.kind, state: t.readyState, muted: t.muted })),
    };
  }, testId);
}

/** Waits until the video `testId` plays with a picture and its time moves on; returns two readings. */
export async function videoPlays(page: Page, testId: string): Promise<{ width: number; height: number; before: number; after: number }> {
  await page.waitForFunction(
    (id) => {
      const v = document.querySelector(`[data-testid="${id}"]`);
      return v instanceof HTMLVideoElement && !v.paused && v.videoWidth > 0 && v.currentTime > 0;
    },
    testId,
    { timeout: WAIT_MS },
  );
  const first = await mediaOf(page, testId);
  await page.waitForTimeout(600);
  const second = await mediaOf(page, testId);
  return { width: second?.width ?? 0, height: second?.height ?? 0, before: first?.time ?? 0, after: second?.time ?? 0 };
}

/** The width the page's content needs (a page that fits has no horizontal scroll). */
export const contentWidth = (page: Page): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth);
