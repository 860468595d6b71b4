/** @jest-environment node */
/**
 * Call readiness in a real Chromium: rxjs's UMD and the library's UMD bundle (dist/bundle, needs
 * `npm run build`) in a page served over http by this process; fake capture devices
 * (`--use-fake-device-for-media-stream`); permissions set through Playwright and CDP
 * (`Browser.setPermission`), as a user flipping them in the site settings would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { CallPermissionResult, CallReadiness, CallReadinessStatus, IceCheckResult } from '../../lib/readiness';

jest.setTimeout(30_000);

const ROOT = resolve(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'lp-call-streams.umd.js');
const RXJS = join(ROOT, 'node_modules', 'rxjs', 'dist', 'bundles', 'rxjs.umd.min.js');
const WAIT_MS = 10_000;
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// insecure.test resolves to this server too, but is not localhost: an insecure context.
const FAKE_MEDIA_ARGS = [...BASE_ARGS, '--use-fake-device-for-media-stream', '--host-resolver-rules=MAP insecure.test 127.0.0.1'];

/** What the test page holds: the library's global, and the readiness values seen per watch. */
interface PageGlobals {
  LpCallStreams: typeof import('../../lib/bundle');
  seen: Record<string, CallReadiness[]>;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>readiness</title><script src="/rxjs.js"></script><script src="/lp-call-streams.js"></script>';

function serve(): Promise<{ server: Server; port: number }> {
  if (!existsSync(BUNDLE)) throw new Error(`e2e: build first (npm run build); missing ${BUNDLE}`);
  const files = new Map<string, [string, string | Buffer]>([
    ['/', ['text/html', PAGE]],
    ['/rxjs.js', ['text/javascript', readFileSync(RXJS)]],
    ['/lp-call-streams.js', ['text/javascript', readFileSync(BUNDLE)]],
  ]);
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    if (!file) return void res.writeHead(204).end(); // favicon: no 404 in the console
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as AddressInfo).port })));
}

function launch(args: string[]): Promise<Browser> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`e2e: no Chromium at ${executablePath}; install it or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath, headless: true, args });
}

/** Opens the test page at `origin`; uncaught page errors are collected into `errors`. */
async function openPage(context: BrowserContext, origin: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${origin}/`);
  return page;
}

/** Subscribes `callReadiness(mode)` in the page; its values collect under `name`. */
const watch = (page: Page, name: string, mode: 'VOICE_CALL' | 'VIDEO_CALL'): Promise<void> =>
  page.evaluate(([name, mode]) => {
    const g = window as unknown as PageGlobals;
    g.seen = { ...g.seen, [name]: [] };
    g.LpCallStreams.callReadiness(mode).subscribe((value) => g.seen[name]?.push(value));
  }, [name, mode] as const);

/** Waits until the latest value under `name` has `status`; returns every value seen so far. */
async function reaches(page: Page, name: string, status: CallReadinessStatus): Promise<CallReadiness[]> {
  await page.waitForFunction(([name, status]) => (window as unknown as PageGlobals).seen[name]?.at(-1)?.status === status, [name, status] as const, { timeout: WAIT_MS });
  return page.evaluate((name) => (window as unknown as PageGlobals).seen[name] ?? [], name);
}

/**
 * Sets a permission for `origin` in the page's browser context, as the site settings would. The
 * CDP session stays attached: after a detach the override was gone (seen with Chromium 156).
 */
async function setPermission(context: BrowserContext, page: Page, origin: string, name: 'camera' | 'microphone', setting: 'granted' | 'denied' | 'prompt'): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = await cdp.send('Target.getTargetInfo');
  await cdp.send('Browser.setPermission', { permission: { name }, setting, origin, browserContextId: targetInfo.browserContextId });
}

const granted = { permission: 'granted', permissionSource: 'permissions-api', device: 'present' };
const FULL_SUPPORT = { secureContext: true, peerConnection: true, getUserMedia: true, enumerateDevices: true, permissionsApi: true };

let server: Server | undefined;
let origin = '';

beforeAll(async () => {
  const served = await serve();
  server = served.server;
  origin = `http://127.0.0.1:${served.port}`;
});

afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe('callReadiness in Chromium with fake devices and the fake permission UI', () => {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launch([...FAKE_MEDIA_ARGS, '--use-fake-ui-for-media-stream']);
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    errors.length = 0;
    context = await browser?.newContext();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });
  const ctx = (): BrowserContext => {
    if (!context) throw new Error('no browser context');
    return context;
  };

  // With --use-fake-ui-for-media-stream Chromium already answers 'granted' before any grant; the
  // grant makes the test independent of that flag's side effect.
  it('VIDEO_CALL is ready once camera and microphone are granted', async () => {
    await ctx().grantPermissions(['camera', 'microphone'], { origin });
    const page = await openPage(ctx(), origin, errors);
    await watch(page, 'video', 'VIDEO_CALL');
    const seen = await reaches(page, 'video', 'ready');
    expect(seen).toEqual([{ status: 'ready', mode: 'VIDEO_CALL', support: FULL_SUPPORT, media: { camera: granted, microphone: granted } }]);
  });

  it('a camera denied in the site settings blocks the video call live, not the voice call; allowing it again makes it ready', async () => {
    await ctx().grantPermissions(['camera', 'microphone'], { origin });
    const page = await openPage(ctx(), origin, errors);
    await watch(page, 'video', 'VIDEO_CALL');
    await watch(page, 'voice', 'VOICE_CALL');
    await reaches(page, 'video', 'ready');
    await setPermission(ctx(), page, origin, 'camera', 'denied');
    const blocked = (await reaches(page, 'video', 'blocked')).at(-1);
    expect(blocked).toMatchObject({ status: 'blocked', reason: 'permission-denied', kinds: ['camera'], media: { camera: { permission: 'denied' }, microphone: granted } });
    await setPermission(ctx(), page, origin, 'camera', 'granted');
    expect((await reaches(page, 'video', 'ready')).map((r) => r.status)).toEqual(['ready', 'blocked', 'ready']);
    expect((await reaches(page, 'voice', 'ready')).map((r) => r.status)).toEqual(['ready']);
  });

  it('a camera denied before the page loads: the first value already says so', async () => {
    const page = await ctx().newPage();
    await setPermission(ctx(), page, origin, 'camera', 'denied');
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await watch(page, 'video', 'VIDEO_CALL');
    const seen = await reaches(page, 'video', 'blocked');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 'blocked', reason: 'permission-denied', kinds: ['camera'] });
  });

  it('requestCallPermission is answered by the fake UI: granted', async () => {
    const page = await openPage(ctx(), origin, errors);
    const result = await page.evaluate(() => new Promise<CallPermissionResult>((done) => (window as unknown as PageGlobals).LpCallStreams.requestCallPermission('VIDEO_CALL').subscribe(done)));
    expect(result).toEqual({ outcome: 'granted', mode: 'VIDEO_CALL', kinds: ['camera', 'microphone'] });
  });

  it('a page over plain http that is not localhost is blocked: insecure-context', async () => {
    const port = new URL(origin).port;
    const page = await openPage(ctx(), `http://insecure.test:${port}`, errors);
    await watch(page, 'voice', 'VOICE_CALL');
    const seen = await reaches(page, 'voice', 'blocked');
    expect(seen).toEqual([{ status: 'blocked', reason: 'insecure-context', mode: 'VOICE_CALL', media: {}, support: { ...FULL_SUPPORT, secureContext: false, getUserMedia: false, enumerateDevices: false } }]);
  });

  it('checkIceServers gathers with a real RTCPeerConnection: no ICE servers, so no srflx and no relay', async () => {
    const page = await openPage(ctx(), origin, errors);
    const result = await page.evaluate(() => new Promise<IceCheckResult>((done) => (window as unknown as PageGlobals).LpCallStreams.checkIceServers([], { timeoutMs: 5000 }).subscribe(done)));
    expect(result).toMatchObject({ ended: 'complete', candidates: { srflx: 0, relay: 0 } });
    expect(['host-only', 'none']).toContain(result.status);
  });
});

describe('callReadiness in Chromium without the fake permission UI (a first-time visitor)', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launch(FAKE_MEDIA_ARGS);
  });
  afterAll(async () => browser?.close());

  it('prompt for both kinds; refusing the prompt (headless refuses) turns it into blocked, live', async () => {
    const context = await browser?.newContext();
    if (!context) throw new Error('no browser');
    const errors: string[] = [];
    try {
      const page = await openPage(context, origin, errors);
      await watch(page, 'video', 'VIDEO_CALL');
      const [first] = await reaches(page, 'video', 'prompt');
      expect(first).toMatchObject({ status: 'prompt', kinds: ['camera', 'microphone'], media: { camera: { permission: 'prompt', device: 'present' }, microphone: { permission: 'prompt', device: 'present' } } });
      const result = await page.evaluate(() => new Promise<CallPermissionResult>((done) => (window as unknown as PageGlobals).LpCallStreams.requestCallPermission('VIDEO_CALL').subscribe(done)));
      expect(result).toEqual({ outcome: 'failed', mode: 'VIDEO_CALL', kinds: ['camera', 'microphone'], reason: 'permission-denied', errorName: 'NotAllowedError', message: 'Permission denied' });
      const seen = await reaches(page, 'video', 'blocked');
      expect(seen.map((r) => r.status)).toEqual(['prompt', 'blocked']);
      expect(seen[1]).toMatchObject({ reason: 'permission-denied', kinds: ['camera', 'microphone'] });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
