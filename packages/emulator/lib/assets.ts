/**
 * The browser assets the emulator serves by default: the agent console at `/agent` (this package's
 * `static/`), the stand-in lpTag with its call app at `/lptag.js` (this package's `dist/browser/`,
 * built by `npm run build`), and the library's own browser bundles (`/lp-call-streams.umd.js`,
 * `/lp-call-streams.esm.js`) from the installed `lp-call-streams` package's `dist/bundle/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StaticDir } from './static-files';

const PACKAGE_NAME = 'lp-call-streams-emulator';

/** The folder holding this package's package.json, searched upwards from this file. */
export function packageRoot(from: string = __dirname): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
        if (typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === PACKAGE_NAME) return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder of the `lp-call-streams` package this emulator resolves (undefined when it is not installed). */
export function libraryRoot(resolve: (request: string) => string = require.resolve): string | undefined {
  try {
    return dirname(resolve('lp-call-streams/package.json'));
  } catch {
    return undefined;
  }
}

/** The static mounts for this package's root and the library's (none for a root that was not found). */
export function defaultAssetDirs(root: string | undefined, library: string | undefined): StaticDir[] {
  const own: StaticDir[] = root === undefined ? [] : [
    { urlPrefix: '/agent', dir: join(root, 'static') },
    { urlPrefix: '/', dir: join(root, 'dist', 'browser') },
  ];
  return library === undefined ? own : [...own, { urlPrefix: '/', dir: join(library, 'dist', 'bundle') }];
}
