/** @jest-environment node */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAssetDirs, packageRoot } from '../../lib/emulator/assets';
import { startHarness, stopHarnesses } from './harness';

afterEach(stopHarnesses);

describe('emulator browser assets', () => {
  it('finds the package root from its own folder', () => {
    const root = packageRoot();
    expect(root).toBeDefined();
    expect(existsSync(join(root ?? '', 'lib', 'emulator', 'static', 'index.html'))).toBe(true);
    expect(defaultAssetDirs('/nowhere').map((d) => d.urlPrefix)).toEqual(['/agent', '/']);
    expect(packageRoot('/')).toBeUndefined();
  });

  it('serves the agent console at /agent with its buttons', async () => {
    const { emulator } = await startHarness();
    const res = await fetch(`${emulator.url}/agent`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('data-testid="invite-video"');
    const script = await fetch(`${emulator.url}/agent/agent.js`);
    expect(script.status).toBe(200);
  });

  it('serves the stand-in lpTag bundle at /lptag.js (npm test builds it first)', async () => {
    const { emulator } = await startHarness();
    const res = await fetch(`${emulator.url}/lptag.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await res.text()).length).toBeGreaterThan(1000);
  });

  it('can be switched off', async () => {
    const { emulator } = await startHarness({ browserAssets: false });
    expect((await fetch(`${emulator.url}/agent`)).status).toBe(404);
  });
});
