/**
 * Rules of the dialog core that the scenario specs do not pin one by one: which change of an
 * announced dialog is news (`updated`), what counts as an exact re-send, how re-keyed invitations
 * reorder the expiry heap, and that every conversation left without an open dialog can be forgotten
 * (`memory().conversations` stays within the documented bound). Through `createDialogTracker`.
 */
import { createDialogTracker } from '../../lib/dialog';
import type { DialogTracker } from '../../lib/dialog';
import type { DialogEvent } from '../../lib/dialog/types';
import type { InboundFrame } from '../../lib/protocol/types';
import { conversationDelete, exConversationNotification } from '../../lib/testing/frames';
import { dialog, expected, snapshot, wire } from './helpers';

/** Applies `frame` at `now`; the events it caused. */
const feed = (tracker: DialogTracker, frame: InboundFrame, now = 0): readonly DialogEvent[] => tracker.apply({ type: 'frame', frame }, now);
const tick = (tracker: DialogTracker, now: number): readonly DialogEvent[] => tracker.apply({ type: 'tick' }, now);
const fresh = (): DialogTracker => createDialogTracker({ expirySkewMs: 0 });
/** A conversation snapshot without any COBROWSE dialog (just MAIN): the conversation is idle. */
const idleSnapshot = (conversationId: string, ts = 1): InboundFrame => snapshot([], { conversationId, ts });

