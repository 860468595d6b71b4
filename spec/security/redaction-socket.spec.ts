/**
 * @jest-environment node
 */
// Issue #14 point 4 over a REAL socket: a server whose 4401/4407 close reasons echo the token it
// was sent in InitConnection. No token may reach `state$` or `diagnostic$`.
import { type AddressInfo } from 'node:net';
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { WebSocket, WebSocketServer } from 'ws';
import { createConnection } from '../../lib/connection/create-connection';
import { scanFor } from './scan';

const opaque = (n: number): string => `OPAQUE-t0ken-${n}-5ecret`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ2aXNpdG9yIn0.c2ln';

/** The token of an InitConnection frame (its ConsumerAuthentication header), if any. */
function tokenOf(frame: string): string | undefined {
  const parsed: unknown = JSON.parse(frame);
  const headers: unknown = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'headers') : undefined;
  if (!Array.isArray(headers)) return undefined;
  for (const header of headers as unknown[]) {
    const jwt: unknown = typeof header === 'object' && header !== null ? Reflect.get(header, 'jwt') : undefined;
    if (typeof jwt === 'string') return jwt;
  }
  return undefined;
}

it('4401 and 4407 close reasons echoing the token are redacted (real ws server)', async () => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  let sockets = 0;
  server.on('connection', (socket) => {
    sockets += 1;
    const code = sockets === 1 ? 4401 : sockets === 2 ? 4407 : 1011;
    socket.on('message', (data: Buffer) => {
      const token = tokenOf(data.toString()) ?? '?';
      // The reason a careless server might choose: the token it refuses, and a JWT-looking echo.
      socket.close(code, `refused ${token} ${sockets === 1 ? JWT : ''}`.slice(0, 120));
    });
  });
  let issued = 0;
  const connection = createConnection({
    accountId: '123',
    auth: { jwt: () => opaque(++issued) },
    endpoint: { socketUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws_api/account/123/messaging/consumer?v=3` },
    webSocketFactory: (url) => new WebSocket(url),
    navigator: { userAgent: 'jest' },
    reconnect: { floorMs: 10, baseMs: 20, capMs: 40, stableAfterMs: 10_000, maxAuthFailures: 10 },
  });
  const seen: unknown[] = [];
  connection.diagnostic$.subscribe((diagnostic) => seen.push(diagnostic));
  const held = connection.connect().subscribe({ next: (state) => seen.push(state), error: (error: unknown) => seen.push(error) });
  try {
    await firstValueFrom(connection.state$.pipe(filter(() => sockets >= 3), filter((state) => state.status === 'reconnecting'), take(1), timeout(10_000)));
  } finally {
    held.unsubscribe();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  const closes = seen.flatMap((value) => (typeof value === 'object' && value !== null && 'lastClose' in value ? [value.lastClose] : []));
  expect(closes).toEqual(expect.arrayContaining([expect.objectContaining({ code: 4401 }), expect.objectContaining({ code: 4407 })]));
  expect(JSON.stringify(closes)).toContain('refused [redacted]');
  expect(scanFor(seen, [JWT, opaque(1), opaque(2), opaque(3)])).toEqual([]);
});
