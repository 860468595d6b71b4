/** @jest-environment node */
/**
 * Issue #22 point 4: every npm script that takes arguments answers `--help` with its usage at once and
 * refuses an unknown argument, both before building anything, running anything or writing any file
 * (`npm run bench -- --help` used to run the whole benchmark and rewrite the README).
 * Runs the real `npm run <script>`; a run that goes on working is stopped with its process group.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkArgs } from '../../scripts/args';
import { BENCH_SECTIONS, COMMANDS } from '../../scripts/commands';

const ROOT = join(__dirname, '..', '..');
const SCRIPTS = ['bench', 'start', 'flood', 'fuzz', 'chaos', 'mutate', 'demo'] as const;
/** What the scripts write when they run, and what their builds write. */
const WATCHED = ['README.md', 'bench/results.json', 'dist/cjs/index.js', 'packages/emulator/dist/index.js', 'samples/spa/dist/app.js', 'dist/fuzz/cli.js'];

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly ms: number;
  readonly stopped: boolean;
}

/** `npm run <args>` in its own process group, stopped (the whole group) after `ms`. */
function npmRun(args: readonly string[], ms = 15_000): Promise<Run> {
  const started = Date.now();
  const child = spawn('npm', ['run', ...args], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  let stopped = false;
  const timer = setTimeout(() => {
    stopped = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, ms);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started, stopped });
    }),
  );
}

const stamps = (): Record<string, number> => Object.fromEntries(WATCHED.map((file) => [file, existsSync(join(ROOT, file)) ? statSync(join(ROOT, file)).mtimeMs : 0]));

/** How the usage names the command (`npm start`, `npm run bench`, …). */
const nameOf = (command: string): string => (command === 'start' ? 'npm start' : `npm run ${command}`);

describe.each(SCRIPTS)('npm run %s', (command) => {
  it('-- --help prints its usage at once and exits 0, building nothing, writing nothing', async () => {
    const before = stamps();
    const run = await npmRun([command, '--', '--help']);
    expect({ code: run.code, stopped: run.stopped }).toEqual({ code: 0, stopped: false });
    expect(run.output).toContain(`Usage: ${nameOf(command)}`);
    expect(run.output).not.toMatch(/> lp-call-streams@[^\n]* build|tsc -p|webpack/);
    expect(run.ms).toBeLessThan(10_000);
    expect(stamps()).toEqual(before);
  }, 30_000);

  it('-- --no-such-option is refused with the reason and the usage, exit 2, before any work', async () => {
    const before = stamps();
    const run = await npmRun([command, '--', '--no-such-option']);
    expect({ code: run.code, stopped: run.stopped }).toEqual({ code: 2, stopped: false });
    expect(run.output).toMatch(new RegExp(`${nameOf(command)}: unknown (argument|option) --no-such-option`));
    expect(run.output).toContain(`Usage: ${nameOf(command)}`);
    expect(run.output).not.toMatch(/> lp-call-streams@[^\n]* build|tsc -p|webpack/);
    expect(stamps()).toEqual(before);
  }, 30_000);
});

describe('what the launcher lets through (scripts/args.js)', () => {
  it('checks each command its own way', () => {
    expect(checkArgs(COMMANDS.bench, ['throughput', 'latency'])).toBeUndefined();
    expect(checkArgs(COMMANDS.bench, ['thruput'])).toBe('unknown section thruput; one of throughput, latency, memory, ready, scale, bundle');
    expect(checkArgs(COMMANDS.fuzz, ['--seed', '7', '--cases=100', '--case', '3,4'])).toBeUndefined();
    expect(checkArgs(COMMANDS.fuzz, ['--seed'])).toBe('--seed needs a value');
    expect(checkArgs(COMMANDS.fuzz, ['7'])).toBe('unknown argument 7');
    expect(checkArgs(COMMANDS.mutate, ['rpc', 'lib/dialog/', '--concurrency', '1', '--force', '--', '--anything', 'goes'])).toBeUndefined();
    expect(checkArgs(COMMANDS.mutate, ['transport'])).toBe('unknown folder transport; one of protocol, dialog, core, rpc');
    expect(checkArgs(COMMANDS.demo, ['now'])).toBe('unknown argument now');
  });

  it("bench's sections are bench/run.mjs's", () => {
    const source = readFileSync(join(ROOT, 'bench', 'run.mjs'), 'utf8');
    const sections = /const SECTIONS = \[([^\]]*)\]/.exec(source)?.[1]?.split(',').map((s) => s.trim().replace(/'/g, ''));
    expect(sections).toEqual(BENCH_SECTIONS);
  });

  it('passes good arguments through to the command (npm run chaos -- --from a saved run)', async () => {
    const saved = join(mkdtempSync(join(tmpdir(), 'chaos-')), 'run.json');
    const assertion = { title: '[invited | socket drop | none] → hangup', ancestorTitles: ['chaos'], status: 'passed', duration: 5 };
    writeFileSync(saved, JSON.stringify({ numFailedTestSuites: 0, testResults: [{ assertionResults: [assertion] }] }));
    const run = await npmRun(['chaos', '--', '--from', saved]);
    expect(run.code).toBe(0);
    expect(run.output).toContain('chaos: 1 scenarios (1 call steps, 1 faults), 1 passed, 0 failed');
  }, 30_000);
});
