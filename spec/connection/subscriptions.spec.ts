import { TestScheduler } from 'rxjs/testing';
import { DEFAULT_EX_CONVERSATIONS_FILTER } from '../../lib/protocol';
import type { ExConversationChangeNotification, MessagingEventChange, NotificationFrame } from '../../lib/protocol/types';
import { defaultAutoReplies } from '../../lib/testing/fake-socket';
import { exConversationNotification, messagingEventChange, messagingEventNotification } from '../../lib/testing/frames';
import { harness } from './harness';

const notification = (subscriptionId: string, sentTs = 1) => exConversationNotification({ subscriptionId, changes: [], sentTs });

describe('createConnection: subscriptions', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  describe('peers §3.7 subscriptions that survive reconnects', () => {
    it('re-subscribes after every handshake; notifications continue; no stale unsubscribe is replayed', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        at(20, () => fake.latest().receive(notification('sub-1-1', 1)));
        at(30, () => fake.latest().drop());
        // Reconnected at 55, re-subscribed (answer at 60).
        at(65, () => {
          fake.latest().receive(notification('sub-1-1', 2)); // an old subscription id on the new socket: not ours
          fake.latest().receive(notification('sub-2-1', 3));
        });
        const sentTs = (n: ExConversationChangeNotification): number | undefined => n.body.sentTs;
        const values: number[] = [];
        at(0, () => connection.subscribeConversations().subscribe((n) => values.push(sentTs(n) ?? -1)));
        at(100, () => connection.close());
        scheduler.flush();
        expect(values).toEqual([1, 3]);
        expect(fake.sockets.map((socket) => socket.requests().map((request) => request.type).filter((type) => type !== 'GetClock'))).toEqual([
          ['InitConnection', 'cqm.SubscribeExConversations'],
          ['InitConnection', 'cqm.SubscribeExConversations'],
        ]);
        expect(fake.sockets[1]?.lastRequest('cqm.SubscribeExConversations')?.body).toEqual(DEFAULT_EX_CONVERSATIONS_FILTER);
        expect(fake.requests('cqm.UnsubscribeExConversations')).toEqual([]);
      });
    });

    it('marbles: the stream emits the subscription\'s notifications and lives across a reconnect', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, fake, at } = harness(scheduler);
        const a = notification('sub-1-1', 1);
        const b = notification('sub-2-1', 2);
        at(20, () => fake.latest().receive(a));
        at(30, () => fake.latest().drop());
        at(65, () => fake.latest().receive(b));
        expectObservable(connection.subscribeConversations(), '^' + '-'.repeat(69) + '!').toBe('-'.repeat(20) + 'a' + '-'.repeat(44) + 'b', {
          a: expect.objectContaining({ body: expect.objectContaining({ subscriptionId: 'sub-1-1' }) }),
          b: expect.objectContaining({ body: expect.objectContaining({ subscriptionId: 'sub-2-1' }) }),
        });
      });
    });

    it('is ref-counted: one subscribe for two subscribers; the last one unsubscribes, on the same socket', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const held = connection.connect().subscribe();
        const first = connection.subscribeConversations().subscribe();
        const second = connection.subscribeConversations({ ...DEFAULT_EX_CONVERSATIONS_FILTER }).subscribe();
        let unsubscribesAfterFirst = -1;
        at(20, () => first.unsubscribe());
        at(25, () => (unsubscribesAfterFirst = fake.requests('cqm.UnsubscribeExConversations').length));
        at(30, () => second.unsubscribe());
        at(50, () => held.unsubscribe());
        scheduler.flush();
        expect(fake.requests('cqm.SubscribeExConversations')).toHaveLength(1);
        expect(unsubscribesAfterFirst).toBe(0);
        expect(fake.latest().requests('cqm.UnsubscribeExConversations').map((request) => request.body)).toEqual([{ subscriptionId: 'sub-1-1' }]);
      });
    });

    it('different filters are different subscriptions, each with its own notifications', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const open: number[] = [];
        const all: number[] = [];
        connection.subscribeConversations({ convState: ['OPEN'] }).subscribe((n) => open.push(n.body.sentTs ?? -1));
        connection.subscribeConversations().subscribe((n) => all.push(n.body.sentTs ?? -1));
        at(20, () => {
          fake.latest().receive(notification('sub-1-1', 1));
          fake.latest().receive(notification('sub-1-2', 2));
        });
        at(40, () => connection.close());
        scheduler.flush();
        expect(open).toEqual([1]);
        expect(all).toEqual([2]);
      });
    });

    it('a refused subscribe is a diagnostic, not an error of the stream', () => {
      scheduler.run(({ expectObservable }) => {
        const { connection, diagnostics, at } = harness(scheduler, {}, {
          autoReply: { ...defaultAutoReplies, 'cqm.SubscribeExConversations': () => ({ code: 400, body: 'bad filter' }) },
        });
        at(40, () => connection.close());
        expectObservable(connection.subscribeConversations()).toBe('-'.repeat(40) + '|');
        scheduler.flush();
        expect(diagnostics).toContainEqual({ type: 'subscription-failed', requestType: 'cqm.SubscribeExConversations', message: 'RequestError: cqm.SubscribeExConversations failed with code 400: bad filter' });
      });
    });

    it('messagingEvents: re-subscribes with fromSeq = last seen + 1 and drops replayed duplicates', () => {
      scheduler.run(() => {
        const { connection, fake, at } = harness(scheduler);
        const seen: (number | string)[] = [];
        const record = (change: MessagingEventChange): void => {
          seen.push(change.sequence ?? change.event.type);
        };
        at(0, () => connection.messagingEvents('d1', 'c1').subscribe(record));
        const change = (sequence: number, dialogId = 'd1') => messagingEventChange({ dialogId, conversationId: 'c1', sequence });
        at(20, () => fake.latest().receive(messagingEventNotification({ changes: [change(0), change(1), change(7, 'other')] })));
        at(21, () => fake.latest().receive(messagingEventNotification({ changes: [change(2)] })));
        at(30, () => fake.latest().drop());
        at(65, () =>
          fake.latest().receive(
            messagingEventNotification({
              changes: [change(2), change(3), { ...change(0), sequence: null, event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } }],
            }),
          ),
        );
        at(100, () => connection.close());
        scheduler.flush();
        expect(fake.sockets.map((socket) => socket.lastRequest('ms.SubscribeMessagingEvents')?.body)).toEqual([
          { dialogId: 'd1', conversationId: 'c1', fromSeq: 0 },
          { dialogId: 'd1', conversationId: 'c1', fromSeq: 3 },
        ]);
        expect(seen).toEqual([0, 1, 2, 3, 'ChatStateEvent']);
      });
    });
  });

  describe('peers §3.5 errors that are neither swallowed nor fatal', () => {
    it('a malformed frame becomes a decode-error diagnostic; notification$ lives on', () => {
      scheduler.run(() => {
        const { connection, fake, at, diagnostics } = harness(scheduler);
        const seen: NotificationFrame['type'][] = [];
        connection.notification$.subscribe((frame) => seen.push(frame.type));
        at(20, () => fake.latest().receive('{not json'));
        at(21, () => fake.latest().receive({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: { changes: 'nope' } }));
        at(22, () => fake.latest().receive(notification('sub-x', 1)));
        at(23, () => fake.latest().receive({ kind: 'req', id: '1', type: 'Ping' }));
        at(40, () => connection.close());
        scheduler.flush();
        expect(seen).toEqual(['cqm.ExConversationChangeNotification']);
        expect(diagnostics.map((d) => d.type)).toEqual(['decode-error', 'decode-error', 'unexpected-frame']);
        expect(diagnostics[0]).toMatchObject({ generation: 1, error: { kind: 'decode-error', path: '' } });
        expect(diagnostics[1]).toMatchObject({ error: { path: expect.stringContaining('changes') } });
      });
    });
  });
});
