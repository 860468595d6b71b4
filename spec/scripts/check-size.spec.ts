/** @jest-environment node */
/**
 * `npm run size` (scripts/check-size.js): the rules, and the script over a made-up dist/ folder, so a
 * regression in the check itself (a row skipped, a limit ignored) fails here rather than silently.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { evaluate, gzipSize, main, report, rows, type MeasuredRow } from '../../scripts/check-size';

const row = (gzip: number, limit: number, goal?: number): MeasuredRow => ({ file: 'dist/size/x.js', what: 'x', limit, goal, min: gzip * 3, gzip });

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

  it('checks every size probe in scripts/size-probes; the goal applies to createCallClient (12 KB)', () => {
    const probes = readdirSync(join(__dirname, '..', '..', 'scripts', 'size-probes')).map((f) => `dist/size/${basename(f, '.ts')}.js`);
    expect(rows.map((r) => r.file)).toEqual(expect.arrayContaining(probes));
    expect(rows.find((r) => r.file === 'dist/size/call-client.js')).toMatchObject({ goal: 12 * 1024 });
    expect(rows.filter((r) => r.goal !== undefined).map((r) => r.file)).toEqual(['dist/size/call-client.js']);
    for (const r of rows) if (r.goal !== undefined) expect(r.goal).toBeLessThanOrEqual(r.limit);
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

  it('exits 0 when every file is within its limit', () => {
    for (const r of rows) write(r.file, 'export const a = 1;'.repeat(100));
    expect(main(root)).toBe(0);
  });

  it('exits 1 and names the file when one is over its limit', () => {
    for (const r of rows) write(r.file, 'export const a = 1;');
    const over = rows.find((r) => r.file === 'dist/size/dialogs.js');
    if (over === undefined) throw new Error('no dialogs row');
    const incompressible = randomBytes(over.limit + 512);
    expect(gzipSize(incompressible)).toBeGreaterThan(over.limit);
    write(over.file, incompressible);
    expect(main(root)).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('dist/size/dialogs.js is'));
  });

  it('exits 1 and asks for a build when files are missing', () => {
    expect(main(root)).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('run `npm run build` first'));
  });
});
