/**
 * Leak checks of every stream of ONE call client: 1,000 subscribe/unsubscribe cycles each, with the
 * socket opened, handshaken and subscribed, and an invitation arriving (so its expiry timer is armed)
 * while subscribed. Afterwards: no lpTag binding, nothing scheduled, every socket closed with 1000,
 * no call-screen container. (All of them at once through whole calls: `heap.spec.ts`.)
 */
import { type Observable, type Subscription } from 'rxjs';
import { clientFixture, type ClientFixture } from './client-fixture';
import { containers, cycle, CYCLES, pending } from './harness';

afterEach(() => {
  document.body.innerHTML = '';
});

type Pick = (f: ClientFixture) => Observable<unknown>;

/** Every Observable the client exposes or returns, by name; `connects`: subscribing opens a socket. */
const STREAMS: readonly (readonly [name: string, pick: Pick, connects: boolean])[] = [
  ['connection$', (f) => f.client.connection$, true],
  ['dialog$', (f) => f.client.dialog$, true],
  ['invitation$', (f) => f.client.invitation$, true],
  ['accepted$', (f) => f.client.accepted$, true],
  ['closed$', (f) => f.client.closed$, true],
  ['error$', (f) => f.client.error$, true],
  ['resume$', (f) => f.client.resume$, true],
  ['session$', (f) => f.client.session$, true],
  ['diagnostic$', (f) => f.client.diagnostic$, false],
  ['accept(id)', (f) => f.client.accept('call-1'), true],
  ['decline(id)', (f) => f.client.decline('call-1'), true],
  ['offer(id)', (f) => f.client.offer('call-1'), true],
  ['connection.state$', (f) => f.client.connection.state$, false],
  ['connection.notification$', (f) => f.client.connection.notification$, true],
  ['connection.diagnostic$', (f) => f.client.connection.diagnostic$, false],
  ['connection.connect()', (f) => f.client.connection.connect(), true],
  ['connection.request()', (f) => f.client.connection.request('GetClock', undefined), true],
  ['connection.subscribeConversations()', (f) => f.client.connection.subscribeConversations(), true],
  ['connection.messagingEvents()', (f) => f.client.connection.messagingEvents('conv-1', 'conv-1'), true],
];

/** Subscribes to `stream` ignoring errors (a command without an invitation fails with CallIntentError). */
const quietly = (stream: Observable<unknown>): Subscription => stream.subscribe({ error: () => undefined });

describe(`every client stream, ${CYCLES} subscribe/unsubscribe cycles`, () => {
  it.each(STREAMS)('%s leaves no binding, no timer, no open socket, no container', (_name, pick, connects) => {
    const f = clientFixture();
    const stream = pick(f);
    cycle(
      CYCLES,
      () => quietly(stream),
      () => {
        f.advance(10); // connect, InitConnection, subscriptions
        if (connects) f.sendCall('INVITED');
      },
      () => f.advance(0), // the fake socket delivers its close event
    );
    expect(f.lpTag.bindingCount()).toBe(0);
    expect(pending(f.scheduler)).toBe(0);
    expect(f.sockets.made()).toBe(connects ? CYCLES : 0);
    expect(f.sockets.closes()).toEqual(connects ? { 1000: CYCLES } : {});
    expect(containers()).toBe(0);
  });

});
