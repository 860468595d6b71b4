/**
 * Options of {@link startEmulator} and their defaults.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_ACCOUNTS } from './accounts';
import { realClock, type EmulatorClock } from './clock';
import type { MediaConfig } from './hub-protocol';
import { resolveMediaOptions, type MediaOptions } from './media-options';
import type { Route, RouteContext } from './http-router';
import { defaultAssetDirs, libraryRoot, packageRoot } from './assets';
import type { AccessConfig } from './access';
import { invitationTtlRefusal, resolveLimits, type EmulatorLimits } from './limits';
import type { StaticDir } from './static-files';
import type { RunningEmulator } from './types';

/** An extra HTTP route; its handler also gets the running emulator. */
export interface EmulatorRoute extends Omit<Route, 'handler'> {
  readonly handler: (ctx: RouteContext & { readonly emulator: RunningEmulator }) => void | Promise<void>;
}

export interface EmulatorOptions {
  /** Default 0 (a free port); the CLI defaults to 8080. */
  port?: number;
  /** Default `'127.0.0.1'`. */
  host?: string;
  /** HMAC secret for the JWTs (random per start by default; set it to keep tokens valid across restarts). */
  jwtSecret?: string;
  /** Lifetime of issued JWTs (default 1 hour). */
  tokenTtlMs?: number;
  /** Close consumer sockets silent this long (default 60_000). */
  idleTimeoutMs?: number;
  /** An invitation expires this long after it was sent (default 120_000). */
  invitationTtlMs?: number;
  /** DELETE notification this long after a conversation closes (default 5_000). */
  deleteAfterCloseMs?: number;
  /**
   * A consumer idle this long (no open socket, no open conversation, no unexpired token) is forgotten
   * with its DELETEd conversations (default 600_000: ten minutes). Measured on `clock`.
   */
  forgetAfterMs?: number;
  /** Per socket; requests over it get a 429 response (default false: no limit). */
  rateLimit?: { maxRequests: number; perMs: number } | false;
  /** Default: the wall clock. Tests pass {@link createManualClock}. */
  clock?: EmulatorClock;
  /**
   * Measures socket idleness for `idleTimeoutMs` (default: the wall clock, even when `clock` is a
   * manual clock, so a test advancing it never closes live sockets as idle). Pass `clock` to drive it too.
   */
  idleClock?: EmulatorClock;
  /** Account ids the Domain API and the IdP answer for (default `['123456', '12345678']`); others get 404. */
  accounts?: readonly string[];
  /** Answer for every account id (default false). */
  permissive?: boolean;
  /** ICE servers and timings of the real WebRTC calls between the stand-in call app and the agent console. */
  media?: MediaOptions;
  /** The agent's numeric id, as in `"<accountId>.<agentNumericId>"` (default `'356285412'`). */
  agentNumericId?: string;
  /** Extra HTTP routes (matched after the built-in ones). */
  routes?: readonly EmulatorRoute[];
  /** Directories served at URL prefixes (after all routes). */
  staticDirs?: readonly StaticDir[];
  /**
   * Serve the agent console at `/agent`, the stand-in lpTag at `/lptag.js` and the library's browser
   * bundles (`/lp-call-streams.umd.js`, `/lp-call-streams.esm.js`) (default true). Mounted after `staticDirs`.
   */
  browserAssets?: boolean;
  /** One line per notable event (connections, requests and their codes). Never receives a JWT. */
  log?: (line: string) => void;
  /** Caps on what the emulator stores and queues (defaults in the README's "Security" section). */
  limits?: Partial<EmulatorLimits>;
  /**
   * The `host:port` the Domain API answers (never the request's `Host`), for clients that reach the
   * emulator under another name (another machine, a proxy). Default: the bound address and port.
   */
  publicHost?: string;
  /**
   * The per-run secret of the agent control (`X-Emulator-Secret`, the console's cookie). Default: random
   * per start. 16 to 256 characters of `A-Z a-z 0-9 . _ ~ -`.
   */
  controlSecret?: string;
  /**
   * Origins (besides the emulator's own) whose pages may use it: the Domain API, the IdP, the WebSocket
   * and what the stand-in call app needs; never the agent control without the secret. Exact origins,
   * e.g. `['http://localhost:3000']`; `'null'` for `file:` pages.
   */
  allowOrigins?: readonly string[];
  /** Opt in to Chrome's Private Network Access preflights for allowed origins (default false). */
  allowPrivateNetwork?: boolean;
  /** No exemption for programs on this machine, no console cookie without `?secret=` (default false). */
  strictControl?: boolean;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly jwtSecret: string;
  readonly tokenTtlMs: number;
  readonly idleTimeoutMs: number;
  readonly invitationTtlMs: number;
  readonly deleteAfterCloseMs: number;
  readonly forgetAfterMs: number;
  readonly rateLimit: { readonly maxRequests: number; readonly perMs: number } | false;
  readonly clock: EmulatorClock;
  readonly idleClock: EmulatorClock;
  readonly accounts: readonly string[];
  readonly permissive: boolean;
  readonly media: MediaConfig;
  readonly agentNumericId: string;
  readonly routes: readonly EmulatorRoute[];
  readonly staticDirs: readonly StaticDir[];
  readonly log: (line: string) => void;
  readonly limits: EmulatorLimits;
  /** Undefined: the bound address and port, known once listening. */
  readonly publicHost: string | undefined;
  readonly access: AccessConfig;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of milliseconds`);
  return value;
}

function withinWire(name: string, ms: number): number {
  const refusal = invitationTtlRefusal(name, ms);
  if (refusal !== undefined) throw new RangeError(refusal);
  return ms;
}

const HOST_PORT = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;

function checkPublicHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!HOST_PORT.test(value)) throw new RangeError(`publicHost must be host:port (e.g. emulator.test:8080 or [::1]:8080), got ${value.slice(0, 100)}`);
  return value.toLowerCase();
}

function checkSecret(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[A-Za-z0-9._~-]{16,256}$/.test(value)) throw new RangeError('controlSecret must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ -');
  return value;
}

/** An exact origin (`scheme://host[:port]`, as browsers send it) or `null`. */
function checkOrigin(value: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(value).origin;
  } catch {
    origin = undefined;
  }
  if (value !== 'null' && origin !== value) throw new RangeError(`allowOrigins: ${value.slice(0, 100)} is not an origin; write it as a browser sends it, e.g. http://localhost:3000 (no path, no trailing slash)`);
  return value;
}

