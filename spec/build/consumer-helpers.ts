/** Helpers of consumer.spec.ts: pack, list a package's entry points, run a process, wait for a line. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `npm pack` of `specs` (folders, relative to `cwd`) into `destination`; the tarballs' paths. */
export function npmPack(cwd: string, destination: string, specs: readonly string[]): string[] {
  mkdirSync(destination, { recursive: true });
  const run = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination, ...specs], { cwd, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`npm pack failed:\n${run.stderr}`);
  const packed: unknown = JSON.parse(run.stdout);
  if (!Array.isArray(packed)) throw new Error(`npm pack --json printed no list: ${run.stdout}`);
  return packed.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('filename' in entry) || typeof entry.filename !== 'string') throw new Error('npm pack --json: an entry without filename');
    return join(destination, entry.filename);
  });
}

/** The import names of an installed package's `exports` (`name`, `name/sub`, …), package.json left out. */
export function packageEntries(packageDir: string): string[] {
  const manifest: unknown = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  if (typeof manifest !== 'object' || manifest === null || !('name' in manifest) || typeof manifest.name !== 'string') throw new Error(`${packageDir}: no name`);
  const exportsMap = 'exports' in manifest && typeof manifest.exports === 'object' && manifest.exports !== null ? manifest.exports : {};
  const name = manifest.name;
  return Object.keys(exportsMap)
    .filter((subpath) => subpath !== './package.json')
    .map((subpath) => (subpath === '.' ? name : `${name}${subpath.slice(1)}`));
}

/** Runs a command to its end without blocking the event loop: its exit status and its output (stdout + stderr). */
export function runAsync(command: string, args: readonly string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** The first capture of `pattern` in the child's stdout; rejects when it exits first or after `ms`. */
export function listen(child: ChildProcess, pattern: RegExp, ms = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} within ${ms} ms; output so far:\n${seen}`)), ms);
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = pattern.exec(seen);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${String(code)}) before ${String(pattern)}; output:\n${seen}`));
    });
  });
}
