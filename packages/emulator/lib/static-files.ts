/**
 * Serves files from directories mounted at URL prefixes (GET/HEAD only), never outside the directory:
 * the path is resolved inside it, and so is the real path of the file (a symlink out is not followed).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** A directory served at `urlPrefix` (e.g. `{ urlPrefix: '/sample', dir: '/abs/samples/spa/dist' }`). */
export interface StaticDir {
  readonly urlPrefix: string;
  readonly dir: string;
  /**
   * The Content-Security-Policy of its HTML pages: default, one that allows the page's own scripts and
   * styles and the emulator's endpoints (no inline script); a string replaces it; `false` sends none.
   */
  readonly csp?: string | false;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size };
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // not there
  }
  return undefined;
}

function resolveInside(dir: string, prefix: string, pathname: string): string | undefined {
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  if (pathname !== prefix && !pathname.startsWith(base)) return undefined;
  let rest: string;
  try {
    rest = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (rest.includes('\0')) return undefined;
  const root = resolve(dir);
  const target = resolve(root, `.${sep}${rest}`);
  return target === root || target.startsWith(root + sep) ? target : undefined;
}

/** The real path of `path` if it lies inside the real `root` (symlinks resolved), else undefined. */
async function realInside(root: string, path: string): Promise<string | undefined> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
    return real === realRoot || real.startsWith(realRoot + sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Streams the file for `pathname` if one of `dirs` has it; resolves whether it answered. */
export async function serveStatic(
  dirs: readonly StaticDir[],
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
  htmlHeaders: (csp: string | false | undefined) => Readonly<Record<string, string>> = () => ({}),
): Promise<boolean> {
  for (const { urlPrefix, dir, csp } of dirs) {
    const target = resolveInside(dir, urlPrefix, pathname);
    const found = target === undefined ? undefined : await fileAt(target);
    const real = found === undefined ? undefined : await realInside(dir, found.path);
    if (found === undefined || real === undefined) continue;
    const file = { path: real, size: found.size };
    const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...(type.startsWith('text/html') ? htmlHeaders(csp) : {}),
      'Content-Type': type,
      'Content-Length': file.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file.path).on('error', () => res.destroy()).pipe(res);
    return true;
  }
  return false;
}
