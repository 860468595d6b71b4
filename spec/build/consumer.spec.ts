/** @jest-environment node */
/**
 * A brand's project (spec/fixtures/consumer) in a temporary folder installs the packed tarballs of
 * lp-call-streams and lp-call-streams-emulator with npm, offline (the third-party packages they need
 * are packed from this repository's node_modules), then type-checks every entry point under node10,
 * node16 (CommonJS and ES module files) and bundler resolution, runs them under Node CommonJS and ES
 * modules, starts the emulator's CLI with npx, and lists the library's production dependencies.
 * Uses the build (`npm test` builds first).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen, npmPack, packageEntries, runAsync } from './consumer-helpers';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'spec', 'fixtures', 'consumer');
/** What the packages need from the registry, taken from this repository's install instead. */
const THIRD_PARTY = ['rxjs', 'tslib', 'ws', '@types/node', 'undici-types'];
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');

let dir = '';
let entries: string[] = [];
const inDir = (command: string, args: readonly string[]): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
const jsonOf = (run: SpawnSyncReturns<string>): unknown => {
  if (run.status !== 0) throw new Error(`exit ${String(run.status)}: ${run.stderr}`);
  return JSON.parse(run.stdout);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lp-call-streams-consumer-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const tarballs = npmPack(ROOT, join(dir, 'packs'), ['./', './packages/emulator', ...THIRD_PARTY.map((name) => `./node_modules/${name}`)]);
  const install = inDir('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs]);
  if (install.status !== 0) throw new Error(`npm install of the tarballs failed:\n${install.stderr}`);
  entries = ['lp-call-streams', 'lp-call-streams-emulator'].flatMap((name) => packageEntries(join(dir, 'node_modules', name)));
  // node16 decides CommonJS or ES module by extension: the same usage as use.cts and use.mts.
  copyFileSync(join(dir, 'src', 'use.ts'), join(dir, 'src', 'use.cts'));
  copyFileSync(join(dir, 'src', 'use.ts'), join(dir, 'src', 'use.mts'));
  const imports = entries.map((name, i) => `import * as entry${i} from '${name}';`).join('\n');
  const source = `${imports}\nexport const entries = [${entries.map((_, i) => `entry${i}`).join(', ')}];\n`;
  for (const extension of ['ts', 'cts', 'mts']) writeFileSync(join(dir, 'src', `entries.${extension}`), source);
}, 180_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the packed packages in a consumer project', () => {
  it('lists every published entry point (both packages)', () => {
    expect(entries).toEqual(['lp-call-streams', 'lp-call-streams/testing', 'lp-call-streams/protocol', 'lp-call-streams/connection', 'lp-call-streams/readiness', 'lp-call-streams-emulator']);
  });

  it('type-check under node10, node16 (CommonJS and ES module files) and bundler', async () => {
    const modes = ['node10', 'node16', 'bundler'];
    const runs = await Promise.all(modes.map((mode) => runAsync(process.execPath, [TSC, '-p', `tsconfig.${mode}.json`], dir)));
    expect(Object.fromEntries(modes.map((mode, i) => [mode, runs[i]]))).toEqual({
      node10: { status: 0, output: '' },
      node16: { status: 0, output: '' },
      bundler: { status: 0, output: '' },
    });
  }, 120_000);

  it('run under Node CommonJS: require() gets the CommonJS build, and the client connects to the emulator', () => {
    const result = jsonOf(inDir(process.execPath, ['run.cjs', ...entries]));
    expect(result).toMatchObject({ connection: 'open', sockets: 1 });
    expect(result).toHaveProperty(['entries', 'lp-call-streams', 'resolved'], join(dir, 'node_modules', 'lp-call-streams', 'dist', 'cjs', 'index.js'));
    expect(result).toHaveProperty(['entries', 'lp-call-streams/testing', 'resolved'], join(dir, 'node_modules', 'lp-call-streams', 'dist', 'cjs', 'testing', 'index.js'));
  });

  it('run under Node ES modules: import gets real ES modules of the library, and the client connects to the emulator', () => {
    const result = jsonOf(inDir(process.execPath, ['run.mjs', ...entries]));
    expect(result).toMatchObject({ connection: 'open', sockets: 1 });
    for (const name of entries.filter((entry) => entry.startsWith('lp-call-streams/') || entry === 'lp-call-streams')) {
      expect(result).toHaveProperty(['entries', name, 'resolved'], expect.stringMatching(/\/node_modules\/lp-call-streams\/dist\/esm\/(.+\/)?index\.js$/));
      expect(result).toHaveProperty(['entries', name, 'interop'], []); // no `default`, no `__esModule`: not the CommonJS build
    }
  });

  it('npx lp-call-streams-emulator starts the CLI, which serves the console, the stand-in lpTag and the library bundle', async () => {
    const cli = spawn('npx', ['--offline', 'lp-call-streams-emulator', '--port', '0'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await listen(cli, /emulator listening on (http:\/\/\S+)/);
      const statuses = await Promise.all(['/agent', '/lptag.js', '/lp-call-streams.umd.js'].map(async (path) => [path, (await fetch(url + path)).status]));
      expect(Object.fromEntries(statuses)).toEqual({ '/agent': 200, '/lptag.js': 200, '/lp-call-streams.umd.js': 200 });
    } finally {
      if (cli.pid !== undefined && cli.exitCode === null) process.kill(-cli.pid, 'SIGTERM'); // npx and the CLI it started
    }
  }, 60_000);

  it("runs the README's testing examples (samples/testing) with jest against the installed packages", async () => {
    mkdirSync(join(dir, 'test'));
    for (const file of readdirSync(join(ROOT, 'samples', 'testing'))) copyFileSync(join(ROOT, 'samples', 'testing', file), join(dir, 'test', file));
    // A brand's jest setup: ts-jest (taken from this repository), transpile only, Node's environment.
    const transform = { '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: { target: 'ES2022', module: 'commonjs', esModuleInterop: true, isolatedModules: true, types: [] } }] };
    writeFileSync(join(dir, 'jest.config.json'), JSON.stringify({ rootDir: dir, testEnvironment: 'node', testMatch: ['<rootDir>/test/*.spec.ts'], transform }));
    const run = await runAsync(process.execPath, [JEST, '--config', 'jest.config.json', '--ci', '--runInBand', '--colors=false'], dir);
    expect({ status: run.status, tests: /Tests:.*/.exec(run.output)?.[0] }).toEqual({ status: 0, tests: 'Tests:       3 passed, 3 total' });
  }, 120_000);

  it("the library's production dependencies are its rxjs peer only", () => {
    const tree = jsonOf(inDir('npm', ['ls', '--omit=dev', '--all', '--json']));
    expect(Object.keys((tree as { dependencies: Record<string, { dependencies?: object }> }).dependencies['lp-call-streams']?.dependencies ?? {})).toEqual(['rxjs']);
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'node_modules', 'lp-call-streams', 'package.json'), 'utf8'));
    expect(manifest).not.toHaveProperty('dependencies');
  });

  it('the library tarball holds the builds, the README, the licence and what the README links to; every source map carries its sources', () => {
    const installed = join(dir, 'node_modules', 'lp-call-streams');
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'lib', 'package.json', 'samples']);
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual(['bundle', 'cjs', 'esm']);
    // Of the sources only the notes and the public barrel (the README links to them), and the samples but their specs.
    const extras = ['lib', 'samples'].flatMap((folder) => readdirSync(join(installed, folder), { recursive: true, encoding: 'utf8' }).map((file) => `${folder}/${file}`));
    expect(extras.filter((file) => /\.\w+$/.test(file) && !/(^lib\/(.+\/)?README\.md|^lib\/index\.ts|^samples\/.+\.(md|ts))$/.test(file))).toEqual([]);
    expect(extras.filter((file) => file.endsWith('.spec.ts'))).toEqual([]);
    const maps = readdirSync(installed, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(100);
    const withoutSources = maps.filter((file) => {
      const map = JSON.parse(readFileSync(join(installed, file), 'utf8')) as { sources?: unknown[]; sourcesContent?: unknown[] };
      return map.sourcesContent?.length !== map.sources?.length || map.sourcesContent?.some((content) => typeof content !== 'string');
    });
    expect(withoutSources).toEqual([]);
  });
});
