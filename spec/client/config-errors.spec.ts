/**
 * Issue #12 point 5: configuration mistakes fail fast with a ConfigError that names the field and
 * says what to pass — they never look like network trouble retried forever.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom, lastValueFrom, NEVER, take, toArray } from 'rxjs';
import type { FetchLike } from '../../lib/auth/http';
import { unauthenticated } from '../../lib/auth/auth';
import { createCallClient } from '../../lib/client/create-call-client';
import type { CallClientConfig } from '../../lib/client/types';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import type { ConnectionConfig, ConnectionState } from '../../lib/connection/types';
import { CallIntentError, ConfigError } from '../../lib/errors';
import type { ClientDiagnostic } from '../../lib/client/types';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';
import { createTestCallClient } from '../../lib/testing/test-call-client';

const fake = () => createFakeSocketFactory();
const base = (): CallClientConfig => ({
  accountId: '12345678',
  auth: { jwt: () => 'jwt' },
  endpoint: { socketUrl: 'wss://fake.invalid/ws' },
  webSocketFactory: fake().webSocketFactory,
  visitor: { name: 'Jane' },
});

/** Runs `create` and returns the ConfigError it threw (fails if it threw nothing or something else). */
function configErrorOf(create: () => unknown): ConfigError {
  try {
    create();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a ConfigError, nothing was thrown');
}

/** A config as plain JavaScript could pass it (the types would refuse it). */
const untyped = (config: object): CallClientConfig => config as CallClientConfig;
const untypedConnection = (config: object): ConnectionConfig => config as ConnectionConfig;

describe('createCallClient / createConnection: configuration validated at creation', () => {
  it.each<[string, object, string, RegExp]>([
    ['an empty accountId', { accountId: '' }, 'accountId', /account id/i],
    ['a blank accountId', { accountId: '   ' }, 'accountId', /account id/i],
    ['a number as accountId', { accountId: 12345678 }, 'accountId', /string/i],
    ['no auth', { auth: undefined }, 'auth', /unauthenticated\(\)|jwt/],
    ['auth as a string', { auth: 'eyJtoken' }, 'auth', /\{ jwt: \(\) =>/],
    ['auth without a jwt function', { auth: { token: 'x' } }, 'auth', /jwt/],
    ['a typo in endpoint', { endpoint: { socketURL: 'wss://x' } }, 'endpoint.socketURL', /socketUrl/],
    ['an endpoint socketUrl that is not ws(s)', { endpoint: { socketUrl: 'https://x' } }, 'endpoint.socketUrl', /ws:\/\/|wss:\/\//],
    ['an endpoint domainApi that is not http(s)', { endpoint: { domainApi: 'api.liveperson.net' } }, 'endpoint.domainApi', /https:\/\//],
  ])('%s → ConfigError naming the field and what to pass (client and connection)', (_name, patch, field, hint) => {
    const client = configErrorOf(() => createCallClient(untyped({ ...base(), ...patch })));
    expect(client.field).toBe(field);
    expect(client.message).toMatch(hint);
    const connection = configErrorOf(() => createConnection(untypedConnection({ ...base(), ...patch })));
    expect(connection.field).toBe(field);
  });

  it.each<[string, object, string]>([
    ['no visitor', { visitor: undefined }, 'visitor'],
    ['an empty visitor name', { visitor: { name: '' } }, 'visitor.name'],
    ['a visitor name that is not a string or function', { visitor: { name: 42 } }, 'visitor.name'],
    ['an unknown top-level key (a typo)', { autooffer: false }, 'autooffer'],
    ['an unknown key inside visitor (a typo)', { visitor: { name: 'Jane', ssdi: 'sid-1' } }, 'visitor.ssdi'],
    ['autoOffer that is not a boolean', { autoOffer: 'no' }, 'autoOffer'],
  ])('%s → ConfigError from createCallClient', (_name, patch, field) => {
    const error = configErrorOf(() => createCallClient(untyped({ ...base(), ...patch })));
    expect(error.field).toBe(field);
    expect(error.name).toBe('ConfigError');
  });

  it('a config that is not an object → ConfigError on config, listing the options', () => {
    const error = configErrorOf(() => createCallClient(untyped(null as unknown as object)));
    expect(error.field).toBe('config');
    expect(error.message).toMatch(/accountId, auth/);
  });

  it('a valid config creates a client without I/O', () => {
    const factory = fake();
    createCallClient({ ...base(), webSocketFactory: factory.webSocketFactory });
    expect(factory.sockets).toHaveLength(0);
  });
});

describe('failures only the network reveals', () => {
  const fastPolicy = { floorMs: 1, baseMs: 2, capMs: 4, stableAfterMs: 1_000 };
  const answering = (status: number, urls: string[]): FetchLike => (url) => {
    urls.push(url);
    return Promise.resolve({ ok: status < 400, status, json: () => Promise.resolve({ baseURI: 'host.example' }) });
  };

  it('the Domain API answers 404 for the account → closed { reason: config }, the diagnostic names the URL and status', async () => {
    const urls: string[] = [];
    const connection = createConnection({ accountId: '99999999', auth: { jwt: () => 'jwt' }, fetch: answering(404, urls), webSocketFactory: fake().webSocketFactory, reconnect: fastPolicy, navigator: { userAgent: '' } });
    const diagnostics: ConnectionDiagnostic[] = [];
    connection.diagnostic$.subscribe((d) => diagnostics.push(d));
    const states: ConnectionState[] = await lastValueFrom(connection.connect().pipe(toArray()));
    expect(states.map((s) => s.status)).toEqual(['idle', 'connecting', 'closed']);
    expect(states.at(-1)).toEqual({ status: 'closed', reason: 'config' });
    expect(urls).toHaveLength(1); // not retried: retrying cannot help
    const [disconnected] = diagnostics;
    expect(disconnected).toMatchObject({ type: 'disconnected', next: { type: 'terminal', reason: 'config' } });
    expect(JSON.stringify(disconnected)).toContain('https://api.liveperson.net/api/account/99999999/service/asyncMessagingEnt/baseURI.json');
    expect(JSON.stringify(disconnected)).toContain('404');
  });

  it('the IdP answers 404 on signup → closed { reason: config }', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = (url) => {
      urls.push(url);
      const ok = url.includes('baseURI');
      return Promise.resolve({ ok, status: ok ? 200 : 404, json: () => Promise.resolve({ baseURI: 'idp.example' }) });
    };
    const connection = createConnection({ accountId: '123', auth: unauthenticated(), endpoint: { socketUrl: 'wss://x/ws', domainApi: 'https://domain.example' }, fetch, webSocketFactory: fake().webSocketFactory, reconnect: fastPolicy, navigator: { userAgent: '' } });
    const last = await lastValueFrom(connection.connect());
    expect(last).toEqual({ status: 'closed', reason: 'config' });
  });

  it('a server that is not running: the diagnostic names the URL tried, and it is retried (it may come up)', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    const connection = createConnection({ accountId: '123', auth: { jwt: () => 'jwt' }, endpoint: { domainApi: 'http://127.0.0.1:9' }, fetch, webSocketFactory: fake().webSocketFactory, reconnect: fastPolicy, navigator: { userAgent: '' } });
    const diagnostic = firstValueFrom(connection.diagnostic$);
    const states = lastValueFrom(connection.connect().pipe(take(3), toArray()));
    const first = await diagnostic;
    expect(first).toMatchObject({ type: 'disconnected', next: { type: 'reconnect' } });
    expect(JSON.stringify(first)).toContain('http://127.0.0.1:9/api/account/123/service/asyncMessagingEnt/baseURI.json');
    expect((await states).map((s) => s.status)).toEqual(['idle', 'connecting', 'reconnecting']);
    connection.close();
  });
});

describe('a visitor name that turns out empty at publish time', () => {
  it('is a diagnostic naming the field, and a later accept says the session failed', () => {
    let name = 'Jane';
    const t = createTestCallClient({ visitor: { name: () => name } });
    const diagnostics: ClientDiagnostic[] = [];
    const subscription = t.client.diagnostic$.subscribe((d) => diagnostics.push(d));
    subscription.add(t.client.session$.subscribe());
    t.advance(10);
    name = '';
    t.sendCall('INVITED');
    expect(diagnostics).toContainEqual({ source: 'lptag', diagnostic: expect.objectContaining({ type: 'lptag-publish-invalid', event: 'cobrowseOffered', field: 'visitorName' }) });
    let reason = '';
    t.client.accept('call-1').subscribe({ error: (error: unknown) => (reason = error instanceof CallIntentError ? error.reason : 'other') });
    expect(reason).toBe('call-failed');
    subscription.unsubscribe();
  });
});

describe('issue #22: every ConfigError names the full path, a README section that exists, in English', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const headings = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((match) => match[1]?.trim()));
  const element = (): Element => document.createElement('div');

  it.each<[string, string, object]>([
    ['an unknown key inside connection', 'connection.keepAliveMs', { connection: { keepAliveMs: 1 } }],
    ['a timer no scheduler can run inside connection', 'connection.keepAlive.idleMs', { connection: { keepAlive: { idleMs: 0 } } }],
    ['an unknown key inside connection.reconnect', 'connection.reconnect.backoffMs', { connection: { reconnect: { backoffMs: 10 } } }],
    ['a timeout that is not a number inside connection', 'connection.requestTimeoutMs', { connection: { requestTimeoutMs: '10s' } }],
    ['a frame cap of 0 inside connection', 'connection.maxInboundFrameSize', { connection: { maxInboundFrameSize: 0 } }],
    ['connection that is not an object', 'connection', { connection: 30_000 }],
    ['a top-level option put inside connection', 'connection.fetch', { connection: { fetch: () => Promise.reject(new Error('x')) } }],
    ['container.parent as a selector string', 'container.parent', { container: { parent: '#call' } }],
    ['container.loadingText that is not text', 'container.loadingText', { container: { loadingText: 42 } }],
    ['a typo inside container', 'container.parnet', { container: { parnet: element() } }],
    ['container that is not an object', 'container', { container: '#call' }],
    ['callScreen that is not a function', 'callScreen', { callScreen: { subscribe: () => undefined } }],
  ])('%s → ConfigError on %s, at creation', (_name, field, patch) => {
    expect(configErrorOf(() => createCallClient(untyped({ ...base(), ...patch }))).field).toBe(field);
  });

  it('what is right inside container and callScreen is accepted', () => {
    for (const patch of [{ container: { parent: element(), loadingText: null } }, { container: { parent: () => null, loadingText: 'Connecting…' } }, { callScreen: () => NEVER }, { document }]) {
      expect(() => createCallClient({ ...base(), ...patch })).not.toThrow();
    }
  });

  /** Every mistake these specs make, each with the error it gets. */
  const mistakes: readonly object[] = [
    { accountId: undefined },
    { accountId: 12345678 },
    { auth: undefined },
    { auth: { token: 'x' } },
    { endpoint: 'wss://x' },
    { endpoint: { socketURL: 'wss://x' } },
    { visitor: undefined },
    { autooffer: false },
    { lpTagWaitMs: 'soon' },
    { expirySkewMs: -1 },
    { connection: { keepAliveMs: 1 } },
    { connection: { keepAlive: { idleMs: '30000' } } },
    { connection: { keepAlive: 30_000 } },
    { connection: { reconnect: { maxAttempts: 0.5 } } },
    { connection: { queue: { ttl: 1 } } },
    { connection: { requestTimeoutMs: null } },
    { connection: { maxInboundFrameSize: 'big' } },
    { container: { parent: '#call' } },
    { container: { loadingText: 42 } },
    { callScreen: 'screen' },
    { connection: 5 },
    { container: { parnet: 1 } },
  ];
  const messages = (): string[] => mistakes.map((patch) => configErrorOf(() => createCallClient(untyped({ ...base(), ...patch }))).message);

  it('a hint that points at the README names a section the README has', () => {
    const pointers = messages().flatMap((message) => [...message.matchAll(/README/g)].map((match) => ({ message, at: match.index })));
    expect(pointers.length).toBeGreaterThan(3);
    for (const { message, at } of pointers) {
      const section = /^README's "([^"]+)"/.exec(message.slice(at))?.[1];
      expect({ message, section: section !== undefined && headings.has(section) }).toEqual({ message, section: true });
    }
    expect(messages().join('\n')).not.toMatch(/ConnectionConfig|CallClientConfig/);
  });

  it('reads as English: no "a undefined", "a object", no bare type names after "got"', () => {
    for (const message of messages()) {
      expect(message).not.toMatch(/\ba (undefined|object|array|integer)\b|\ban (string|number|boolean|function|null)\b|\(got (string|number|boolean|object|function)\)/);
    }
  });
});
