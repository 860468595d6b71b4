import { filter, firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import type { FetchLike } from '../../lib/auth/http';
import { unauthenticated } from '../../lib/auth/auth';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import type { ConnectionState } from '../../lib/connection/types';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';
import { token } from './harness';

/** A fetch that fails `failures` times (network error), then answers by URL. */
function scriptedFetch(failures: number) {
  const urls: string[] = [];
  let failed = 0;
  const fetch: FetchLike = (url) => {
    urls.push(url);
    if (failed < failures) {
      failed += 1;
      return Promise.reject(new TypeError('fetch failed'));
    }
    const body = url.includes('/signup') ? { jwt: token(1) } : { service: 'x', account: '123', baseURI: 'host.example:8080' };
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });
  };
  return { fetch, urls };
}

const fastPolicy = { floorMs: 1, baseMs: 2, capMs: 4, stableAfterMs: 1_000 };

describe('createConnection: endpoint and auth over the Domain API (real time, fake socket)', () => {
  it('peers §3.6: resolves asyncMessagingEnt and idp, signs up, connects — scheme from the Domain API', async () => {
    const fake = createFakeSocketFactory();
    const { fetch, urls } = scriptedFetch(0);
    const connection = createConnection({
      accountId: '123',
      auth: unauthenticated(),
      endpoint: { domainApi: 'http://domain.example' },
      fetch,
      webSocketFactory: fake.webSocketFactory,
      navigator: { userAgent: '' },
    });
    const open = firstValueFrom(connection.connect().pipe(filter((state) => state.status === 'open')));
    await expect(open).resolves.toEqual({ status: 'open', generation: 1 });
    connection.close();
    expect(fake.latest().url).toBe('ws://host.example:8080/ws_api/account/123/messaging/consumer?v=3');
    expect(urls).toEqual([
      'http://domain.example/api/account/123/service/asyncMessagingEnt/baseURI.json?version=1.0',
      'http://domain.example/api/account/123/service/idp/baseURI.json?version=1.0',
      'http://host.example:8080/api/account/123/signup',
    ]);
    expect(JSON.stringify(fake.latest().lastRequest('InitConnection')?.headers)).toContain(token(1));
  });

  it('peers §3.6: recovers after Domain API failures (backoff, then lookup again)', async () => {
    const fake = createFakeSocketFactory();
    const { fetch } = scriptedFetch(2);
    const connection = createConnection({
      accountId: '123',
      auth: { jwt: () => token(1) },
      fetch,
      webSocketFactory: fake.webSocketFactory,
      reconnect: fastPolicy,
      navigator: { userAgent: '' },
    });
    const diagnostics: ConnectionDiagnostic[] = [];
    connection.diagnostic$.subscribe((d) => diagnostics.push(d));
    const seen: ConnectionState[] = await lastValueFrom(connection.connect().pipe(take(8), toArray()));
    connection.close();
    expect(seen.map((state) => state.status)).toEqual(['idle', 'connecting', 'reconnecting', 'connecting', 'reconnecting', 'connecting', 'handshaking', 'open']);
    expect(diagnostics.slice(0, 2)).toEqual([
      expect.objectContaining({ type: 'disconnected', cause: { type: 'endpoint-error', message: 'HttpError: https://api.liveperson.net/api/account/123/service/asyncMessagingEnt/baseURI.json?version=1.0: no answer (fetch failed): is a server running at this address?' }, next: expect.objectContaining({ type: 'reconnect', attempt: 1 }) }),
      expect.objectContaining({ type: 'disconnected', cause: { type: 'endpoint-error', message: 'HttpError: https://api.liveperson.net/api/account/123/service/asyncMessagingEnt/baseURI.json?version=1.0: no answer (fetch failed): is a server running at this address?' }, next: expect.objectContaining({ type: 'reconnect', attempt: 2 }) }),
    ]);
    expect(fake.sockets).toHaveLength(1);
  });

  it('the JWT appears in no URL, state, diagnostic or error — only in the InitConnection header', async () => {
    const fake = createFakeSocketFactory({ autoReply: {} });
    const secret = token(7);
    const connection = createConnection({
      accountId: '123',
      auth: { jwt: () => secret },
      endpoint: { socketUrl: 'wss://x/ws_api/account/123/messaging/consumer?v=3' },
      webSocketFactory: fake.webSocketFactory,
      handshakeTimeoutMs: 5,
      reconnect: fastPolicy,
      navigator: { userAgent: '' },
    });
    const diagnostics: ConnectionDiagnostic[] = [];
    connection.diagnostic$.subscribe((d) => diagnostics.push(d));
    const errors: unknown[] = [];
    const states = lastValueFrom(connection.state$.pipe(take(6), toArray()));
    connection.request('GetClock', undefined, { timeoutMs: 3 }).subscribe({ error: (error: unknown) => errors.push(error) });
    const seen = await states;
    connection.close();
    const everything = JSON.stringify({ seen, diagnostics, errors: errors.map(String), urls: fake.sockets.map((s) => s.url) });
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('eyJ');
    expect(fake.sockets[0]?.sent[0]).toContain(secret);
  });
});
