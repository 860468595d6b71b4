/**
 * Leak checks of `createConnection` on its own: every stream of one connection, 1,000
 * subscribe/unsubscribe cycles each, and 1,000 connections created, used and closed. Afterwards:
 * nothing scheduled and every socket closed with 1000.
 */
import { VirtualAction, VirtualTimeScheduler, type Observable, type Subscription } from 'rxjs';
import { createConnection } from '../../lib/connection/create-connection';
import type { Connection } from '../../lib/connection/types';
import { advance, cycle, CYCLES, pending, socketLedger, type SocketLedger } from './harness';

const quietly = (stream: Observable<unknown>): Subscription => stream.subscribe({ error: () => undefined });

function connection(scheduler: VirtualTimeScheduler, sockets: SocketLedger): Connection {
  return createConnection({
    accountId: '12345678',
    auth: { jwt: () => 'test.jwt.token' },
    endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
    webSocketFactory: sockets.webSocketFactory,
    scheduler,
  });
}

const STREAMS: readonly (readonly [name: string, pick: (c: Connection) => Observable<unknown>, connects: boolean])[] = [
  ['state$', (c) => c.state$, false],
  ['notification$', (c) => c.notification$, true],
  ['diagnostic$', (c) => c.diagnostic$, false],
  ['connect()', (c) => c.connect(), true],
  ['request()', (c) => c.request('GetClock', undefined), true],
  ['subscribeConversations()', (c) => c.subscribeConversations(), true],
  ['messagingEvents()', (c) => c.messagingEvents('conv-1', 'conv-1'), true],
];

describe(`createConnection, ${CYCLES} cycles`, () => {
  it.each(STREAMS)('%s: nothing scheduled, every socket closed with 1000', (_name, pick, connects) => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const sockets = socketLedger({ scheduler });
    const stream = pick(connection(scheduler, sockets));
    cycle(CYCLES, () => quietly(stream), () => advance(scheduler, 10), () => advance(scheduler, 0));
    expect(pending(scheduler)).toBe(0);
    expect(sockets.closes()).toEqual(connects ? { 1000: CYCLES } : {});
  });

  it(`${CYCLES} connections created, connected, subscribed and closed with close()`, () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const sockets = socketLedger({ scheduler });
    for (let i = 0; i < CYCLES; i += 1) {
      const c = connection(scheduler, sockets);
      const held = quietly(c.subscribeConversations());
      held.add(quietly(c.state$));
      advance(scheduler, 10);
      c.close();
      advance(scheduler, 0);
      held.unsubscribe();
    }
    expect(pending(scheduler)).toBe(0);
    expect(sockets.closes()).toEqual({ 1000: CYCLES });
  });
});
