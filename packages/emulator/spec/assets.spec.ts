/** @jest-environment node */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAssetDirs, libraryRoot, packageRoot } from '../lib/assets';
import { startHarness, stopHarnesses } from './harness';

afterEach(stopHarnesses);

describe('emulator browser assets', () => {
  it('finds its own package root from its own folder', () => {
    const root = packageRoot();
    expect(root).toBe(join(__dirname, '..'));
    expect(existsSync(join(root ?? '', 'static', 'index.html'))).toBe(true);
    expect(packageRoot('/')).toBeUndefined();
  });

  it('finds the library it depends on, and mounts its bundles after its own files', () => {
    expect(existsSync(join(libraryRoot() ?? '', 'lib', 'index.ts'))).toBe(true); // in this repository: the workspace root
    expect(libraryRoot(() => {
      throw new Error('Cannot find module');
    })).toBeUndefined();
    expect(defaultAssetDirs('/emu', '/lib')).toEqual([
      { urlPrefix: '/agent', dir: join('/emu', 'static') },
      { urlPrefix: '/', dir: join('/emu', 'dist', 'browser') },
      { urlPrefix: '/', dir: join('/lib', 'dist', 'bundle') },
    ]);
    expect(defaultAssetDirs('/emu', undefined).map((d) => d.dir)).toEqual([join('/emu', 'static'), join('/emu', 'dist', 'browser')]);
    expect(defaultAssetDirs(undefined, undefined)).toEqual([]);
  });

  it('serves the agent console at /agent with its buttons', async () => {
    const { emulator } = await startHarness();
    const res = await fetch(`${emulator.url}/agent`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('data-testid="invite-video"');
    expect(html).toContain('<script src="/agent-console.js"></script>');
    const script = await fetch(`${emulator.url}/agent-console.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${emulator.url}/agent/agent.css`)).status).toBe(200);
  });

  it('serves the stand-in lpTag bundle at /lptag.js (npm test builds it first)', async () => {
    const { emulator } = await startHarness();
    const res = await fetch(`${emulator.url}/lptag.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await res.text()).length).toBeGreaterThan(1000);
  });

  it("serves the library's UMD bundle (npm test builds it first)", async () => {
    const { emulator } = await startHarness();
    const res = await fetch(`${emulator.url}/lp-call-streams.umd.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('LpCallStreams');
  });

  it('can be switched off', async () => {
    const { emulator } = await startHarness({ browserAssets: false });
    expect((await fetch(`${emulator.url}/agent`)).status).toBe(404);
  });
});
