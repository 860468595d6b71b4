/**
 * `dialog$` as the call core tells it (`callCore` → the steps' `dialog` events): every COBROWSE
 * dialog change as the server told it — dedupe, stale drop, reconnect reconciliation, expiry in
 * virtual time, memory bounds — and a decline here, which is the core's (an `intent` input).
 */
import { of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CallInput } from '../../lib/core/types';
import type { DialogEvent } from '../../lib/dialog/types';
import type { InboundFrame } from '../../lib/protocol/types';
import { conversationDelete, conversationUpsert, exConversationNotification, mainDialog, SEED_CLOSED_DIALOG, SEED_INVITED_DIALOG } from '../../lib/testing/frames';
import { CONV, DIALOG, dialog, dialogEvents, epochScheduler, expected, snapshot, wire } from './helpers';

const newScheduler = () => new TestScheduler((actual, expectedValue) => expect(actual).toEqual(expectedValue));

// Frames (virtual time starts at 0; the invitation expires at 1000).
const inv = snapshot([dialog({ ts: 1 })]);
const acc = snapshot([dialog({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]);
const join = snapshot([dialog({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 })]);
const clo = snapshot([dialog({ sessionState: 'CLOSED', ts: 4 })]);
const frames = { i: inv, a: acc, j: join, c: clo };

// Expected events.
const I: DialogEvent = { type: 'invited', dialog: { ...expected(), sessionState: 'INVITED' } };
const A: DialogEvent = { type: 'accepted', dialog: { ...expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 }), sessionState: 'ACCEPTED' } };
const J: DialogEvent = { type: 'updated', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }) };
const closedAs = (reason: Extract<DialogEvent, { type: 'closed' }>['reason'], from = expected()): DialogEvent => ({ type: 'closed', reason, dialog: from });
const closedSnapshot = (from: Parameters<typeof expected>[0]) => expected({ ...from, sessionState: 'CLOSED', state: 'CLOSE', ts: 4 });

/** The consumer declining `dialogId` here (command 1). */
const decline = (dialogId: string): CallInput => ({ type: 'intent', id: 1, intent: 'decline', dialogId });

