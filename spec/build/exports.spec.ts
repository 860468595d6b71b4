/** @jest-environment node */
/**
 * The published entry points resolve and load from Node (CommonJS and ESM importers), after
 * `npm run build` (which `npm test` runs first). Uses Node's self-reference of the package name, and
 * the workspace link of the emulator package (packages/emulator).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const root = join(__dirname, '..', '..');
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 20_000 });

describe('package entry points', () => {
  it('require() gets the API, the connection, call readiness, the test kit and (from its own package) the emulator', () => {
    const run = node([
      '-e',
      `const lib = require('lp-call-streams'); const c = require('lp-call-streams/connection'); const r = require('lp-call-streams/readiness');
       const t = require('lp-call-streams/testing'); const e = require('lp-call-streams-emulator');
       console.log([typeof lib.createCallClient, typeof c.createConnection, typeof lib.callCore, typeof r.callReadiness, typeof t.createFakeLpTag, typeof e.startEmulator].join(','))`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function,function,function,function,function,function');
  });

  it('import() from an ES module gets the same API, as real ES modules (no CommonJS interop keys)', () => {
    const run = node([
      '--input-type=module',
      '-e',
      `const lib = await import('lp-call-streams'); const t = await import('lp-call-streams/testing');
       console.log(typeof lib.createCallClient, typeof t.createFakeSocketFactory, '__esModule' in lib, 'default' in t)`,
    ]);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('function function false false');
  });

  it('the browser library has no runtime dependency but its rxjs peer, and no emulator entry', () => {
    const manifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ peerDependencies: { rxjs: expect.any(String) } });
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest).not.toHaveProperty('bin');
    expect(manifest).not.toHaveProperty(['exports', './emulator']);
    const emulator: unknown = JSON.parse(readFileSync(join(root, 'packages', 'emulator', 'package.json'), 'utf8'));
    expect(emulator).toMatchObject({ name: 'lp-call-streams-emulator', bin: { 'lp-call-streams-emulator': expect.any(String) }, dependencies: { 'lp-call-streams': expect.any(String), ws: expect.any(String) } });
  });

  it('the UMD bundle defines LpCallStreams over a global rxjs', () => {
    const rxjs = readFileSync(join(root, 'node_modules', 'rxjs', 'dist', 'bundles', 'rxjs.umd.min.js'), 'utf8');
    const umd = readFileSync(join(root, 'dist', 'bundle', 'lp-call-streams.umd.js'), 'utf8');
    // A browser-like global scope: no module system, rxjs loaded first as a script.
    const context = vm.createContext({});
    vm.runInContext(rxjs, context);
    vm.runInContext(umd, context);
    expect(vm.runInContext('typeof LpCallStreams.createCallClient + "," + typeof LpCallStreams.callCore', context)).toBe('function,function');
  });
});
