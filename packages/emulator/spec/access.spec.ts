/** @jest-environment node */
import { describeEmulator, startEmulator, type RunningEmulator } from '../lib';
import { createAccessPolicy } from '../lib/access';
import { startHarness, stopHarnesses } from './harness';
import { connectConsumer, httpJson, RawClient, requestConversation, rawHttp } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const FOREIGN = 'https://evil.example';
const own = (emulator: RunningEmulator): string => `http://127.0.0.1:${emulator.port}`;
const post = (emulator: RunningEmulator, path: string, headers: Record<string, string> = {}, body: unknown = {}) => httpJson('POST', `${emulator.url}${path}`, body, headers);

/** What a same-origin fetch of the agent console sends (Chromium). */
const consoleFetch = (emulator: RunningEmulator, cookie?: string): Record<string, string> => ({
  Origin: own(emulator),
  'Sec-Fetch-Site': 'same-origin',
  'Sec-Fetch-Mode': 'cors',
  ...(cookie === undefined ? {} : { Cookie: cookie }),
});

/** The console's cookie, as GET /agent sets it. */
async function consoleCookie(emulator: RunningEmulator, headers: Record<string, string> = {}, query = ''): Promise<string | undefined> {
  const res = await httpJson('GET', `${emulator.url}/agent${query}`, undefined, headers);
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  return first?.split(';')[0];
}