/** Fills in defaults; throws a RangeError for impossible values. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError('port must be an integer from 0 to 65535');
  const rateLimit = options.rateLimit ?? false;
  if (rateLimit !== false && (!Number.isInteger(rateLimit.maxRequests) || rateLimit.maxRequests < 1 || !(rateLimit.perMs > 0))) {
    throw new RangeError('rateLimit needs maxRequests >= 1 and perMs > 0');
  }
  const agentNumericId = options.agentNumericId ?? '356285412';
  const clock = options.clock ?? realClock();
  if (!/^\d{1,20}$/.test(agentNumericId)) throw new RangeError('agentNumericId must be digits');
  return {
    port,
    host: options.host ?? '127.0.0.1',
    jwtSecret: options.jwtSecret ?? randomBytes(32).toString('base64url'),
    tokenTtlMs: positive('tokenTtlMs', options.tokenTtlMs, 3_600_000),
    idleTimeoutMs: positive('idleTimeoutMs', options.idleTimeoutMs, 60_000),
    invitationTtlMs: withinWire('invitationTtlMs', positive('invitationTtlMs', options.invitationTtlMs, 120_000)),
    deleteAfterCloseMs: positive('deleteAfterCloseMs', options.deleteAfterCloseMs, 5_000),
    forgetAfterMs: positive('forgetAfterMs', options.forgetAfterMs, 600_000),
    rateLimit,
    clock,
    idleClock: options.idleClock ?? realClock(),
    accounts: options.accounts ?? DEFAULT_ACCOUNTS,
    permissive: options.permissive ?? false,
    media: resolveMediaOptions(options.media),
    agentNumericId,
    routes: options.routes ?? [],
    staticDirs: [...(options.staticDirs ?? []), ...(options.browserAssets === false ? [] : defaultAssetDirs(packageRoot(), libraryRoot()))],
    log: options.log ?? (() => undefined),
    limits: resolveLimits(options.limits),
    publicHost: checkPublicHost(options.publicHost),
    access: {
      controlSecret: checkSecret(options.controlSecret) ?? randomBytes(24).toString('base64url'),
      allowOrigins: (options.allowOrigins ?? []).map(checkOrigin),
      allowPrivateNetwork: options.allowPrivateNetwork ?? false,
      strictControl: options.strictControl ?? false,
    },
  };
}
