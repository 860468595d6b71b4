/**
 * A tiny HTTP router for the emulator's single port: exact or `:param` paths, JSON helpers, the access
 * rules (`access.ts`: Host, Origin, the control secret), CORS for the allowed origins, OPTIONS
 * preflight, and static directories. Errors become JSON responses; a handler can never crash the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json } from './json';
import { consoleCookie, type AccessPolicy } from './access';
import { MAX_JSON_DEPTH } from './limits';
import { pageHeaders } from './page-headers';
import { parseJson } from './narrow';
import { serveStatic, type StaticDir } from './static-files';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler gets. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Values of the `:name` segments of the route's path. */
  readonly params: Readonly<Record<string, string>>;
  /** The body as JSON (`undefined` when empty); throws {@link HttpError} 400/413 when malformed or too large. */
  readBody(): Promise<Json | undefined>;
  /** Sends `value` as JSON. */
  json(status: number, value: Json): void;
}

/** A route: `path` is exact or has `:name` segments, e.g. `/api/account/:accountId/signup`. */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly handler: (ctx: RouteContext) => void | Promise<void>;
}

/** Thrown by handlers to answer `status` with `{ error: message }`. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 64 * 1024;

/** Headers `Access-Control-Allow-Headers` lists (fixed: never an echo of what the preflight asked). */
const ALLOWED_HEADERS = 'Content-Type, X-Emulator-Secret';

/** CORS for an allowed origin only (the request was refused before if its origin is not allowed). */
function setCors(req: IncomingMessage, res: ServerResponse, access: AccessPolicy): void {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin === undefined) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', '600');
  // Chrome's Private Network Access: a public https page may call this private server, if asked to allow it.
  if (access.allowPrivateNetwork && req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
}

function sendJson(res: ServerResponse, status: number, value: Json): void {
  if (res.headersSent) return;
  const text = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Json | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, `body larger than ${MAX_BODY_BYTES} bytes`));
      else chunks.push(chunk);
    });
    req.on('error', () => reject(new HttpError(400, 'could not read the body')));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve(undefined);
      const parsed = parseJson(text);
      if (parsed.ok) resolve(parsed.value);
      else reject(new HttpError(400, parsed.error === 'too-deep' ? `JSON body nested deeper than ${MAX_JSON_DEPTH} levels` : 'malformed JSON body'));
    });
  });
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined;
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

/** The console page's paths: where the secret cookie is handed out. */
const CONSOLE_PAGES: ReadonlySet<string> = new Set(['/agent', '/agent/', '/agent/index.html']);

/**
 * Builds the request listener: the access rules first (Host, Origin, the control secret; see
 * `access.ts`), then `routes` (first match wins), then `staticDirs`, then 404; `log` gets one line per request.
 */
export function createRouter(
  routes: readonly Route[],
  staticDirs: readonly StaticDir[],
  access: AccessPolicy,
  log: (line: string) => void = () => undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const refused = access.refuseRequest(req);
    if (refused !== undefined) throw new HttpError(refused.status, refused.message);
    setCors(req, res, access);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (access.isControl(method, url)) {
      const denied = access.refuseControl(req);
      if (denied !== undefined) throw new HttpError(denied.status, denied.message);
    }
    if ((method === 'GET' || method === 'HEAD') && CONSOLE_PAGES.has(url.pathname) && access.handsOutCookie(req, url)) res.setHeader('Set-Cookie', consoleCookie(access));
    const matching = routes.flatMap((route) => {
      const params = matchPath(route.path, url.pathname);
      return params === undefined ? [] : [{ route, params }];
    });
    const hit = matching.find((m) => m.route.method === method || (method === 'HEAD' && m.route.method === 'GET'));
    if (hit !== undefined) {
      const ctx: RouteContext = { req, res, url, params: hit.params, readBody: () => readBody(req), json: (status, value) => sendJson(res, status, value) };
      await hit.route.handler(ctx);
      return;
    }
    if ((method === 'GET' || method === 'HEAD') && (await serveStatic(staticDirs, url.pathname, req, res, (csp) => pageHeaders(access, csp)))) return;
    if (matching.length > 0) {
      res.setHeader('Allow', [...new Set(matching.map((m) => m.route.method)), 'OPTIONS'].join(', '));
      throw new HttpError(405, `method ${method} not allowed on ${url.pathname}`);
    }
    throw new HttpError(404, `not found: ${method} ${url.pathname}`);
  };
  return (req, res) => {
    // Paths only (no query, no bodies): nothing here carries a JWT.
    res.on('finish', () => log(`http ${req.method ?? 'GET'} ${new URL(req.url ?? '/', 'http://emulator.invalid').pathname} -> ${res.statusCode}`));
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(res, status, { error: error instanceof HttpError ? error.message : 'internal error' });
      if (!res.writableEnded) res.end();
    });
  };
}
