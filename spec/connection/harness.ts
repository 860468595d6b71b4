import { map, type Observable } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import type { JwtReason } from '../../lib/auth/auth';
import { createConnection } from '../../lib/connection/create-connection';
import type { ConnectionDiagnostic } from '../../lib/connection/diagnostics';
import type { Connection, ConnectionConfig, ConnectionState } from '../../lib/connection/types';
import type { WebSocketFactory } from '../../lib/transport/websocket-like';
import { createFakeSocketFactory, type FakeSocketFactory, type FakeSocketOptions } from '../../lib/testing/fake-socket';

export const SOCKET_URL = 'wss://fake.example/ws_api/account/123/messaging/consumer?v=3';
export const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
/** JWT-shaped tokens, so redaction is tested on realistic values. */
export const token = (n: number): string => `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb25zdW1lci0${n}In0.c2lnbmF0dXJl${n}`;
/** Small timings so marbles stay short: backoff in [10, min(80, 20·2^(n-1))]. */
export const testPolicy = { floorMs: 10, baseMs: 20, capMs: 80, stableAfterMs: 50 };

export interface Harness {
  readonly fake: FakeSocketFactory;
  readonly connection: Connection;
  readonly jwtCalls: JwtReason[];
  readonly diagnostics: ConnectionDiagnostic[];
  /** Runs `action` at virtual frame `frame` (absolute, from the start of `run`). */
  at(frame: number, action: () => void): void;
}

/**
 * A connection over a fake socket in virtual time. It is closed at `stopAt` (default frame 10 000)
 * so `TestScheduler.run` always ends (a live connection keeps a keep-alive timer scheduled).
 */
export function harness(
  scheduler: TestScheduler,
  config: Partial<ConnectionConfig> = {},
  fakeOptions: FakeSocketOptions = {},
  { stopAt = 10_000, wrap }: { readonly stopAt?: number; readonly wrap?: (fake: FakeSocketFactory) => WebSocketFactory } = {},
): Harness {
  const fake = createFakeSocketFactory({ scheduler, latencyMs: 5, autoOpen: 5, ...fakeOptions });
  const jwtCalls: JwtReason[] = [];
  const connection = createConnection({
    accountId: '123',
    auth: {
      jwt: ({ reason }) => {
        jwtCalls.push(reason);
        return token(jwtCalls.length);
      },
    },
    endpoint: { socketUrl: SOCKET_URL },
    webSocketFactory: wrap?.(fake) ?? fake.webSocketFactory,
    scheduler,
    random: () => 0.5,
    navigator: { userAgent: CHROME },
    reconnect: testPolicy,
    keepAlive: { idleMs: 1_000, deadlineMs: 100 },
    ...config,
  });
  const diagnostics: ConnectionDiagnostic[] = [];
  connection.diagnostic$.subscribe((diagnostic) => diagnostics.push(diagnostic));
  scheduler.schedule(() => connection.close(), stopAt);
  return { fake, connection, jwtCalls, diagnostics, at: (frame, action) => scheduler.schedule(action, frame) };
}

const letter: Record<ConnectionState['status'], string> = { idle: 'i', connecting: 'c', handshaking: 'h', open: 'o', reconnecting: 'r', closed: 'x' };

/** States as one letter each (idle i, connecting c, handshaking h, open o, reconnecting r, closed x). */
export const letters = (state$: Observable<ConnectionState>): Observable<string> => state$.pipe(map((state) => letter[state.status]));
