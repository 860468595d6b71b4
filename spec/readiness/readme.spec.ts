/** The root README's "Call readiness" recipe is spec/readiness/readme-recipe.ts, and it runs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaReading, WebRtcSupport } from '../../lib/readiness';
import { decideReadiness } from '../../lib/readiness/decide';
import { readinessText, showVideoReadiness } from './readme-recipe';

const root = join(__dirname, '..', '..');

describe('README "Call readiness" recipe', () => {
  it('is the same code as spec/readiness/readme-recipe.ts', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Call readiness'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(block.length).toBeGreaterThan(500);
    expect(block).toBe(readFileSync(join(root, 'spec', 'readiness', 'readme-recipe.ts'), 'utf8'));
  });

  it('says what blocks the call', () => {
    const full: WebRtcSupport = { secureContext: true, peerConnection: true, getUserMedia: true, enumerateDevices: true, permissionsApi: true };
    const r = (permission: MediaReading['permission'], device: MediaReading['device'] = 'present'): MediaReading => ({ permission, permissionSource: 'permissions-api', device });
    const text = (camera: MediaReading, microphone: MediaReading, support = full) => readinessText(decideReadiness('VIDEO_CALL', support, { camera, microphone }));
    expect(text(r('granted'), r('granted'))).toBe('');
    expect(text(r('denied'), r('granted'))).toBe('Your camera is blocked: allow it in the site settings to take the call.');
    expect(text(r('prompt'), r('prompt'))).toBe('Your browser will ask for your camera and microphone when you accept.');
    expect(text(r('granted', 'absent'), r('unknown'))).toBe('No camera found: connect one to take the call.');
    expect(text(r('granted'), r('granted'), { ...full, secureContext: false })).toBe('Calls need this page over https.');
  });

  it('runs: in jsdom (no WebRTC) the banner says so and the allow button stays hidden', () => {
    const banner = document.createElement('p');
    const allow = document.createElement('button');
    const subscription = showVideoReadiness(banner, allow);
    expect(banner.textContent).toBe('This browser cannot take calls: open the page in a current Chrome, Edge, Firefox or Safari.');
    expect(allow.hidden).toBe(true);
    subscription.unsubscribe();
  });
});
