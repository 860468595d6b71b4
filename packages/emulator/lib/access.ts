/**
 * Who may reach the emulator and drive it. Four rules, checked on every request and upgrade:
 *
 * - **Host**: only the emulator's own names (its bound address and the loopback names with its port,
 *   and `publicHost`): a DNS-rebinding page, whose requests carry its own host name, is refused (421).
 * - **Origin**: a browser request from a page that is not the emulator's own origin nor listed in
 *   `allowOrigins` is refused (403); CORS answers name the allowed origin, never `*`.
 * - **Control** (`/emulator/…` but what a visitor page needs): a browser, a forwarded request or one
 *   from another machine needs the per-run secret, in the `X-Emulator-Secret` header or in the
 *   console's cookie (counted on same-origin requests only). A program on this machine that is not a
 *   browser is let in without it, unless `strictControl` (it could read the console page anyway).
 * - **Console cookie**: the console page (`/agent`) hands the secret to a browser on this machine in
 *   an HttpOnly, SameSite=Strict cookie; elsewhere it takes `?secret=` (the URL the CLI prints).
 */
import type { IncomingMessage } from 'node:http';
import { bracketed, cookieValue, header, isLoopbackAddress, sameSecret } from './request-facts';

/** The security options, resolved. */
export interface AccessConfig {
  readonly controlSecret: string;
  /** Origins besides the emulator's own, e.g. `http://localhost:3000` (exact match; `null` for file: pages). */
  readonly allowOrigins: readonly string[];
  /** Answer Chrome's Private Network Access preflights (`Access-Control-Allow-Private-Network`) for allowed origins. */
  readonly allowPrivateNetwork: boolean;
  /** No exemption for programs on this machine, and no console cookie without `?secret=`. */
  readonly strictControl: boolean;
}

/** Where the emulator listens, known once it does. */
export interface ListenAddress {
  /** The bound address (`127.0.0.1`, `0.0.0.0`, `::`, …). */
  readonly host: string;
  readonly port: number;
  /** `publicHost` (lower case), if configured. */
  readonly publicHost: string | undefined;
}

/** The header that carries the secret (curl, tests, other tools). */
export const SECRET_HEADER = 'x-emulator-secret';

/** Paths under `/emulator/` a visitor page uses (the stand-in call app): open to allowed origins without the secret. */
const PAGE_PATHS: ReadonlySet<string> = new Set([
  'POST /emulator/agent/decline',
  'POST /emulator/call/accept',
  'POST /emulator/call/join',
  'POST /emulator/call/signal',
  'POST /emulator/call/leave',
]);

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Why a request may not go on: the status and what to tell the caller. */
export interface Refusal {
  readonly status: 401 | 403 | 421;
  readonly message: string;
}

/** The access rules of one emulator run. */
export interface AccessPolicy {
  readonly secret: string;
  /** The console cookie's name (per port: cookies are shared by every port of a host). */
  readonly cookieName: string;
  /** `host:port` names this emulator answers to, lower case. */
  ownHosts(): readonly string[];
  /** The origins whose pages may call it: its own and `allowOrigins`. */
  allowedOrigins(): readonly string[];
  /** Host, then Origin: why the request or upgrade is refused, or undefined. */
  refuseRequest(req: IncomingMessage): Refusal | undefined;
  /** Whether `method path` is agent control (needs the secret). */
  isControl(method: string, url: URL): boolean;
  /** Why a control request is refused (no valid secret), or undefined. */
  refuseControl(req: IncomingMessage): Refusal | undefined;
  /** Whether a console page request gets the secret cookie (this machine, or the right `?secret=`). */
  handsOutCookie(req: IncomingMessage, url: URL): boolean;
  readonly allowPrivateNetwork: boolean;
}

