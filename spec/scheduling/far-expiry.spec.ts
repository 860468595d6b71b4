/**
 * An invitation expiring in 30 days, through the whole client in virtual time (TestScheduler.run):
 * it closes with `expired` exactly at its expiry — not a millisecond early — and the client hands
 * the scheduler a handful of actions over those 30 days (no re-arm storm).
 */
import { map, NEVER } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { createCallClient } from '../../lib/client/create-call-client';
import { MAX_TIMER_DELAY_MS } from '../../lib/scheduling/clamp-delay';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';
import { createFakeSocketFactory } from '../../lib/testing/fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { recording } from './recording-scheduler';

const DAY_MS = 86_400_000;
const SENT_AT = 100;

it('a 30-day invitation expires at its expiry, on a handful of scheduled actions', () => {
  const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  testScheduler.run(({ expectObservable }) => {
    const { scheduler, delays } = recording(testScheduler);
    const fake = createFakeSocketFactory({ scheduler: testScheduler, latencyMs: 1 });
    const client = createCallClient({
      accountId: '12345678',
      auth: { jwt: () => 'test.jwt.token' },
      endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
      webSocketFactory: fake.webSocketFactory,
      scheduler,
      lpTag: createFakeLpTag(),
      visitor: { name: 'Jane' },
      callScreen: () => NEVER,
      // A probe every 10 days keeps the count about the expiry, not the keep-alive.
      connection: { keepAlive: { idleMs: 10 * DAY_MS, deadlineMs: 10_000 } },
    });
    const expiresAt = SENT_AT + 30 * DAY_MS;
    testScheduler.schedule(() => {
      const socket = fake.latest();
      const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
      // No creation or update time: the decoder's one-day horizon (lib/protocol/expires.ts) is measured
      // from those, so without them the 30-day expiry reaches the timers as sent.
      const dialog = callDialog({ dialogId: 'call-1', sessionState: 'INVITED', creationTs: null, expiresAt, metaDataLastUpdateTs: null });
      const conversation = conversationUpsert({ conversationId: 'conv-1', metaDataLastUpdateTs: SENT_AT, dialogs: [mainDialog({ conversationId: 'conv-1' }), dialog] });
      socket.receive(exConversationNotification({ subscriptionId: `sub-${socket.index}-${subscribe?.id ?? '?'}`, changes: [conversation] }));
    }, SENT_AT);
    const watch = `^ ${expiresAt + 1_000}ms !`;
    expectObservable(client.invitation$.pipe(map((invitation) => invitation.dialogId)), watch).toBe(`${SENT_AT}ms i`, { i: 'call-1' });
    expectObservable(client.closed$.pipe(map((closed) => closed.reason)), watch).toBe(`${expiresAt}ms e`, { e: 'expired' });
    testScheduler.flush();
    // Actions longer than a minute: the expiry's two 2^31−1 ms steps and the keep-alive's 10-day waits.
    const long = delays.filter((delay) => delay > 60_000);
    expect(long.every((delay) => delay <= MAX_TIMER_DELAY_MS)).toBe(true);
    expect(long.length).toBeLessThanOrEqual(12);
    expect(delays.length).toBeLessThanOrEqual(60);
  });
});
