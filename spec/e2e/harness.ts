/**
 * Real-browser harness: Chromium through playwright-core, the emulator in-process serving the
 * sample SPA (`samples/spa/dist`, built by `npm run build`) with its agent console at `/agent`.
 * One scene = a fresh emulator + one browser context holding the visitor page and the agent
 * console (same origin, so the console's BroadcastChannel reaches the page).
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

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium (`$CHROMIUM_PATH`, default `/usr/bin/chromium`) after checking the build. */
export async function launchBrowser(): Promise<Browser> {
  const needed = [join(SAMPLE_DIR, 'index.html'), join(SAMPLE_DIR, 'app.js'), join(ROOT, 'packages', 'emulator', 'dist', 'browser', 'lptag.js')];
  const missing = needed.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`e2e: build first (npm run build); missing ${missing.join(', ')}`);
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`e2e: no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** `[data-testid="<id>"]` */
export const tid = (id: string): string => `[data-testid="${id}"]`;

export interface Scene {
  readonly emulator: RunningEmulator;
  readonly context: BrowserContext;
  /** The sample SPA, connected (its connection indicator says `open`). */
  readonly visitor: Page;
  /** The emulator's agent console. */
  readonly agent: Page;
}

async function openScene(browser: Browser, options: EmulatorOptions): Promise<{ scene: Scene; close: () => Promise<void>; pageErrors: string[] }> {
  const emulator = await startEmulator({ port: 0, ...options, staticDirs: [{ urlPrefix: '/', dir: SAMPLE_DIR }] });
  let context: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await context?.close();
    await emulator.close();
  };
  try {
    context = await browser.newContext({ viewport: { width: 1100, height: 620 } });
    context.setDefaultTimeout(WAIT_MS);
    const [visitor, agent] = await Promise.all([context.newPage(), context.newPage()]);
    const pageErrors: string[] = [];
    for (const [name, page] of [['visitor', visitor], ['agent', agent]] as const) page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    await Promise.all([visitor.goto(`${emulator.url}/`), agent.goto(`${emulator.url}/agent`)]);
    await connected(visitor);
    return { scene: { emulator, context, visitor, agent }, close, pageErrors };
  } catch (error: unknown) {
    await close();
    throw error;
  }
}

/**
 * Runs `body` in a fresh scene and always closes it. An uncaught error in either page fails the
 * test. On failure both pages are saved as `test-results/e2e/<name>-failed-{visitor,agent}.png`.
 */
export async function inScene(browser: Browser, name: string, options: EmulatorOptions, body: (scene: Scene) => Promise<void>): Promise<void> {
  const { scene, close, pageErrors } = await openScene(browser, options);
  try {
    await body(scene);
    if (pageErrors.length > 0) throw new Error(`uncaught errors in the pages:\n${pageErrors.join('\n')}`);
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
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  copyFileSync(path, join(ROOT, 'docs', name));
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
export const banner = (visitor: Page): Locator => visitor.locator(tid('invitation-banner'));

/**
 * Clicks `[data-testid=<testId>]` with the page in front: the two pages are tabs of one window, and
 * a background tab gets no animation frames, which Playwright's "stable" check waits for (~2 s).
 */
export async function clickOn(page: Page, testId: string): Promise<void> {
  await page.bringToFront();
  await page.click(tid(testId));
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

/** Sends a `sessionError` to the visitor page through the console (BroadcastChannel). */
export async function agentSendsError(agent: Page, id: string, message: string): Promise<void> {
  await agent.selectOption(tid('error-id'), id);
  await agent.fill(tid('error-message'), message);
  await clickOn(agent, 'send-error');
  await agent.locator(tid('result'), { hasText: `Sent sessionError ${id}` }).waitFor();
}
