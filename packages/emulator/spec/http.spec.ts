/** @jest-environment node */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, stopHarnesses } from './harness';
import type { Json } from '../lib/json';
import { parseJson } from '../lib/narrow';
import { at, httpJson, RawClient, rawHttp } from './raw-client';

afterEach(stopHarnesses);

function claimsOf(jwt: unknown): Json | undefined {
  if (typeof jwt !== 'string') throw new Error('no jwt');
  const parsed = parseJson(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return parsed.ok ? parsed.value : undefined;
}

describe('Domain API', () => {
  it('answers asyncMessagingEnt and idp with this server', async () => {
    const { emulator } = await startHarness();
    for (const service of ['asyncMessagingEnt', 'idp']) {
      const res = await httpJson('GET', `${emulator.url}/api/account/123456/service/${service}/baseURI.json?version=1.0`);
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ service, account: '123456', baseURI: `127.0.0.1:${emulator.port}` });
    }
  });

  it('answers the all-services form', async () => {
    const { emulator } = await startHarness();
    const res = await httpJson('GET', `${emulator.url}/api/account/123456/service/baseURI.json?version=1.0`);
    expect(res.json).toEqual({
      baseURIs: [
        { service: 'asyncMessagingEnt', account: '123456', baseURI: `127.0.0.1:${emulator.port}` },
        { service: 'idp', account: '123456', baseURI: `127.0.0.1:${emulator.port}` },
      ],
    });
  });

  it('answers its own address whatever Host the client sent (see host-and-files.spec.ts)', async () => {
    const { emulator } = await startHarness();
    const reply = await rawHttp(
      emulator.port,
      `GET /api/account/1/service/idp/baseURI.json?version=1.0 HTTP/1.1\r\nHost: localhost:${emulator.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toContain(`"baseURI":"127.0.0.1:${emulator.port}"`);
  });

  it('refuses a missing version (400), an unknown service (404) and a bad account id (400)', async () => {
    const { emulator } = await startHarness();
    expect((await httpJson('GET', `${emulator.url}/api/account/1/service/idp/baseURI.json`)).status).toBe(400);
    const unknown = await httpJson('GET', `${emulator.url}/api/account/1/service/nope/baseURI.json?version=1.0`);
    expect(unknown).toMatchObject({ status: 404, json: { error: 'service not emulated: nope' } });
    expect((await httpJson('GET', `${emulator.url}/api/account/a%20b/service/idp/baseURI.json?version=1.0`)).status).toBe(400);
  });
});

describe('IdP', () => {
  it('signup returns a signed JWT with sub, aud acc:<account>, iss, iat and exp', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: 3_600_000 });
    const res = await httpJson('POST', `${emulator.url}/api/account/123456/signup`);
    expect(res.status).toBe(200);
    const claims = claimsOf(at(res.json, 'jwt'));
    const iat = Math.floor(clock.now() / 1000);
    expect(claims).toEqual({ sub: expect.stringMatching(/^[0-9a-f-]{36}$/), aud: 'acc:123456', iss: expect.any(String), iat, exp: iat + 3600, jti: expect.any(String) });
  });

  it('signup gives a new consumer each time', async () => {
    const { emulator } = await startHarness();
    const one = claimsOf(at((await httpJson('POST', `${emulator.url}/api/account/1/signup`)).json, 'jwt'));
    const two = claimsOf(at((await httpJson('POST', `${emulator.url}/api/account/1/signup`)).json, 'jwt'));
    expect(at(one, 'sub')).not.toEqual(at(two, 'sub'));
  });

  it('authenticate derives a stable consumer id from the authCode', async () => {
    const { emulator } = await startHarness();
    const auth = async (authCode: string) => claimsOf(at((await httpJson('POST', `${emulator.url}/api/account/1/authenticate`, { authCode })).json, 'jwt'));
    const alice1 = await auth('alice-code');
    const alice2 = await auth('alice-code');
    const bob = await auth('bob-code');
    expect(alice1).toMatchObject({ aud: 'acc:1' });
    expect(at(alice1, 'sub')).toEqual(at(alice2, 'sub'));
    expect(at(alice1, 'sub')).not.toEqual(at(bob, 'sub'));
  });

  it('authenticate without an authCode or with a malformed body is a 400', async () => {
    const { emulator } = await startHarness();
    expect(await httpJson('POST', `${emulator.url}/api/account/1/authenticate`, {})).toMatchObject({ status: 400, json: { error: expect.stringContaining('authCode') } });
    expect(await httpJson('POST', `${emulator.url}/api/account/1/authenticate`, '{oops')).toMatchObject({ status: 400, json: { error: 'malformed JSON body' } });
  });
});

describe('HTTP plumbing', () => {
  it('puts CORS headers for its own origin on every response, errors included, and answers preflight (foreign origins: access.spec.ts)', async () => {
    const { emulator } = await startHarness();
    const origin = `http://127.0.0.1:${emulator.port}`;
    const ok = await httpJson('POST', `${emulator.url}/api/account/1/signup`, undefined, { Origin: origin });
    const missing = await httpJson('GET', `${emulator.url}/nowhere`, undefined, { Origin: origin });
    expect(ok.headers['access-control-allow-origin']).toBe(origin);
    expect(missing).toMatchObject({ status: 404, json: { error: 'not found: GET /nowhere' } });
    expect(missing.headers['access-control-allow-origin']).toBe(origin);
    const preflight = await httpJson('OPTIONS', `${emulator.url}/emulator/agent/invite`, undefined, {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': origin,
      'access-control-allow-methods': expect.stringContaining('POST'),
      'access-control-allow-headers': 'Content-Type, X-Emulator-Secret',
    });
  });

  it('answers 405 with Allow for a known path and a wrong method', async () => {
    const { emulator } = await startHarness();
    const res = await httpJson('GET', `${emulator.url}/api/account/1/signup`);
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('POST, OPTIONS');
  });

  it('serves extra routes with params and the running emulator', async () => {
    const { emulator } = await startHarness({
      routes: [{ method: 'GET', path: '/hello/:name', handler: (ctx) => ctx.json(200, { hello: ctx.params['name'] ?? '', port: ctx.emulator.port }) }],
    });
    expect((await httpJson('GET', `${emulator.url}/hello/w%C3%B6rld`)).json).toEqual({ hello: 'wörld', port: emulator.port });
  });

  it('serves static directories and never outside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-static-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'index.html'), '<p>index</p>');
    writeFileSync(join(dir, 'sub', 'app.js'), 'console.log(1)');
    const { emulator } = await startHarness({ staticDirs: [{ urlPrefix: '/sample', dir }] });
    const index = await httpJson('GET', `${emulator.url}/sample/`);
    expect(index).toMatchObject({ status: 200, text: '<p>index</p>' });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(await httpJson('GET', `${emulator.url}/sample/sub/app.js`)).toMatchObject({ status: 200, text: 'console.log(1)' });
    expect((await httpJson('GET', `${emulator.url}/sample/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await httpJson('GET', `${emulator.url}/sample/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await httpJson('GET', `${emulator.url}/sample/sub%2f..%2f..%2findex.html`)).status).toBe(404);
    expect((await httpJson('GET', `${emulator.url}/samplex/index.html`)).status).toBe(404);
  });

  it('refuses WebSocket upgrades on other paths (404) or without v=3 (400)', async () => {
    const { emulator } = await startHarness();
    await expect(RawClient.open(`ws://127.0.0.1:${emulator.port}/ws_api/account/1/messaging/agent?v=3`)).rejects.toThrow('upgrade refused: 404');
    await expect(RawClient.open(`ws://127.0.0.1:${emulator.port}/ws_api/account/1/messaging/consumer`)).rejects.toThrow('upgrade refused: 400');
  });
});
