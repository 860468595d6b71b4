import { firstValueFrom, lastValueFrom, of, throwError } from 'rxjs';
import { authenticated, fromJwtSource, type JwtRequest, unauthenticated } from '../../lib/auth/auth';
import { consumerSocketUrl, lookupService, resolveSocketUrl, socketScheme } from '../../lib/auth/domain-api';
import { type FetchLike, HttpError } from '../../lib/auth/http';

interface Call {
  readonly url: string;
  readonly method: string;
  readonly body: string | undefined;
}

/** A scripted fetch: answers by URL substring. */
function fakeFetch(routes: Record<string, { readonly status?: number; readonly json: unknown }>): FetchLike & { calls: Call[] } {
  const calls: Call[] = [];
  const fn: FetchLike = (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
    const route = Object.entries(routes).find(([part]) => url.includes(part))?.[1];
    const status = route?.status ?? (route === undefined ? 404 : 200);
    return Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve(route?.json) });
  };
  return Object.assign(fn, { calls });
}

const request = (fetch: FetchLike, reason: JwtRequest['reason'] = 'initial'): JwtRequest => ({ reason, accountId: '123', domainApi: 'http://127.0.0.1:9', fetch });

describe('peers §3.6 authentication and endpoint', () => {
  it('looks up a service with the Domain API, tolerating the list forms', async () => {
    const fetch = fakeFetch({ '/service/idp/': { json: { service: 'idp', account: '123', baseURI: 'idp.example' } } });
    await expect(firstValueFrom(lookupService(fetch, 'https://api.example/', '123', 'idp'))).resolves.toBe('idp.example');
    expect(fetch.calls[0]?.url).toBe('https://api.example/api/account/123/service/idp/baseURI.json?version=1.0');
    const list = fakeFetch({ baseURI: { json: { baseURIs: [{ service: 'asyncMessagingEnt', baseURI: 'ums.example' }] } } });
    await expect(firstValueFrom(lookupService(list, 'https://api.example', '123', 'asyncMessagingEnt'))).resolves.toBe('ums.example');
  });

  it('derives the socket scheme from the Domain API URL and never puts a token in it', async () => {
    expect(socketScheme('http://127.0.0.1:8080')).toBe('ws');
    expect(socketScheme('https://api.liveperson.net')).toBe('wss');
    const fetch = fakeFetch({ asyncMessagingEnt: { json: { baseURI: '127.0.0.1:8080' } } });
    await expect(firstValueFrom(resolveSocketUrl(fetch, 'http://127.0.0.1:8080', '123'))).resolves.toBe('ws://127.0.0.1:8080/ws_api/account/123/messaging/consumer?v=3');
    expect(consumerSocketUrl('wss', 'va.msg.liveperson.net', '42')).toBe('wss://va.msg.liveperson.net/ws_api/account/42/messaging/consumer?v=3');
  });

  it('is lazy: nothing is fetched until subscribed', () => {
    const fetch = fakeFetch({});
    lookupService(fetch, 'https://x', '1', 'idp');
    expect(fetch.calls).toHaveLength(0);
  });

  it('fails with HttpError on a non-2xx answer or a body without baseURI', async () => {
    const fetch = fakeFetch({ idp: { status: 401, json: {} }, asyncMessagingEnt: { json: { nope: true } } });
    await expect(firstValueFrom(lookupService(fetch, 'https://x', '1', 'idp'))).rejects.toBeInstanceOf(HttpError);
    await expect(firstValueFrom(lookupService(fetch, 'https://x', '1', 'asyncMessagingEnt'))).rejects.toThrow('no baseURI');
  });

  it('unauthenticated(): idp lookup (once), then signup, over the Domain API scheme', async () => {
    const fetch = fakeFetch({ '/service/idp/': { json: { baseURI: '127.0.0.1:9' } }, '/signup': { json: { jwt: 'eyJ.a.b' } } });
    const auth = unauthenticated();
    await expect(lastValueFrom(fromJwtSource(() => auth.jwt(request(fetch))))).resolves.toBe('eyJ.a.b');
    await expect(lastValueFrom(fromJwtSource(() => auth.jwt(request(fetch, 'expired'))))).resolves.toBe('eyJ.a.b');
    expect(fetch.calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      'GET http://127.0.0.1:9/api/account/123/service/idp/baseURI.json?version=1.0',
      'POST http://127.0.0.1:9/api/account/123/signup',
      'POST http://127.0.0.1:9/api/account/123/signup',
    ]);
  });

  it('authenticated(getAuthCode): posts the auth code, asks for a new one on each refresh', async () => {
    const fetch = fakeFetch({ '/authenticate': { json: { jwt: 'eyJ.lp.jwt' } } });
    const reasons: string[] = [];
    const auth = authenticated(
      (reason) => {
        reasons.push(reason);
        return Promise.resolve(`code-${reasons.length}`);
      },
      { idpHost: 'idp.example' },
    );
    await expect(lastValueFrom(fromJwtSource(() => auth.jwt({ ...request(fetch), domainApi: 'https://api.example' })))).resolves.toBe('eyJ.lp.jwt');
    await expect(lastValueFrom(fromJwtSource(() => auth.jwt({ ...request(fetch, 'expired'), domainApi: 'https://api.example' })))).resolves.toBe('eyJ.lp.jwt');
    expect(reasons).toEqual(['initial', 'expired']);
    expect(fetch.calls.map((call) => [call.url, call.body])).toEqual([
      ['https://idp.example/api/account/123/authenticate', '{"authCode":"code-1"}'],
      ['https://idp.example/api/account/123/authenticate', '{"authCode":"code-2"}'],
    ]);
  });

  it('fromJwtSource accepts a string, a Promise or an Observable, and errors when none yields a token', async () => {
    await expect(firstValueFrom(fromJwtSource(() => 'a'))).resolves.toBe('a');
    await expect(firstValueFrom(fromJwtSource(() => Promise.resolve('b')))).resolves.toBe('b');
    await expect(firstValueFrom(fromJwtSource(() => of('c', 'd')))).resolves.toBe('c');
    await expect(firstValueFrom(fromJwtSource(() => throwError(() => new Error('idp down'))))).rejects.toThrow('idp down');
    await expect(firstValueFrom(fromJwtSource(() => of<string>()))).rejects.toThrow('completed without a token');
  });
});
