import { firstValueFrom, VirtualTimeScheduler } from 'rxjs';
import { lookupService } from '../../lib/auth/domain-api';
import type { FetchLike, FetchResponseLike } from '../../lib/auth/http';
import type { JwtStorage } from '../../lib/auth/remember-jwt';
import { rememberServices } from '../../lib/auth/remember-services';

const API = 'http://domain.test';
const ALL = `${API}/api/account/123/service/baseURI.json?version=1.0`;
const one = (service: string) => `${API}/api/account/123/service/${service}/baseURI.json?version=1.0`;

function memoryStorage(): JwtStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const json = (status: number, body: unknown): FetchResponseLike => ({ ok: status < 300, status, json: () => Promise.resolve(body) });

/** A Domain API that answers all-services and single-service lookups; records every call. */
function domainApi(options: { readonly allServices?: boolean } = {}): FetchLike & { readonly calls: string[] } {
  const calls: string[] = [];
  const hosts: { [service: string]: string } = { asyncMessagingEnt: 'ums.test', idp: 'idp.test' };
  const fetchFn = (url: string, init?: { readonly method?: string }): Promise<FetchResponseLike> => {
    calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (url === ALL) {
      return Promise.resolve(options.allServices === false ? json(404, {}) : json(200, { baseURIs: Object.entries(hosts).map(([service, baseURI]) => ({ service, account: '123', baseURI })) }));
    }
    const service = /service\/([^/]+)\/baseURI/.exec(url)?.[1];
    return Promise.resolve(service !== undefined && hosts[service] !== undefined ? json(200, { service, baseURI: hosts[service] }) : json(201, { jwt: 'token' }));
  };
  return Object.assign(fetchFn, { calls });
}

const host = (fetchFn: FetchLike, service: 'asyncMessagingEnt' | 'idp') => firstValueFrom(lookupService(fetchFn, API, '123', service));

describe('rememberServices', () => {
  it('asks the Domain API for every service at once, then answers the other lookups without a round trip', async () => {
    const api = domainApi();
    const fetchFn = rememberServices(memoryStorage(), { fetch: api });
    expect(await host(fetchFn, 'asyncMessagingEnt')).toBe('ums.test');
    expect(await host(fetchFn, 'idp')).toBe('idp.test');
    expect(api.calls).toEqual([`GET ${ALL}`]);
  });

  it('lets a reload (a new wrapper over the same storage) skip the Domain API', async () => {
    const storage = memoryStorage();
    const api = domainApi();
    await host(rememberServices(storage, { fetch: api }), 'asyncMessagingEnt');
    const reload = rememberServices(storage, { fetch: api });
    expect(await host(reload, 'asyncMessagingEnt')).toBe('ums.test');
    expect(await host(reload, 'idp')).toBe('idp.test');
    expect(api.calls).toHaveLength(1);
  });

  it('asks again once the remembered answer is older than maxAgeMs', async () => {
    const storage = memoryStorage();
    const scheduler = new VirtualTimeScheduler();
    const api = domainApi();
    await host(rememberServices(storage, { fetch: api, scheduler, maxAgeMs: 1000 }), 'idp');
    scheduler.frame = 999;
    await host(rememberServices(storage, { fetch: api, scheduler, maxAgeMs: 1000 }), 'idp');
    expect(api.calls).toHaveLength(1);
    scheduler.frame = 1000;
    await host(rememberServices(storage, { fetch: api, scheduler, maxAgeMs: 1000 }), 'idp');
    expect(api.calls).toHaveLength(2);
  });

  it('falls back to the single-service lookup when the all-services answer fails', async () => {
    const api = domainApi({ allServices: false });
    const fetchFn = rememberServices(memoryStorage(), { fetch: api });
    expect(await host(fetchFn, 'idp')).toBe('idp.test');
    expect(api.calls).toEqual([`GET ${ALL}`, `GET ${one('idp')}`]);
  });

  it('passes every other request through untouched', async () => {
    const api = domainApi();
    const fetchFn = rememberServices(memoryStorage(), { fetch: api });
    const response = await fetchFn(`${API}/api/account/123/signup`, { method: 'POST' });
    expect(await response.json()).toEqual({ jwt: 'token' });
    expect(api.calls).toEqual([`POST ${API}/api/account/123/signup`]);
  });

  it('works without a usable storage (throwing or holding foreign values), remembering for its own lifetime', async () => {
    const api = domainApi();
    const broken: JwtStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    const fetchFn = rememberServices(broken, { fetch: api });
    expect(await host(fetchFn, 'asyncMessagingEnt')).toBe('ums.test');
    expect(await host(fetchFn, 'idp')).toBe('idp.test');
    const foreign = memoryStorage();
    foreign.items.set('lp-call-streams.services:http://domain.test/api/account/123/service', '{"at":"x"}');
    expect(await host(rememberServices(foreign, { fetch: api }), 'idp')).toBe('idp.test');
    expect(api.calls).toHaveLength(2);
  });
});