describe('CORS: the emulator\'s own origin and the ones the developer lists, nothing else', () => {
  it('answers its own origin with that origin (never *), and refuses a foreign one with 403 and no CORS headers', async () => {
    const { emulator } = await startHarness();
    const mine = await httpJson('POST', `${emulator.url}/api/account/${ACCOUNT}/signup`, undefined, { Origin: own(emulator) });
    expect(mine.status).toBe(200);
    expect(mine.headers).toMatchObject({ 'access-control-allow-origin': own(emulator), vary: expect.stringContaining('Origin') });
    const localhost = await httpJson('GET', `${emulator.url}/api/account/${ACCOUNT}/service/idp/baseURI.json?version=1.0`, undefined, { Origin: `http://localhost:${emulator.port}` });
    expect(localhost.headers['access-control-allow-origin']).toBe(`http://localhost:${emulator.port}`);
    const foreign = await httpJson('POST', `${emulator.url}/api/account/${ACCOUNT}/signup`, undefined, { Origin: FOREIGN });
    expect(foreign).toMatchObject({ status: 403, json: { error: expect.stringContaining('--allow-origin') } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.stringify(foreign.json)).not.toContain('eyJ');
  });

  it('lets origins listed in allowOrigins in (Domain API, IdP, socket), still without the control', async () => {
    const { emulator } = await startHarness({ allowOrigins: ['http://localhost:3000'] });
    const signup = await httpJson('POST', `${emulator.url}/api/account/${ACCOUNT}/signup`, undefined, { Origin: 'http://localhost:3000' });
    expect(signup).toMatchObject({ status: 200, headers: { 'access-control-allow-origin': 'http://localhost:3000' } });
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT), { Origin: 'http://localhost:3000' });
    client.close();
    const invite = await post(emulator, '/emulator/agent/invite', { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-site' }, { mode: 'VIDEO_CALL' });
    expect(invite).toMatchObject({ status: 401, json: { error: expect.stringContaining('secret') } });
  });

  it('answers a preflight from an allowed origin with a fixed header list (not an echo), and no Private Network Access opt-in', async () => {
    const { emulator } = await startHarness();
    const preflight = await httpJson('OPTIONS', `${emulator.url}/emulator/agent/invite`, undefined, {
      Origin: own(emulator),
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, x-evil',
      'Access-Control-Request-Private-Network': 'true',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('Content-Type, X-Emulator-Secret');
    expect(preflight.headers['access-control-allow-private-network']).toBeUndefined();
    const foreign = await httpJson('OPTIONS', `${emulator.url}/emulator/agent/invite`, undefined, { Origin: FOREIGN, 'Access-Control-Request-Method': 'POST' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opts in to Private Network Access only when asked, and only for allowed origins', async () => {
    const { emulator } = await startHarness({ allowPrivateNetwork: true, allowOrigins: ['https://brand.example'] });
    const ask = { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Private-Network': 'true' };
    const allowed = await httpJson('OPTIONS', `${emulator.url}/api/account/${ACCOUNT}/signup`, undefined, { Origin: 'https://brand.example', ...ask });
    expect(allowed.headers['access-control-allow-private-network']).toBe('true');
    const foreign = await httpJson('OPTIONS', `${emulator.url}/api/account/${ACCOUNT}/signup`, undefined, { Origin: FOREIGN, ...ask });
    expect(foreign.headers['access-control-allow-private-network']).toBeUndefined();
  });
});

describe('the WebSocket upgrade checks Origin by the same rule', () => {
  it('refuses a foreign origin (403) and accepts its own, a listed one, and none (native clients)', async () => {
    const { emulator } = await startHarness({ allowOrigins: ['https://brand.example'] });
    await expect(RawClient.open(emulator.socketUrl(ACCOUNT), { Origin: FOREIGN })).rejects.toThrow('upgrade refused: 403');
    for (const origin of [own(emulator), `http://localhost:${emulator.port}`, 'https://brand.example', undefined]) {
      const client = await RawClient.open(emulator.socketUrl(ACCOUNT), origin === undefined ? {} : { Origin: origin });
      client.close();
    }
  });
});

describe('Host: only the emulator\'s own names (no DNS rebinding)', () => {
  it('refuses a request or an upgrade for another Host with 421, without echoing it', async () => {
    const { emulator } = await startHarness();
    const reply = await rawHttp(emulator.port, 'GET /agent HTTP/1.1\r\nHost: rebind.evil.example:80\r\nConnection: close\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 421/);
    expect(reply).not.toContain('rebind');
    expect(reply).not.toContain('set-cookie');
    const upgrade = await rawHttp(
      emulator.port,
      `GET /ws_api/account/${ACCOUNT}/messaging/consumer?v=3 HTTP/1.1\r\nHost: rebind.evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(upgrade).toMatch(/^HTTP\/1\.1 421/);
    for (const host of [`127.0.0.1:${emulator.port}`, `localhost:${emulator.port}`, `LOCALHOST:${emulator.port}`]) {
      expect(await rawHttp(emulator.port, `GET /api/account/1/service/idp/baseURI.json?version=1.0 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 200/);
    }
  });

  it('accepts the configured public host', async () => {
    const { emulator } = await startHarness({ publicHost: 'emulator.test:8443' });
    expect(await rawHttp(emulator.port, 'GET /api/account/1/service/idp/baseURI.json?version=1.0 HTTP/1.1\r\nHost: emulator.test:8443\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('agent control needs the per-run secret', () => {
  it('a program on this machine (no Origin, no Sec-Fetch-*) drives it as before: the test kit and local curl', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    expect(await post(emulator, '/emulator/agent/invite', {}, { mode: 'VIDEO_CALL' })).toMatchObject({ status: 200 });
    expect((await httpJson('GET', `${emulator.url}/emulator/state`)).status).toBe(200);
  });

  it('a browser request needs the secret, in the header or in the console\'s cookie on a same-origin request', async () => {
    const { emulator } = await startHarness();
    expect(await post(emulator, '/emulator/expire-tokens', consoleFetch(emulator))).toMatchObject({ status: 401, json: { error: expect.stringContaining('secret') } });
    expect((await httpJson('GET', `${emulator.url}/emulator/state`, undefined, consoleFetch(emulator))).status).toBe(401);
    const cookie = await consoleCookie(emulator);
    expect(cookie).toBe(`lp_emulator_secret_${emulator.port}=${emulator.controlSecret}`);
    expect(await post(emulator, '/emulator/expire-tokens', consoleFetch(emulator, cookie))).toMatchObject({ status: 200 });
    expect((await httpJson('GET', `${emulator.url}/emulator/state`, undefined, consoleFetch(emulator, cookie))).status).toBe(200);
    // The cookie travels to every port of the host; it counts only on the emulator's own pages.
    expect((await post(emulator, '/emulator/expire-tokens', { ...consoleFetch(emulator, cookie), 'Sec-Fetch-Site': 'same-site' })).status).toBe(401);
    expect((await post(emulator, '/emulator/expire-tokens', { ...consoleFetch(emulator), 'X-Emulator-Secret': emulator.controlSecret })).status).toBe(200);
    expect((await post(emulator, '/emulator/expire-tokens', { ...consoleFetch(emulator), 'X-Emulator-Secret': 'wrong' })).status).toBe(401);
  });

  it('a foreign origin never drives it, secret or not', async () => {
    const { emulator } = await startHarness();
    const res = await post(emulator, '/emulator/drop-sockets', { Origin: FOREIGN, 'X-Emulator-Secret': emulator.controlSecret });
    expect(res.status).toBe(403);
  });

  it('the console\'s cookie is handed out on this machine only: a forwarded request (a tunnel, a proxy) needs ?secret=', async () => {
    const { emulator } = await startHarness();
    expect(await consoleCookie(emulator, { 'X-Forwarded-For': '203.0.113.7' })).toBeUndefined();
    expect(await consoleCookie(emulator, { 'X-Forwarded-For': '203.0.113.7' }, '?secret=wrong')).toBeUndefined();
    expect(await consoleCookie(emulator, { 'X-Forwarded-For': '203.0.113.7' }, `?secret=${emulator.controlSecret}`)).toBe(`lp_emulator_secret_${emulator.port}=${emulator.controlSecret}`);
    expect((await post(emulator, '/emulator/expire-tokens', { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(401);
    expect((await post(emulator, '/emulator/expire-tokens', { 'X-Forwarded-For': '203.0.113.7', 'X-Emulator-Secret': emulator.controlSecret })).status).toBe(200);
  });

  it('with strictControl nothing is exempt: local programs and the console need the secret too', async () => {
    const { emulator } = await startHarness({ strictControl: true, controlSecret: 's3cret-s3cret-s3cret' });
    expect(emulator.controlSecret).toBe('s3cret-s3cret-s3cret');
    expect((await post(emulator, '/emulator/expire-tokens')).status).toBe(401);
    expect((await post(emulator, '/emulator/expire-tokens', { 'X-Emulator-Secret': 's3cret-s3cret-s3cret' })).status).toBe(200);
    expect(await consoleCookie(emulator)).toBeUndefined();
    expect(await consoleCookie(emulator, {}, '?secret=s3cret-s3cret-s3cret')).toBe(`lp_emulator_secret_${emulator.port}=s3cret-s3cret-s3cret`);
  });

  it('the cookie is HttpOnly, SameSite=Strict and scoped to /emulator', async () => {
    const { emulator } = await startHarness();
    const res = await httpJson('GET', `${emulator.url}/agent`);
    expect(res.headers['set-cookie']).toEqual([expect.stringMatching(/; Path=\/emulator; HttpOnly; SameSite=Strict$/)]);
  });

  it('what a visitor page needs stays open to allowed origins without the secret: Domain API, IdP, decline', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const page = { Origin: own(emulator), 'Sec-Fetch-Site': 'same-origin' };
    expect(await post(emulator, '/emulator/agent/decline', page)).toMatchObject({ status: 200, json: { sessionState: 'CLOSED' } });
  });
});

describe('pages and answers are not sniffed, framed or leaky', () => {
  it('every answer says nosniff; a page carries a CSP that allows only the emulator and blocks framing', async () => {
    const { emulator } = await startHarness();
    const json = await httpJson('GET', `${emulator.url}/nowhere`);
    expect(json.headers['x-content-type-options']).toBe('nosniff');
    const page = await httpJson('GET', `${emulator.url}/agent`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' http://127.0.0.1:${emulator.port} ws://127.0.0.1:${emulator.port}`);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('the CLI output carries the secret', () => {
  it('prints the curl lines with the secret header', () => {
    const text = describeEmulator('http://127.0.0.1:8080', '123456', 'abc123').join('\n');
    expect(text).toContain("curl -X POST http://127.0.0.1:8080/emulator/agent/invite -H 'X-Emulator-Secret: abc123'");
    expect(text).toContain("curl -H 'X-Emulator-Secret: abc123' http://127.0.0.1:8080/emulator/state");
  });
});

describe('the access options are checked at start', () => {
  it('refuses an allowOrigins entry that is not an exact origin, and a short or odd controlSecret', async () => {
    await expect(startEmulator({ allowOrigins: ['http://localhost:3000/'] })).rejects.toThrow(/not an origin/);
    await expect(startEmulator({ allowOrigins: ['localhost:3000'] })).rejects.toThrow(/not an origin/);
    await expect(startEmulator({ controlSecret: 'short' })).rejects.toThrow(/controlSecret/);
    await expect(startEmulator({ controlSecret: 'has spaces in it, sixteen+' })).rejects.toThrow(/controlSecret/);
  });
});

describe('a staticDirs entry chooses its pages\' CSP', () => {
  it('replaces it with its own, or sends none', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'emu-csp-'));
    writeFileSync(join(dir, 'index.html'), '<p>page</p>');
    const { emulator } = await startHarness({ staticDirs: [{ urlPrefix: '/own', dir, csp: "default-src 'none'" }, { urlPrefix: '/none', dir, csp: false }, { urlPrefix: '/default', dir }] });
    expect((await httpJson('GET', `${emulator.url}/own/`)).headers['content-security-policy']).toBe("default-src 'none'");
    const none = await httpJson('GET', `${emulator.url}/none/`);
    expect(none.headers['content-security-policy']).toBeUndefined();
    expect(none.headers['x-content-type-options']).toBe('nosniff');
    expect((await httpJson('GET', `${emulator.url}/default/`)).headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('createAccessPolicy: the names the emulator answers to', () => {
  const policy = (host: string, port: number, publicHost?: string) =>
    createAccessPolicy({ controlSecret: 'x'.repeat(16), allowOrigins: [], allowPrivateNetwork: false, strictControl: false }, () => ({ host, port, publicHost }));

  it('loopback and wildcard binds answer to the loopback names; a specific address to itself; publicHost always', () => {
    expect(policy('127.0.0.1', 8080).ownHosts()).toEqual(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080']);
    expect(policy('0.0.0.0', 8080, 'dev.example:8080').ownHosts()).toEqual(['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'dev.example:8080']);
    expect(policy('::1', 9000).ownHosts()).toContain('[::1]:9000');
    expect(policy('192.168.1.5', 8080).ownHosts()).toEqual(['192.168.1.5:8080']);
  });

  it('on port 80 the bare names too (browsers leave the default port out)', () => {
    expect(policy('127.0.0.1', 80).ownHosts()).toEqual(expect.arrayContaining(['localhost', 'localhost:80', '127.0.0.1']));
  });

  it('own origins are http:// of each name (and https:// of publicHost), then allowOrigins', () => {
    const withPublic = createAccessPolicy({ controlSecret: 'x'.repeat(16), allowOrigins: ['null'], allowPrivateNetwork: false, strictControl: false }, () => ({ host: '127.0.0.1', port: 1, publicHost: 'dev.example:443' }));
    expect(withPublic.ownHosts()).toEqual(['127.0.0.1:1', 'localhost:1', '[::1]:1', 'dev.example:443', 'dev.example']);
    expect(withPublic.allowedOrigins()).toEqual([
      'http://127.0.0.1:1',
      'http://localhost:1',
      'http://[::1]:1',
      'http://dev.example:443',
      'https://dev.example:443',
      'http://dev.example',
      'https://dev.example',
      'null',
    ]);
  });
});