describe('callCore: dialog$ events', () => {
  it("announces the seed's invitation and closes it on the seed's CLOSED payload (verbatim JSON)", () => {
    const seed = (d: typeof SEED_INVITED_DIALOG, ts: number) =>
      wire(exConversationNotification({ changes: [conversationUpsert({ dialogs: [mainDialog(), d], metaDataLastUpdateTs: ts })] }));
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('-i 9ms c|', { i: seed(SEED_INVITED_DIALOG, 1), c: seed(SEED_CLOSED_DIALOG, 2) });
      const events = source.pipe(dialogEvents({ scheduler: epochScheduler(scheduler, 1502893041905) }));
      expectObservable(events).toBe('-i 9ms c|', {
        i: { type: 'invited', dialog: expect.objectContaining({ kind: 'video', expiresAt: 1502893131855, agentId: 'le83624296.356285412' }) },
        c: { type: 'closed', reason: 'cancelled', dialog: expect.objectContaining({ kind: 'video', sessionState: 'CLOSED' }) },
      });
      expectSubscriptions(source.subscriptions).toBe('^ 11ms !');
    });
  });

  it("expires the seed's invitation in virtual time, 89 950 ms after its creation", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const source = cold('-i', { i: wire(exConversationNotification({ changes: [conversationUpsert({ dialogs: [SEED_INVITED_DIALOG] })] })) });
      const events = source.pipe(dialogEvents({ scheduler: epochScheduler(scheduler, 1502893041905) }));
      expectObservable(events).toBe('-i 89948ms e', {
        i: expect.objectContaining({ type: 'invited' }),
        e: expect.objectContaining({ type: 'closed', reason: 'expired' }),
      });
    });
  });

  it('invitation, accepted, joined, hang-up: the server’s view, also for a call not accepted here (answered elsewhere is the call view’s)', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const events = cold('-i-a-j-c|', frames).pipe(dialogEvents());
      expectObservable(events).toBe('-i-a-j-c|', { i: I, a: A, j: J, c: closedAs('hangup', closedSnapshot({ notificationKey: 'joined' })) });
    });
  });

  it('emits nothing for duplicates and replays', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-i-i-a-i-a-a|', frames).pipe(dialogEvents())).toBe('-i---a------|', { i: I, a: A });
    });
  });

  it('drops reordered (older) snapshots', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-j-a-i|', frames).pipe(dialogEvents())).toBe('-x----|', {
        x: { type: 'accepted', dialog: { ...expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }), sessionState: 'ACCEPTED' } },
      });
    });
  });

  it('closes on a conversation DELETE (conversation-closed), then ignores the conversation', () => {
    const del = wire(exConversationNotification({ changes: [conversationDelete(CONV)] }));
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-i-d-i|', { ...frames, d: del }).pipe(dialogEvents())).toBe('-i-x--|', { i: I, x: closedAs('conversation-closed') });
    });
  });

  it('closes a dialog that vanishes from a later snapshot of its conversation', () => {
    const gone = snapshot([], { ts: 5 });
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-i-a-g|', { ...frames, g: gone }).pipe(dialogEvents())).toBe('-i-a-h|', {
        i: I,
        a: A,
        h: closedAs('hangup', expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })),
      });
    });
  });

  describe('reconnect (a new subscriptionId)', () => {
    it('does not announce a still-open invitation again and closes what ended meanwhile exactly once', () => {
      const again = snapshot([dialog({ ts: 1 })], { subscriptionId: 'sub-2' });
      const ended = snapshot([dialog({ sessionState: 'CLOSED', ts: 4 })], { subscriptionId: 'sub-3' });
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i-r-e-e|', { i: inv, r: again, e: ended }).pipe(dialogEvents({ expirySkewMs: 0 }))).toBe('-i---x--|', {
          i: I,
          x: closedAs('cancelled', closedSnapshot({})),
        });
      });
    });

    it('closes open dialogs of a conversation missing from the listing (conversation-closed)', () => {
      const listing = wire(exConversationNotification({ subscriptionId: 'sub-2', changes: [] }));
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i-a-l|', { ...frames, l: listing }).pipe(dialogEvents())).toBe('-i-a-x|', {
          i: I,
          a: A,
          x: closedAs('conversation-closed', expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })),
        });
      });
    });
  });

  describe('expiry (virtual time)', () => {
    it('closes an unanswered invitation at expiresAt', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i', frames).pipe(dialogEvents())).toBe('-i 998ms e', { i: I, e: closedAs('expired') });
      });
    });

    it('an acceptance before expiry cancels the expiry', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i 500ms a', frames).pipe(dialogEvents()), '^ 2000ms !').toBe('-i 500ms a', { i: I, a: A });
      });
    });

    it('news that changes nothing keeps the original deadline', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i 500ms i', frames).pipe(dialogEvents())).toBe('-i 998ms e', { i: I, e: closedAs('expired') });
      });
    });

    it('never announces an invitation already expired on arrival, nor a close for it', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('1000ms i 5ms c|', frames).pipe(dialogEvents())).toBe('1000ms - 5ms -|');
      });
    });

    it('tears the pending expiry timer down on unsubscribe', () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('-i', frames);
        // Virtual actions due at frame 1000: the expiry timer of the invitation.
        const expiryTimers = () => scheduler.actions.filter((action) => action.delay === 1000).length;
        const pending: number[] = [];
        expectObservable(source.pipe(dialogEvents()), '^---!').toBe('-i--', { i: I });
        expectSubscriptions(source.subscriptions).toBe('^---!');
        scheduler.schedule(() => pending.push(expiryTimers()), 3); // before the unsubscribe
        scheduler.schedule(() => pending.push(expiryTimers()), 5); // after it
        scheduler.schedule(() => expect(pending).toEqual([1, 0]), 6);
      });
    });
  });

  describe('a decline here (an intent input of the core)', () => {
    it('says nothing on dialog$ until the server closes the invitation; that close says declined', () => {
      newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
        const inputs = hot<CallInput>('---d-', { d: decline(DIALOG) });
        expectObservable(cold('-i---c|', frames).pipe(dialogEvents({ inputs }))).toBe('-i---x|', { i: I, x: closedAs('declined', closedSnapshot({})) });
        expectSubscriptions(inputs.subscriptions).toBe('^-----!');
      });
    });

    it('a declined invitation the server never closes says declined at its expiry', () => {
      newScheduler().run(({ cold, hot, expectObservable }) => {
        const inputs = hot<CallInput>('--d', { d: decline(DIALOG) });
        expectObservable(cold('-i', frames).pipe(dialogEvents({ inputs }))).toBe('-i 998ms x', { i: I, x: closedAs('declined') });
      });
    });

    it('an unknown dialog id changes nothing', () => {
      newScheduler().run(({ cold, hot, expectObservable }) => {
        const inputs = hot<CallInput>('--d', { d: decline('nope') });
        expectObservable(cold('-i 5ms c', frames).pipe(dialogEvents({ expirySkewMs: 0, inputs })), '^ 10ms !').toBe('-i 5ms x', {
          i: I,
          x: closedAs('cancelled', closedSnapshot({})),
        });
      });
    });

    it('an error of the inputs is passed on', () => {
      newScheduler().run(({ cold, hot, expectObservable }) => {
        expectObservable(cold('-i-', frames).pipe(dialogEvents({ inputs: hot<CallInput>('--#') }))).toBe('-i#', { i: I });
      });
    });
  });

  describe('memory bounds (config passed to the tracker)', () => {
    it('retainClosed: 0 forgets a closed dialog at once, so a replay of its invitation is announced again', () => {
      const closed = snapshot([dialog({ sessionState: 'CLOSED', ts: 4 })]);
      const replay = snapshot([dialog({ ts: 5 })], { ts: 5 });
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold('-i-c-r|', { i: inv, c: closed, r: replay }).pipe(dialogEvents({ retainClosed: 0, expirySkewMs: 0 })), '^ 10ms !').toBe('-i-c-r|', {
          i: I,
          c: closedAs('cancelled', closedSnapshot({})),
          r: { type: 'invited', dialog: { ...expected({ ts: 5 }), sessionState: 'INVITED' } },
        });
        // With the default bound the replay of the closed dialog stays silent.
        expectObservable(cold('-i-c-r|', { i: inv, c: closed, r: replay }).pipe(dialogEvents({ expirySkewMs: 0 })), '^ 10ms !').toBe('-i-c--|', {
          i: I,
          c: closedAs('cancelled', closedSnapshot({})),
        });
      });
    });

    it('retainConversations: 0 forgets a conversation without open dialogs, so an older snapshot of it applies again', () => {
      const newer = snapshot([], { ts: 10 });
      const older = snapshot([dialog({ ts: 5 })], { ts: 5 });
      newScheduler().run(({ cold, expectObservable }) => {
        const events = cold('-n-o|', { n: newer, o: older }).pipe(dialogEvents({ retainConversations: 0 }));
        expectObservable(events).toBe('---o|', { o: { type: 'invited', dialog: { ...expected({ ts: 5 }), sessionState: 'INVITED' } } });
        expectObservable(cold('-n-o|', { n: newer, o: older }).pipe(dialogEvents())).toBe('----|');
      });
    });
  });

  describe('lifetime', () => {
    it('completes when the source completes, dropping pending expiries and leaving the inputs', () => {
      newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
        const inputs = hot<CallInput>('-');
        expectObservable(cold('-i-|', frames).pipe(dialogEvents({ inputs }))).toBe('-i-|', { i: I });
        expectSubscriptions(inputs.subscriptions).toBe('^--!');
      });
    });

    it('passes a source error on', () => {
      newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
        const source = cold('-i-#', frames);
        expectObservable(source.pipe(dialogEvents())).toBe('-i-#', { i: I });
        expectSubscriptions(source.subscriptions).toBe('^--!');
      });
    });

    it('never emits or completes for a silent source', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        expectObservable(cold<InboundFrame>('----').pipe(dialogEvents())).toBe('----');
      });
    });

    it('handles a synchronous source', () => {
      newScheduler().run(({ expectObservable }) => {
        expectObservable(of(inv, acc, clo).pipe(dialogEvents())).toBe('(iac|)', {
          i: I,
          a: A,
          c: closedAs('hangup', closedSnapshot({ notificationKey: 'accepted' })),
        });
      });
    });

    it('keeps state per subscription, so one operator serves many subscribers', () => {
      newScheduler().run(({ cold, expectObservable }) => {
        const operator = dialogEvents();
        const source = cold('-i-|', frames);
        expectObservable(source.pipe(operator)).toBe('-i-|', { i: I });
        expectObservable(source.pipe(operator)).toBe('-i-|', { i: I });
      });
    });
  });
});
