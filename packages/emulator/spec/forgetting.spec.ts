/** @jest-environment node */
/**
 * The emulator forgets what no one can reach any more, on its own clock: expired tokens when they
 * expire (not at the next signup), and a consumer's closed conversations `forgetAfterMs` after the
 * consumer went idle (no open socket, no open conversation, no unexpired token).
 */
import { connect } from 'node:net';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { RunningEmulator } from '../lib';
import { startHarness, stopHarnesses } from './harness';
import { connectConsumer, requestConversation } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const TOKEN_TTL = 60_000;
const FORGET_AFTER = 600_000;

/** What `state().retained` counts. */
function retained(emulator: RunningEmulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(emulator.state().retained)) if (typeof value === 'number') counts[name] = value;
  return counts;
}

/** Signs up `count` consumers: pipelined HTTP/1.1 requests over a few sockets (fetch would take most of a minute). */
async function signups(emulator: RunningEmulator, count: number, sockets = 10): Promise<void> {
  const request = `POST /api/account/${ACCOUNT}/signup HTTP/1.1\r\nHost: 127.0.0.1:${emulator.port}\r\nContent-Length: 0\r\n\r\n`;
  const one = (n: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const socket = connect(emulator.port, '127.0.0.1');
      let answered = 0;
      let tail = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => {
        const text = tail + chunk;
        answered += text.split('HTTP/1.1 200 ').length - 1;
        tail = text.slice(-16);
        if (answered >= n) socket.end(resolve);
      });
      socket.on('error', reject);
      socket.on('close', () => (answered >= n ? resolve() : reject(new Error(`${answered} of ${n} signups answered 200`))));
      socket.write(request.repeat(n));
    });
  const each = Math.ceil(count / sockets);
  await Promise.all(Array.from({ length: sockets }, (_, i) => one(Math.min(each, count - i * each))));
}

function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    gc();
    lowest = Math.min(lowest, process.memoryUsage().heapUsed);
  }
  return lowest;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

describe('expired tokens', () => {
  it('10,000 signups: every token is forgotten when it expires, without another signup; counts return to baseline, the heap gives back at least three quarters', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: TOKEN_TTL, forgetAfterMs: FORGET_AFTER });
    await signups(emulator, 500); // warm-up: sockets, JIT, the HTTP parser
    clock.advance(TOKEN_TTL + 1000);
    const baseline = heapAfterGc();
    expect(retained(emulator)).toMatchObject({ tokens: 0, consumers: 0, conversations: 0 });

    await signups(emulator, 10_000);
    const held = heapAfterGc();
    expect(retained(emulator)).toMatchObject({ tokens: 10_000, consumers: 0 });

    clock.advance(TOKEN_TTL + 1000);
    const after = heapAfterGc();
    process.stdout.write(`emulator/forgetting 10,000 signups: heap ${kb(held - baseline)} over baseline while held, ${kb(after - baseline)} after expiry\n`);
    expect(retained(emulator)).toMatchObject({ tokens: 0, consumers: 0, conversations: 0, timers: 0 });
    // Before tokens were forgotten on the clock, nothing came back until the next signup.
    expect(after - baseline).toBeLessThan((held - baseline) / 4);
  }, 60_000);
});

describe(`a consumer's conversations, forgotten ${FORGET_AFTER} ms after it went idle`, () => {
  it('kept while its socket is open, its token unexpired or the horizon not reached; then forgotten', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: TOKEN_TTL, forgetAfterMs: FORGET_AFTER, deleteAfterCloseMs: 5_000 });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    emulator.agent.closeConversation();
    clock.advance(5_000); // the DELETE
    expect(retained(emulator)).toMatchObject({ conversations: 1, consumers: 1, sockets: 1 });

    clock.advance(FORGET_AFTER); // the socket is still open (the token expiry closes it with 4401)
    expect((await client.closed).code).toBe(4401);
    await waitFor(() => emulator.state().connections.length === 0);
    expect(emulator.state().closedSockets).toEqual({ 4401: 1 });
    expect(retained(emulator)).toMatchObject({ conversations: 1, consumers: 1, tokens: 0, sockets: 0 });

    clock.advance(FORGET_AFTER - 1); // idle since the socket closed: not yet
    expect(retained(emulator)).toMatchObject({ conversations: 1, consumers: 1 });
    clock.advance(1);
    expect(retained(emulator)).toMatchObject({ conversations: 0, consumers: 0, tokens: 0, sockets: 0, timers: 0 });
    expect(emulator.state().conversations).toEqual([]);
  });

  it('an open conversation is never forgotten, nor a closed one before its DELETE', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: TOKEN_TTL, forgetAfterMs: 1_000, deleteAfterCloseMs: 3_600_000 });
    const first = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(first.client);
    const second = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(second.client);
    emulator.agent.closeConversation(); // the latest: the second consumer's, DELETE an hour later
    first.client.close();
    second.client.close();
    await waitFor(() => emulator.state().connections.length === 0);
    clock.advance(TOKEN_TTL + 10_000);
    expect(retained(emulator)).toMatchObject({ conversations: 2, consumers: 2, tokens: 0 });
    clock.advance(3_600_000); // the DELETE of the second, then its horizon
    clock.advance(1_000);
    expect(retained(emulator)).toMatchObject({ conversations: 1, consumers: 1 });
    expect(emulator.state().conversations.map((c) => c['deleted'])).toEqual([false]);
  });
});

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
