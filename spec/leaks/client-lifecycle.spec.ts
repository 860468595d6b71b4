/**
 * Leak checks of `createCallClient` itself: 1,000 clients, each created, subscribed, invited,
 * accepted (the container appears) and unsubscribed mid-call, over one shared lpTag, scheduler and
 * socket ledger (hung up, with every stream: `heap.spec.ts`). Then 200 hung up on real timers
 * (asyncScheduler), with every setTimeout/setInterval counted.
 */
import { filter, firstValueFrom, VirtualAction, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { createCallClient } from '../../lib/client/create-call-client';
import type { CallClient } from '../../lib/client/types';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';
import { clientFixture, leakClientConfig, sendCallOn, takeCall, type FixtureParts } from './client-fixture';
import { containers, CYCLES, pending, socketLedger } from './harness';
import { installTimerLedger } from './timer-ledger';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Subscribes to what a host typically watches. */
function watch(client: CallClient): Subscription {
  const subscription = client.session$.subscribe();
  subscription.add(client.invitation$.subscribe());
  subscription.add(client.closed$.subscribe());
  subscription.add(client.error$.subscribe());
  subscription.add(client.diagnostic$.subscribe());
  return subscription;
}

describe(`createCallClient, ${CYCLES} clients: create → subscribe → invite → accept → unsubscribe`, () => {
  // Hung up, with every stream subscribed: `heap.spec.ts`.
  it('abandoned mid-call: no binding, nothing scheduled, every socket closed with 1000, no container', () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const parts: FixtureParts = { scheduler, lpTag: createFakeLpTag(), sockets: socketLedger({ scheduler }) };
    const statuses = new Set<string>();
    for (let i = 0; i < CYCLES; i += 1) {
      const f = clientFixture(parts);
      const subscription = watch(f.client);
      statuses.add(takeCall(f, false));
      subscription.unsubscribe();
      f.advance(0);
    }
    expect([...statuses]).toEqual(['active']);
    expect(parts.lpTag?.bindingCount()).toBe(0);
    expect(pending(scheduler)).toBe(0);
    expect(parts.sockets?.closes()).toEqual({ 1000: CYCLES });
    expect(containers()).toBe(0);
  });
});

describe('createCallClient on real timers (asyncScheduler)', () => {
  const REAL_CYCLES = 200;

  it(`${REAL_CYCLES} clients through a call: every timer created was fired or cleared`, async () => {
    const timers = installTimerLedger();
    try {
      const lpTag = createFakeLpTag();
      const sockets = socketLedger({});
      for (let i = 0; i < REAL_CYCLES; i += 1) {
        const client = createCallClient(leakClientConfig({ webSocketFactory: sockets.webSocketFactory, lpTag }));
        const subscription = watch(client);
        await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open')));
        await timers.turn(); // the subscription answer
        // Created now, expiring in 2 minutes (an expiry more than a day after creation would be clamped).
        const createdAt = Date.now();
        const send = (sessionState: string): void =>
          sendCallOn(sockets.latest(), {
            sessionState,
            dialogId: 'call-1',
            ts: createdAt + i * 10 + ['INVITED', 'ACCEPTED', 'CLOSED'].indexOf(sessionState),
            creationTs: createdAt,
            expiresAt: createdAt + 120_000,
          });
        // Inbound frames may be worked on in a later macrotask (lib/transport/in-slices.ts): wait for it.
        const invited = firstValueFrom(client.invitation$);
        send('INVITED');
        await invited;
        await firstValueFrom(client.accept('call-1'), { defaultValue: undefined });
        send('ACCEPTED');
        send('CLOSED');
        subscription.unsubscribe();
      }
      await timers.turn(10); // the fake sockets deliver their close events
      expect(timers.created()).toBeGreaterThan(REAL_CYCLES);
      expect(timers.live()).toEqual({ timeouts: 0, intervals: 0 });
      expect(lpTag.bindingCount()).toBe(0);
      expect(sockets.closes()).toEqual({ 1000: REAL_CYCLES });
      expect(containers()).toBe(0);
    } finally {
      timers.uninstall();
    }
  });
});
