/**
 * Retained heap after a forced GC: 1,000 more cycles after a warm-up must not keep 1 MB. (A leak of
 * one small object per cycle — a listener, a subscriber, a timer, a socket — costs well over 1 KB
 * once its closure and what it holds are counted, so 1,000 of them pass the bound.)
 */
import { VirtualAction, VirtualTimeScheduler, type Observable, type Subscription } from 'rxjs';
import type { CallClient } from '../../lib/client/types';
import { clientFixture, takeCall, type ClientFixture, type FixtureParts } from './client-fixture';
import { containers, countingLpTag, heapGrowth, pending, socketLedger } from './harness';

const WARM_UP = 500;
const MEASURED = 1000;
const BOUND = 1024 * 1024;

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function report(name: string, measured: { readonly before: number; readonly after: number; readonly growth: number }): void {
  process.stdout.write(`leaks/heap ${name}: ${kb(measured.before)} → ${kb(measured.after)} after ${MEASURED} cycles (growth ${kb(measured.growth)})\n`);
}

/** Every stream of the client at once. */
function watchAll(client: CallClient): Subscription {
  const all = client.connection$.subscribe();
  const streams: readonly Observable<unknown>[] = [client.dialog$, client.invitation$, client.accepted$, client.closed$, client.error$, client.resume$, client.session$, client.diagnostic$];
  const { connection } = client;
  const more: readonly Observable<unknown>[] = [connection.state$, connection.notification$, connection.diagnostic$, connection.subscribeConversations(), connection.messagingEvents('conv-1', 'conv-1')];
  for (const stream of [...streams, ...more]) all.add(stream.subscribe());
  return all;
}

/** Invite, accept (container), ACCEPTED, hang up: the call must have ended. */
function call(f: ClientFixture): void {
  const status = takeCall(f, true);
  if (status !== 'ended') throw new Error(`expected the call to end, it is ${status}`);
}

/** `cycles` times: subscribe to every stream of `fixture()`'s client, take a call, unsubscribe. */
const calls = (fixture: () => ClientFixture) => (cycles: number): void => {
  for (let i = 0; i < cycles; i += 1) {
    const f = fixture();
    const all = watchAll(f.client);
    call(f);
    all.unsubscribe();
    f.advance(0);
  }
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('retained heap after a forced GC', () => {
  it(`one client, every stream subscribed and unsubscribed ${MEASURED} times through a call: growth under 1 MB`, () => {
    const f = clientFixture({ lpTag: countingLpTag() });
    const measured = heapGrowth(calls(() => f), WARM_UP, MEASURED);
    report('one client, every stream', measured);
    expect(f.lpTag.bindingCount()).toBe(0);
    expect(pending(f.scheduler)).toBe(0);
    expect(f.sockets.closes()).toEqual({ 1000: WARM_UP + MEASURED });
    expect(containers()).toBe(0);
    expect(measured.growth).toBeLessThan(BOUND);
  });

  it(`${MEASURED} clients created, called and unsubscribed (shared lpTag, scheduler, document): growth under 1 MB`, () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const parts: FixtureParts = { scheduler, lpTag: countingLpTag(), sockets: socketLedger({ scheduler }) };
    const measured = heapGrowth(calls(() => clientFixture(parts)), WARM_UP, MEASURED);
    report('createCallClient', measured);
    expect(parts.lpTag?.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
    expect(parts.sockets?.closes()).toEqual({ 1000: WARM_UP + MEASURED });
    expect(containers()).toBe(0);
    expect(measured.growth).toBeLessThan(BOUND);
  });
});
