/** @jest-environment node */
/**
 * No committed file carries a path of the machine it was written on (issue #22 point 8): a link to
 * `/work/…`, a home folder, a temporary folder, a Stryker `projectRoot`. Scans every file `git ls-files`
 * lists (text files; binary ones are skipped).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** An absolute path under a folder that only exists on some machine (not `/usr/bin/…`, not a URL's path). */
const MACHINE_PATH = /(?:^|[^A-Za-z0-9_.:/~-])(\/(?:work|home|root|Users|mnt|srv|opt|tmp|var|private)\/[A-Za-z0-9._-]+|[A-Z]:\\(?:Users|work)\\)/;

/** The first machine path in `text` (the repository's own root and the home folder too), or undefined. */
function machinePathIn(text: string, roots: readonly string[]): string | undefined {
  const found = MACHINE_PATH.exec(text)?.[1];
  if (found !== undefined) return found;
  return roots.find((root) => root.length > 1 && text.includes(root));
}

const tracked = (): string[] => {
  const run = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ls-files failed: ${run.stderr}`);
  return run.stdout.split('\0').filter((file) => file !== '');
};

describe('no absolute path of a machine in a committed file', () => {
  it('the rule finds what it must (and leaves system paths and URLs alone)', () => {
    // Built from parts: this file is scanned too.
    const path = (...parts: string[]): string => ['', ...parts].join('/');
    expect(machinePathIn(`notes: \`${path('work', 'shared', 'protocol.md')}\``, [])).toBe(path('work', 'shared'));
    expect(machinePathIn(`"projectRoot": "${path('home', 'dev', 'lp')}"`, [])).toBe(path('home', 'dev'));
    expect(machinePathIn(['at C:', 'Users', 'dev', 'lp'].join('\\'), [])).toBe('C:\\Users\\');
    expect(machinePathIn(`the sources are in ${path('checkout', 'here')}`, [path('checkout', 'here')])).toBe(path('checkout', 'here'));
    expect(machinePathIn('CHROMIUM_PATH or /usr/bin/chromium; https://example.com/work/x; ./tmp/out; ~/work/x', [])).toBeUndefined();
  });

  it('every tracked text file is free of them', () => {
    const files = tracked();
    expect(files.length).toBeGreaterThan(100);
    const roots = [ROOT, homedir()].filter((root) => root !== '/');
    const offenders = files.flatMap((file) => {
      const path = join(ROOT, file);
      if (!existsSync(path)) return [];
      const bytes = readFileSync(path);
      if (bytes.includes(0)) return []; // binary (images)
      const found = machinePathIn(bytes.toString('utf8'), roots);
      return found === undefined ? [] : [`${file}: ${found}`];
    });
    expect(offenders).toEqual([]);
  });
});
