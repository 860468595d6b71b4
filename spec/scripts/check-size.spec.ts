/** @jest-environment node */
/**
 * `npm run size` (scripts/check-size.js): the rules, and the script over a made-up dist/ folder, so a
 * regression in the check itself (a row skipped, a limit ignored) fails here rather than silently.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { evaluate, gzipSize, main, renderTable, report, rows, staleness, type MeasuredRow } from '../../scripts/check-size';

const row = (gzip: number, limit: number, goal?: number): MeasuredRow => ({ id: 'x', bundler: 'webpack', file: 'dist/size/x.js', what: 'x', limit, goal, min: gzip * 3, gzip });

describe('size check rules', () => {
  it('passes at the limit and fails one byte over', () => {
    expect(evaluate([row(100, 100), row(101, 100)]).map((r) => r.ok)).toEqual([true, false]);
  });

  it('says whether a goal is met, and by how much it is missed, without failing the run for it', () => {
    const [missed, met, none] = evaluate([row(6144, 8000, 5120), row(5120, 8000, 5120), row(100, 200)]);
    expect([missed?.ok, missed?.goalMet, met?.goalMet, none?.goalMet]).toEqual([true, false, true, undefined]);
    const [missedLine, metLine, noneLine] = report([missed, met, none].flatMap((r) => (r === undefined ? [] : [r])));
    expect(missedLine).toContain('goal 5.0 KB NOT MET (1.0 KB over)');
    expect(metLine).toContain('goal 5.0 KB met');
    expect(noneLine).not.toContain('goal');
  });

  it('checks every size probe in scripts/size-probes; createCallClient by webpack and esbuild (goal 12 KB) and the quickstart by esbuild (13 KB)', () => {
    const probes = readdirSync(join(__dirname, '..', '..', 'scripts', 'size-probes')).map((f) => `dist/size/${basename(f, '.ts')}.js`);
    expect(rows.map((r) => r.file)).toEqual(expect.arrayContaining(probes));
    expect(rows.filter((r) => r.goal !== undefined).map((r) => [r.id, r.bundler, r.goal])).toEqual([
      ['call-client', 'webpack', 12 * 1024],
      ['call-client-esbuild', 'esbuild', 12 * 1024],
      ['quickstart-esbuild', 'esbuild', 13 * 1024],
    ]);
    for (const r of rows) if (r.goal !== undefined) expect(r.goal).toBeLessThanOrEqual(r.limit);
  });

  it("renders the README's table, and tells a stale one (a row missing, a size off by more than 2 %)", () => {
    const results = evaluate([row(10_000, 20_000, 12_288), { ...row(5_000, 6_000), id: 'y', what: 'y', bundler: 'esbuild', file: undefined, entry: 'x' }]);
    const table = renderTable(results);
    expect(table).toContain('| x | webpack | 29.3 KB | 9.8 KB | ratchet 19.5 KB; goal 12.0 KB, met |');
    expect(staleness(table, results)).toEqual([]);
    expect(staleness(table.replace('| 9.8 KB |', '| 9.0 KB |'), results)).toEqual(['x (webpack): min+gzip 9.0 KB in the README, 9.8 KB measured']);
    expect(staleness(table.split('\n').slice(0, 3).join('\n'), results)).toEqual(['1 rows in the README for 2 measured', 'row 2: "" (undefined) where y (esbuild) was measured']);
    expect(staleness(undefined, results)).toEqual(['the README has no bundle-size table']);
  });
});

describe('size check over files', () => {
  let root: string;
  const write = (file: string, bytes: Uint8Array | string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), bytes);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'size-'));
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  const webpackRows = rows.filter((r) => r.bundler === 'webpack');
  /** A made-up package that esbuild can bundle: the root re-exports two functions. */
  const writePackage = (): void => {
    write('dist/esm/index.js', 'export const createCallClient = () => 1; export const unauthenticated = () => 2;');
    write('node_modules/lp-call-streams/package.json', JSON.stringify({ name: 'lp-call-streams', exports: { '.': { import: './index.js' } } }));
    write('node_modules/lp-call-streams/index.js', 'export const createCallClient = () => 1; export const unauthenticated = () => 2;');
    write('samples/quickstart/quickstart.ts', "import { createCallClient } from 'lp-call-streams';\ncreateCallClient();\n");
  };

  it('exits 0 when every file is within its limit', async () => {
    for (const r of webpackRows) write(r.file ?? '', 'export const a = 1;'.repeat(100));
    writePackage();
    expect(await main([], root)).toBe(0);
  });

  it('exits 1 and names the file when one is over its limit', async () => {
    for (const r of webpackRows) write(r.file ?? '', 'export const a = 1;');
    writePackage();
    const over = rows.find((r) => r.file === 'dist/size/dialogs.js');
    if (over === undefined) throw new Error('no dialogs row');
    const incompressible = randomBytes(over.limit + 512);
    expect(gzipSize(incompressible)).toBeGreaterThan(over.limit);
    write(over.file ?? '', incompressible);
    expect(await main([], root)).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('(the call core over your own socket) (webpack) is'));
  });

  it('exits 1 and asks for a build when files are missing', async () => {
    expect(await main([], root)).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('run `npm run build` first'));
  });
});
