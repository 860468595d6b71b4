/** @jest-environment node */
/**
 * `npm run demo` (scripts/demo.js) runs a scripted call against the emulator and exits 0.
 * It uses the compiled library (dist/cjs), which `npm test` builds before jest runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('npm run demo', () => {
  it('prints the timeline of a declined voice call and an accepted video call that survives a socket drop, and exits 0', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'demo.js')], { encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const order = [
      'invitation$   voice',
      'reason=declined',
      'invitation$   video',
      'container     created',
      'accepted$',
      'connection$   reconnecting',
      'container     removed',
      'reason=hangup',
      'open sockets on the emulator: 0, lpTag bindings left: 0',
    ];
    const positions = order.map((needle) => lines.findIndex((line) => line.includes(needle)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    // each step after the one before it
    expect(positions.slice(1).every((p, i) => p > (positions[i] ?? Infinity))).toBe(true);
  }, 40_000);
});