/** Creates the policy; `address()` is read per request (the port is known once listening). */
export function createAccessPolicy(config: AccessConfig, address: () => ListenAddress): AccessPolicy {
  /** `publicHost` and, on a default port (80, 443), its bare name: what a browser sends in `Host`. */
  const publicHosts = (): string[] => {
    const { publicHost } = address();
    if (publicHost === undefined) return [];
    const bare = /^(.*):(80|443)$/.exec(publicHost)?.[1];
    return bare === undefined ? [publicHost] : [publicHost, bare];
  };
  const ownHosts = (): string[] => {
    const { host, port } = address();
    const wildcard = host === '0.0.0.0' || host === '::' || host === '';
    const names = new Set([...(wildcard || isLoopbackAddress(host) || host === 'localhost' ? LOOPBACK_NAMES : []), ...(wildcard ? [] : [bracketed(host)])]);
    // On port 80 a browser sends the name alone.
    const hosts = [...names].flatMap((name) => [`${name.toLowerCase()}:${port}`, ...(port === 80 ? [name.toLowerCase()] : [])]);
    return [...hosts, ...publicHosts()];
  };
  const ownOrigins = (): string[] => {
    const local = ownHosts().filter((host) => !publicHosts().includes(host));
    // Behind a TLS proxy the public name is reached over https.
    return [...local.map((host) => `http://${host}`), ...publicHosts().flatMap((host) => [`http://${host}`, `https://${host}`])];
  };
  const allowedOrigins = (): string[] => [...ownOrigins(), ...config.allowOrigins];

  /** Loopback peer, reached by a loopback name, not through a proxy (a tunnel to localhost is not local). */
  const isLocalPeer = (req: IncomingMessage): boolean => {
    const host = (header(req, 'host') ?? '').toLowerCase();
    const viaLoopbackName = LOOPBACK_NAMES.some((name) => host === name || host.startsWith(`${name}:`));
    const forwarded = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'].some((name) => header(req, name) !== undefined);
    return isLoopbackAddress(req.socket.remoteAddress) && viaLoopbackName && !forwarded;
  };
  /**
   * A local peer that is not a browser: curl, `ws`, a test, a script, Node's own `fetch`. A browser is
   * told by what it always sends on a request it could be tricked into making for another site: `Origin`
   * (every cross-origin CORS request, every WebSocket upgrade) and `Sec-Fetch-Site` (every request of a
   * current browser to a trustworthy origin such as 127.0.0.1, navigations and `<img>` included). Not by
   * `Sec-Fetch-Mode`: Node's, Deno's and Bun's `fetch` send it too.
   */
  const isLocalProgram = (req: IncomingMessage): boolean => {
    const fromBrowser = header(req, 'origin') !== undefined || header(req, 'sec-fetch-site') !== undefined;
    return !fromBrowser && isLocalPeer(req);
  };

  const cookieName = (): string => `lp_emulator_secret_${address().port}`;

  return {
    secret: config.controlSecret,
    get cookieName() {
      return cookieName();
    },
    ownHosts,
    allowedOrigins,
    allowPrivateNetwork: config.allowPrivateNetwork,
    refuseRequest(req) {
      const host = header(req, 'host')?.toLowerCase();
      if (host !== undefined && !ownHosts().includes(host)) {
        return { status: 421, message: `this Host is not one of the emulator's names (${ownHosts().join(', ')}); to serve another name, start it with --public-host <host:port>` };
      }
      const origin = header(req, 'origin');
      if (origin !== undefined && !allowedOrigins().includes(origin)) {
        return { status: 403, message: `origin ${origin.slice(0, 200)} is not allowed: start the emulator with --allow-origin ${origin.slice(0, 200)} to let its pages in` };
      }
      return undefined;
    },
    isControl(method, url) {
      const path = url.pathname;
      if (!path.startsWith('/emulator/')) return false;
      if (PAGE_PATHS.has(`${method === 'HEAD' ? 'GET' : method} ${path}`)) return false;
      // The visitor page's side of the call hub; the agent's side is control.
      return !(path === '/emulator/call/events' && url.searchParams.get('role') === 'consumer');
    },
    refuseControl(req) {
      if (sameSecret(header(req, SECRET_HEADER), config.controlSecret)) return undefined;
      const site = header(req, 'sec-fetch-site');
      if ((site === undefined || site === 'same-origin') && sameSecret(cookieValue(req, cookieName()), config.controlSecret)) return undefined;
      if (!config.strictControl && isLocalProgram(req)) return undefined;
      return {
        status: 401,
        message: 'agent control needs the emulator\'s secret: send the X-Emulator-Secret header the emulator printed at start, or open the agent console from the URL it printed',
      };
    },
    handsOutCookie(req, url) {
      if (sameSecret(url.searchParams.get('secret') ?? undefined, config.controlSecret)) return true;
      return !config.strictControl && isLocalPeer(req);
    },
  };
}

/** `Set-Cookie` for the console: the secret, HttpOnly, SameSite=Strict, for `/emulator` only. */
export function consoleCookie(policy: AccessPolicy): string {
  return `${policy.cookieName}=${policy.secret}; Path=/emulator; HttpOnly; SameSite=Strict`;
}
