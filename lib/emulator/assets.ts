/**
 * The browser assets the emulator serves by default: the agent console at `/agent`, and the
 * browser bundles (`/lptag.js` — the stand-in lpTag with its call app — and the library's own
 * `/lp-call-streams.umd.js`, `/lp-call-streams.esm.js`) from `dist/bundle` once `npm run build` ran.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StaticDir } from './static-files';

/** The folder holding this package's package.json, searched upwards from this file. */
export function packageRoot(from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'lp-call-streams') return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The default static mounts (empty when the package root cannot be found). */
export function defaultAssetDirs(root: string | undefined = packageRoot()): StaticDir[] {
  if (root === undefined) return [];
  return [
    { urlPrefix: '/agent', dir: join(root, 'lib', 'emulator', 'static') },
    { urlPrefix: '/', dir: join(root, 'dist', 'bundle') },
  ];
}
