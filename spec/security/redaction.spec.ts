/**
 * Issue #14 point 4: nothing that can hold a token reaches a public value. A recognisable token —
 * the exact (opaque) string the auth provider gave the client, and a JWT-looking one — is fed
 * through every failure path; every value of every public stream and every error a command throws
 * (message, fields, cause chain) is scanned for it.
 */
import { type Observable, type Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { authenticated, type JwtReason } from '../../lib/auth/auth';
import { createConnection } from '../../lib/connection/create-connection';
import type { Connection, ConnectionConfig } from '../../lib/connection/types';
import { createFakeSocketFactory, defaultAutoReplies, type FakeSocketFactory } from '../../lib/testing/fake-socket';
import { scanFor } from './scan';

/** The exact token the auth provider hands out (opaque: no JWT pattern would catch it). */
const opaque = (n: number): string => `OPAQUE-t0ken-${n}-5ecret`;
/** A JWT-looking string a server might echo. */
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2aXNpdG9yIn0.c2lnbmF0dXJlLXNlY3JldA';
const everyToken = (): string[] => [JWT, opaque(1), opaque(2), opaque(3), opaque(4)];

interface Run {
  readonly fake: FakeSocketFactory;
  readonly connection: Connection;
  /** Everything public seen: stream values, stream errors, command errors. */
  readonly seen: unknown[];
  at(frame: number, action: () => void): void;
  watch(stream: Observable<unknown>): Subscription;
}

function start(scheduler: TestScheduler, config: Partial<ConnectionConfig> = {}, autoReply = defaultAutoReplies): Run {
  const fake = createFakeSocketFactory({ scheduler, latencyMs: 1, autoOpen: 1, autoReply });
  const calls: JwtReason[] = [];
  const connection = createConnection({
    accountId: '123',
    auth: {
      jwt: ({ reason }) => {
        calls.push(reason);
        return opaque(calls.length);
      },
    },
    endpoint: { socketUrl: 'wss://fake.example/ws_api/account/123/messaging/consumer?v=3' },
    webSocketFactory: fake.webSocketFactory,
    scheduler,
    random: () => 0.5,
    navigator: { userAgent: 'jest' },
    reconnect: { floorMs: 10, baseMs: 20, capMs: 80, stableAfterMs: 50, maxAuthFailures: 10 },
    keepAlive: { idleMs: 1_000, deadlineMs: 100 },
    ...config,
  });
  const seen: unknown[] = [];
  const watch = (stream: Observable<unknown>): Subscription => stream.subscribe({ next: (value) => seen.push(value), error: (error: unknown) => seen.push(error) });
  watch(connection.state$);
  watch(connection.diagnostic$);
  return { fake, connection, seen, watch, at: (frame, action) => scheduler.schedule(action, frame) };
}

describe('redaction: no token reaches a public value', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  it('4401 and 4407 closes whose reasons carry the token (state$ lastClose, diagnostic$ disconnected)', () => {
    scheduler.run(() => {
      const run = start(scheduler);
      const held = run.connection.connect().subscribe();
      run.at(20, () => run.fake.latest().serverClose(4401, `token expired: ${opaque(1)} ${JWT}`));
      run.at(60, () => run.fake.latest().serverClose(4407, `identity expired for ${opaque(2)}; jwt=${JWT}`));
      run.at(100, () => run.fake.latest().serverClose(1011, `server error near ${opaque(3)}`));
      run.at(300, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.length).toBeGreaterThan(5);
      expect(scanFor(run.seen, everyToken())).toEqual([]);
    });
  });

  it('request errors: an error body echoing the token (RequestError message, body)', () => {
    scheduler.run(() => {
      const run = start(scheduler, {}, { ...defaultAutoReplies, GetClock: () => ({ code: 401, body: { error: `bad token ${opaque(1)}`, echo: JWT } }) });
      const held = run.connection.connect().subscribe();
      run.at(10, () => run.watch(run.connection.request('GetClock', undefined)));
      run.at(12, () => run.fake.latest().reply(run.fake.latest().lastRequest('InitConnection')?.id ?? '0', { code: 200 }));
      run.at(20, () => run.watch(run.connection.request('GetClock', undefined)));
      run.at(100, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.some((value) => value instanceof Error && value.name === 'RequestError')).toBe(true);
      expect(scanFor(run.seen, everyToken())).toEqual([]);
    });
  });

  it('subscription failures: an error body echoing the token (subscription-failed diagnostic)', () => {
    scheduler.run(() => {
      const run = start(scheduler, {}, { ...defaultAutoReplies, 'cqm.SubscribeExConversations': () => ({ code: 400, body: `internal error for ${opaque(1)} ${JWT}` }) });
      run.watch(run.connection.subscribeConversations());
      run.at(100, () => run.connection.close());
      scheduler.flush();
      expect(run.seen.some((value) => typeof value === 'object' && value !== null && 'type' in value && value.type === 'subscription-failed')).toBe(true);
      expect(scanFor(run.seen, everyToken())).toEqual([]);
    });
  });

  it('decode errors of frames that carry the token (decode-error excerpt)', () => {
    scheduler.run(() => {
      const run = start(scheduler);
      const held = run.connection.connect().subscribe();
      run.at(20, () => run.fake.latest().receive(`{"kind":"notification","type":"cqm.ExConversationChangeNotification","body":{"note":"${opaque(1)}","jwt":"${JWT}","changes":7}}`));
      run.at(21, () => run.fake.latest().receive(`${opaque(1)} not json ${JWT}`));
      run.at(100, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.filter((value) => typeof value === 'object' && value !== null && 'type' in value && value.type === 'decode-error')).toHaveLength(2);
      expect(scanFor(run.seen, everyToken())).toEqual([]);
    });
  });

  it('auth errors: a provider failing with the token in its message (token-error diagnostic)', () => {
    scheduler.run(() => {
      let calls = 0;
      const run = start(scheduler, {
        auth: {
          jwt: () => {
            calls += 1;
            if (calls === 1) return opaque(1);
            throw new Error(`refresh failed for ${opaque(1)}`, { cause: new Error(`IdP said: ${JWT}`) });
          },
        },
      });
      const held = run.connection.connect().subscribe();
      run.at(20, () => run.fake.latest().serverClose(4401, 'expired'));
      run.at(200, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.some((value) => JSON.stringify(value).includes('token-error'))).toBe(true);
      expect(scanFor(run.seen, everyToken())).toEqual([]);
    });
  });

  it('IdP errors: authenticated() whose IdP call fails echoing the auth code and the request (token-error diagnostic)', () => {
    scheduler.run(() => {
      const AUTH_CODE = 'brand-auth-c0de-5ecret';
      const run = start(scheduler, {
        auth: authenticated(() => AUTH_CODE, { idpHost: 'idp.example' }),
        fetch: (url, init) => {
          throw new Error(`POST ${url}?code=${AUTH_CODE} failed: body ${init?.body ?? ''} refused for ${JWT}`);
        },
      });
      const held = run.connection.connect().subscribe();
      run.at(200, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.some((value) => JSON.stringify(value).includes('token-error'))).toBe(true);
      expect(scanFor(run.seen, [AUTH_CODE, JWT])).toEqual([]);
    });
  });

  it('URLs: a token in a query string (Domain API lookup failure)', () => {
    scheduler.run(() => {
      const run = start(scheduler, {
        endpoint: { domainApi: `https://domain.example/?token=${opaque(1)}&access_token=${JWT}` },
        fetch: (url) => {
          throw new Error(`request to ${url} failed: connect ECONNREFUSED`);
        },
      });
      const held = run.connection.connect().subscribe();
      run.at(200, () => held.unsubscribe());
      scheduler.flush();
      expect(run.seen.some((value) => JSON.stringify(value).includes('endpoint-error'))).toBe(true);
      expect(scanFor([...run.seen], [JWT, opaque(1)])).toEqual([]);
    });
  });
});