describe('dialog core: which change of an announced dialog is news', () => {
  type Options = NonNullable<Parameters<typeof dialog>[0]>;
  /** An announced dialog (`first`), then a newer snapshot changing only what `change` says: the events of the second. */
  const secondSnapshot = (first: Options, change: Options): readonly DialogEvent[] => {
    const tracker = fresh();
    expect(feed(tracker, snapshot([dialog({ ...first, ts: 1 })]))).toHaveLength(1);
    return feed(tracker, snapshot([dialog({ ...first, ...change, ts: 2 })]));
  };

  it.each<[string, Options]>([
    ['expiresAt', { expiresAt: 2000 }],
    ['dialogState', { state: 'OPEN' }],
    ['mode (both of kind unknown)', { mode: 'SCREEN_SHARE' }],
    ['serviceId (same owner)', { serviceId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2#another-service' }],
    ['agentId', { agentId: 'le83624296.999' }],
    ['creationTs', { creationTs: 5 }],
  ])('an invitation whose newer snapshot changes only %s is updated, carrying it', (_field, change) => {
    const first: Options = { state: null, mode: 'CO_BROWSE_X' };
    const events = secondSnapshot(first, change);
    const dialogNow = { ...expected({ ...first, ...change, ts: 2 }), creationTs: change.creationTs ?? 0 };
    expect(events).toEqual([{ type: 'updated', dialog: dialogNow }]);
  });

  it('an open dialog whose sessionState (neither INVITED nor ACCEPTED) changes alone is updated', () => {
    const events = secondSnapshot({ sessionState: 'RINGING' }, { sessionState: 'ON_HOLD' });
    expect(events).toEqual([{ type: 'updated', dialog: expected({ sessionState: 'ON_HOLD', ts: 2 }) }]);
  });

  it('an accepted dialog whose snapshot drops its sessionState is updated', () => {
    const events = secondSnapshot({ sessionState: 'ACCEPTED' }, { sessionState: null });
    expect(events).toEqual([{ type: 'updated', dialog: expected({ sessionState: null, ts: 2 }) }]);
  });

  it('a dialog id that turns up in another conversation is updated, carrying the new conversationId', () => {
    const tracker = fresh();
    feed(tracker, snapshot([dialog({ ts: 1 })], { conversationId: 'conv-a' }));
    const events = feed(tracker, snapshot([dialog({ ts: 2 })], { conversationId: 'conv-b' }));
    expect(events).toEqual([{ type: 'updated', dialog: expected({ ts: 2, conversationId: 'conv-b' }) }]);
  });

  it('a re-send saying the same thing with a newer timestamp still advances the timestamp: older snapshots stay dropped', () => {
    const tracker = fresh();
    feed(tracker, snapshot([dialog({ ts: 1 })], { ts: 1 }));
    expect(feed(tracker, snapshot([dialog({ ts: 3 })], { ts: 3 }))).toEqual([]);
    // A newer conversation snapshot carrying an older snapshot of the dialog (ts 2 < 3): ignored.
    expect(feed(tracker, snapshot([dialog({ sessionState: 'CLOSED', ts: 2 })], { ts: 4 }))).toEqual([]);
    // It vanishes: the closed event carries the newest timestamp seen (3).
    expect(feed(tracker, snapshot([], { ts: 5 }))).toEqual([{ type: 'closed', reason: 'cancelled', dialog: expected({ ts: 3 }) }]);
  });

  it('the exact re-send of an invitation that expired on arrival is announced once the clock reads before its expiry', () => {
    const tracker = fresh();
    const invitation = snapshot([dialog({ ts: 1 })]);
    expect(feed(tracker, invitation, 2000)).toEqual([]); // expired on arrival (expiresAt 1000)
    expect(feed(tracker, invitation, 500)).toEqual([{ type: 'invited', dialog: expected() }]); // the clock stepped back
  });

  it('a closing conversation that re-sends its dialogs unchanged closes them in the order of its snapshot', () => {
    const tracker = fresh();
    feed(tracker, snapshot([dialog({ dialogId: 'd-1', ts: 1 })], { ts: 1 }));
    feed(tracker, snapshot([dialog({ dialogId: 'd-1', ts: 1 }), dialog({ dialogId: 'd-2', ts: 2 })], { ts: 2 }));
    // d-1 is re-sent as it was, d-2 changes: both close as the snapshot lists them (as the reference model does).
    const closing = snapshot([dialog({ dialogId: 'd-1', ts: 1 }), dialog({ dialogId: 'd-2', notificationKey: 'invited', ts: 3 })], { ts: 3, stage: 'CLOSE' });
    expect(feed(tracker, closing).map((e) => [e.type, e.dialog.dialogId, e.type === 'closed' ? e.reason : undefined])).toEqual([
      ['closed', 'd-1', 'conversation-closed'],
      ['closed', 'd-2', 'conversation-closed'],
    ]);
  });
});

describe('dialog core: the expiry heap', () => {
  it('an invitation re-sent with a later expiry is no longer the next to expire', () => {
    const tracker = fresh();
    feed(tracker, snapshot([dialog({ dialogId: 'a', expiresAt: 1000, ts: 1 }), dialog({ dialogId: 'b', expiresAt: 2000, ts: 1 })]));
    feed(tracker, snapshot([dialog({ dialogId: 'a', expiresAt: 3000, ts: 2 }), dialog({ dialogId: 'b', expiresAt: 2000, ts: 1 })]));
    expect(tracker.nextExpiry()).toBe(2000);
    expect(tick(tracker, 2000).map((e) => [e.type, e.dialog.dialogId])).toEqual([['closed', 'b']]);
    expect(tracker.nextExpiry()).toBe(3000);
  });

  it('an invitation re-sent with an earlier expiry becomes the next to expire', () => {
    const tracker = fresh();
    feed(tracker, snapshot([dialog({ dialogId: 'a', expiresAt: 1000, ts: 1 }), dialog({ dialogId: 'b', expiresAt: 2000, ts: 1 })]));
    feed(tracker, snapshot([dialog({ dialogId: 'a', expiresAt: 1000, ts: 1 }), dialog({ dialogId: 'b', expiresAt: 500, ts: 2 })]));
    expect(tracker.nextExpiry()).toBe(500);
  });
});

describe('dialog core: conversations without an open dialog can be forgotten', () => {
  /** Touches `n` other idle conversations: with `retainConversations: 1`, older idle ones are forgotten. */
  const touchOthers = (tracker: DialogTracker, n: number): void => {
    for (let i = 0; i < n; i++) feed(tracker, idleSnapshot(`other-${i}`));
  };

  it('a conversation whose invitation expired', () => {
    const tracker = createDialogTracker({ expirySkewMs: 0, retainConversations: 1 });
    feed(tracker, snapshot([dialog({ ts: 1 })], { conversationId: 'conv-a' }));
    expect(tick(tracker, 1000).map((e) => e.type)).toEqual(['closed']);
    touchOthers(tracker, 3);
    expect(tracker.memory().conversations).toBe(1);
  });

  it('a conversation deleted while it had no open dialog', () => {
    const tracker = createDialogTracker({ retainConversations: 1 });
    feed(tracker, idleSnapshot('conv-a'));
    feed(tracker, wire(exConversationNotification({ changes: [conversationDelete('conv-a')] })));
    touchOthers(tracker, 3);
    expect(tracker.memory().conversations).toBe(1);
  });

  it.each<[string, Parameters<typeof dialog>[0], Parameters<typeof dialog>[0], number]>([
    ['CLOSED', {}, { sessionState: 'CLOSED' }, 0],
    ['an invitation already expired', { sessionState: 'RINGING' }, {}, 1000],
  ])('a conversation whose only dialog closed in another conversation (%s): memory stays bounded', (_how, first, closing, now) => {
    const tracker = createDialogTracker({ retainConversations: 1 });
    for (let i = 0; i < 5; i++) {
      feed(tracker, snapshot([dialog({ ...first, dialogId: `d-${i}`, ts: 1 })], { conversationId: `conv-a-${i}` }));
      const elsewhere = snapshot([dialog({ ...closing, dialogId: `d-${i}`, ts: 2 })], { conversationId: `conv-b-${i}` });
      expect(feed(tracker, elsewhere, now).map((e) => e.type)).toEqual(['closed']);
    }
    touchOthers(tracker, 3);
    expect(tracker.memory()).toEqual({ openDialogs: 0, closedDialogs: 5, conversations: 1 });
  });

  it('but a conversation gaining an open dialog is kept, even when that evicts idle ones', () => {
    const tracker = createDialogTracker({ retainConversations: 1 });
    feed(tracker, snapshot([dialog({ ts: 1 })], { conversationId: 'conv-x' }));
    feed(tracker, idleSnapshot('conv-y'));
    // The dialog moves from conv-x to conv-y: conv-x goes idle (and evicts the older idle generation).
    const events = feed(tracker, snapshot([dialog({ ts: 2 })], { conversationId: 'conv-y', ts: 2 }));
    expect(events).toEqual([{ type: 'updated', dialog: expected({ ts: 2, conversationId: 'conv-y' }) }]);
    expect(tracker.memory()).toEqual({ openDialogs: 1, closedDialogs: 0, conversations: 2 });
    // conv-y is still known: its older snapshot (ts 1, without the dialog) is dropped whole.
    expect(feed(tracker, idleSnapshot('conv-y', 1))).toEqual([]);
  });
});

describe('createDialogTracker options', () => {
  it('names the bad retain bound in its RangeError', () => {
    expect(() => createDialogTracker({ retainClosed: -1 })).toThrow(new RangeError('retain bound -1'));
    expect(() => createDialogTracker({ retainConversations: 1.5 })).toThrow(new RangeError('retain bound 1.5'));
  });
});
