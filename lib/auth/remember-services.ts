import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { globalFetch, stringField, type FetchLike, type FetchResponseLike } from './http';
import type { JwtStorage } from './remember-jwt';

/** Options of {@link rememberServices}. */
export interface RememberServicesOptions {
  /** The `fetch` to wrap. Default: the platform's. */
  readonly fetch?: FetchLike;
  /** How long a remembered answer is used (ms). Default one hour. */
  readonly maxAgeMs?: number;
  /** Storage key prefix. Default `'lp-call-streams.services'`. */
  readonly key?: string;
  /** Supplies `now()` for `maxAgeMs`. Default `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
}

/** `<domainApi>/api/account/<accountId>/service/<service>/baseURI.json?…`: one service's host. */
const LOOKUP = /^(.*\/api\/account\/[^/]+\/service)\/([^/?]+)\/baseURI\.json(\?.*)?$/;

interface Remembered {
  readonly at: number;
  readonly hosts: { readonly [service: string]: string };
}

function ok(body: unknown): FetchResponseLike {
  return { ok: true, status: 200, json: () => Promise.resolve(body) };
}

/** `{ baseURIs: [{ service, baseURI }] }` (or a bare list) as `service → host`. */
function hostsOf(body: unknown): { [service: string]: string } {
  const list: unknown = Array.isArray(body) ? body : typeof body === 'object' && body !== null ? Reflect.get(body, 'baseURIs') : undefined;
  const hosts: { [service: string]: string } = {};
  if (!Array.isArray(list)) return hosts;
  for (const entry of list) {
    const service = stringField(entry, 'service');
    const host = stringField(entry, 'baseURI');
    if (service !== undefined && host !== undefined) hosts[service] = host;
  }
  return hosts;
}

function read(storage: JwtStorage, slot: string): Remembered | undefined {
  try {
    const text = storage.getItem(slot);
    if (text === null) return undefined;
    const value: unknown = JSON.parse(text);
    const at: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'at') : undefined;
    const hosts: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'hosts') : undefined;
    if (typeof at !== 'number' || typeof hosts !== 'object' || hosts === null) return undefined;
    const checked: { [service: string]: string } = {};
    for (const [service, host] of Object.entries(hosts)) if (typeof host === 'string' && host !== '') checked[service] = host;
    return { at, hosts: checked };
  } catch {
    return undefined; // storage disabled or a foreign value: as if nothing was remembered
  }
}

function write(storage: JwtStorage, slot: string, value: Remembered): void {
  try {
    storage.setItem(slot, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the answer is simply not remembered.
  }
}

/**
 * A `fetch` for the connection that answers Domain API lookups from what it learned before, so a
 * page reload goes straight to the socket. The first lookup asks the Domain API for ALL services at
 * once (`…/service/baseURI.json`, one round trip instead of one per service: the socket host and
 * the IdP), keeps the answer in `storage` for `maxAgeMs`, and answers the following lookups from
 * it. Any other request passes through; if the all-services answer fails or lacks the service, the
 * single-service lookup is made as usual.
 *
 * Pair it with {@link rememberJwt} (same storage) so a reload needs neither a lookup nor a signup.
 *
 * @example
 * import { createCallClient, rememberJwt, rememberServices, unauthenticated } from 'lp-call-streams';
 * createCallClient({ accountId, auth: rememberJwt(unauthenticated(), sessionStorage), fetch: rememberServices(sessionStorage), visitor });
 */
export function rememberServices(storage: JwtStorage, options: RememberServicesOptions = {}): FetchLike {
  const scheduler = options.scheduler ?? asyncScheduler;
  const maxAgeMs = options.maxAgeMs ?? 3_600_000;
  const prefix = options.key ?? 'lp-call-streams.services';
  const inFlight = new Map<string, Promise<{ [service: string]: string }>>();
  const learned = new Map<string, Remembered>(); // also serves when the storage does not keep things

  const passThrough: FetchLike = (url, init) => {
    const fetchFn = options.fetch ?? globalFetch();
    if (fetchFn === undefined) return Promise.reject(new Error('no fetch available: pass `fetch` to rememberServices'));
    return fetchFn(url, init);
  };

  /** Every service's host, from one all-services lookup (shared while it is in flight). */
  const allServices = (base: string, query: string, slot: string): Promise<{ [service: string]: string }> => {
    const pending =
      inFlight.get(slot) ??
      passThrough(`${base}/baseURI.json${query}`)
        .then((response) => (response.ok ? response.json() : undefined))
        .then((body) => {
          const hosts = hostsOf(body);
          if (Object.keys(hosts).length > 0) {
            const value = { at: scheduler.now(), hosts };
            learned.set(slot, value);
            write(storage, slot, value);
          }
          return hosts;
        })
        .catch(() => ({}))
        .finally(() => inFlight.delete(slot));
    inFlight.set(slot, pending);
    return pending;
  };

  return (url, init) => {
    const lookup = init?.method === undefined || init.method === 'GET' ? LOOKUP.exec(url) : null;
    if (lookup === null) return passThrough(url, init);
    const [, base = '', service = '', query = '?version=1.0'] = lookup;
    const slot = `${prefix}:${base}`;
    const remembered = learned.get(slot) ?? read(storage, slot);
    const fresh = remembered !== undefined && scheduler.now() - remembered.at < maxAgeMs ? remembered.hosts[service] : undefined;
    if (fresh !== undefined) return Promise.resolve(ok({ service, baseURI: fresh }));
    return allServices(base, query, slot).then((hosts) => {
      const host = hosts[service];
      return host === undefined ? passThrough(url, init) : ok({ service, baseURI: host });
    });
  };
}
