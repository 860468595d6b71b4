/** @jest-environment node */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, stopHarnesses } from './harness';
import { httpJson, rawHttp } from './raw-client';

afterEach(stopHarnesses);

const domainApi = (port: number, host: string): Promise<string> =>
  rawHttp(port, `GET /api/account/1/service/asyncMessagingEnt/baseURI.json?version=1.0 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

describe('the Domain API never echoes the Host header', () => {
  it('answers the configured public host (default: the bound address and port)', async () => {
    const { emulator } = await startHarness();
    const reply = await domainApi(emulator.port, `127.0.0.1:${emulator.port}`);
    expect(reply).toContain(`"baseURI":"127.0.0.1:${emulator.port}"`);
    const localhost = await domainApi(emulator.port, `localhost:${emulator.port}`);
    expect(localhost).toContain(`"baseURI":"127.0.0.1:${emulator.port}"`);
    expect(await domainApi(emulator.port, 'evil.example:443')).not.toContain('evil.example');
  });

  it('answers publicHost when one is configured', async () => {
    const { emulator } = await startHarness({ publicHost: 'emulator.test:8443' });
    const reply = await domainApi(emulator.port, `127.0.0.1:${emulator.port}`);
    expect(reply).toContain('"baseURI":"emulator.test:8443"');
  });
});

describe('static files resolve real paths inside their folder only', () => {
  it('does not follow a symlink out of the folder (file or directory); links inside it still work', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'emu-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'top secret');
    const dir = mkdtempSync(join(tmpdir(), 'emu-static-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'app.js'), 'console.log(1)');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'leak.txt'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.txt'));
    symlinkSync(outside, join(dir, 'outside'));
    symlinkSync(join(dir, 'sub', 'app.js'), join(dir, 'alias.js'));
    const { emulator } = await startHarness({ staticDirs: [{ urlPrefix: '/s', dir }] });
    for (const path of ['/s/leak.txt', '/s/passwd.txt', '/s/outside/secret.txt']) {
      const res = await httpJson('GET', `${emulator.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain('top secret');
    }
    expect(await httpJson('GET', `${emulator.url}/s/alias.js`)).toMatchObject({ status: 200, text: 'console.log(1)' });
  });

  it('serves a folder that is itself reached through a symlink', async () => {
    const real = mkdtempSync(join(tmpdir(), 'emu-real-'));
    writeFileSync(join(real, 'index.html'), '<p>hi</p>');
    const link = join(mkdtempSync(join(tmpdir(), 'emu-link-')), 'site');
    symlinkSync(real, link);
    const { emulator } = await startHarness({ staticDirs: [{ urlPrefix: '/', dir: link }] });
    expect(await httpJson('GET', `${emulator.url}/`)).toMatchObject({ status: 200, text: '<p>hi</p>' });
  });
});
