import { createDialogTracker } from '../../lib/dialog';
import type { DialogInput, DialogTracker } from '../../lib/dialog';
import type { CallDialog, DialogEvent } from '../../lib/dialog/types';
import type { InboundFrame } from '../../lib/protocol/types';
import {
  conversationDelete,
  conversationUpsert,
  exConversationNotification,
  FRAME_DEFAULTS,
  mainDialog,
  messagingEventNotification,
  response,
  SEED_CLOSED_DIALOG,
  SEED_INVITED_DIALOG,
} from '../../lib/testing/frames';
import { CONV, DIALOG, dialog, expected, snapshot, wire } from './helpers';

/**
 * Feeds frames (at `now`) in order to `tracker` (a fresh one by default); returns it and every
 * event. These fixtures live on a millisecond timescale (expiry at 1000), so the clock-skew
 * tolerance is 0 unless a test sets it.
 */
function run(
  frames: readonly (InboundFrame | DialogInput)[],
  now = 0,
  tracker?: DialogTracker,
  expirySkewMs = 0,
): { readonly tracker: DialogTracker; readonly events: readonly DialogEvent[] } {
  const used = tracker ?? createDialogTracker({ expirySkewMs });
  const events: DialogEvent[] = [];
  for (const item of frames) {
    const input: DialogInput = 'kind' in item ? { type: 'frame', frame: item } : item;
    events.push(...used.apply(input, now));
  }
  return { tracker: used, events };
}

const invited = dialog({ ts: 1 });
const accepted = dialog({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 });
const joined = dialog({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 });
const closed = dialog({ sessionState: 'CLOSED', ts: 4 });

describe('createDialogTracker', () => {
  describe("the seed's examples, verbatim", () => {
    const seedEpoch = 1502893041905; // the seed's creationTs
    const seedConversation = (dialogs: typeof SEED_INVITED_DIALOG[], ts: number) =>
      wire(exConversationNotification({ changes: [conversationUpsert({ dialogs: [mainDialog(), ...dialogs], metaDataLastUpdateTs: ts })] }));
    const seedDialog: CallDialog = {
      dialogId: 'c26b9d3b-e943-42af-8047-aba830de64ea',
      conversationId: FRAME_DEFAULTS.conversationId,
      kind: 'video',
      isCall: true,
      mode: 'VIDEO_CALL',
      sessionState: 'INVITED',
      dialogState: 'OPEN',
      serviceId: 'cc05f2b9-916b-496e-89fe-66a46d975ae2#7904fffd-fc68-4d93-b611-4dc06ab26bf4',
      agentId: 'le83624296.356285412',
      expiresAt: 1502893131855, // 1.502893131855E9 seconds, in ms
      creationTs: 1502893041905,
      metaDataLastUpdateTs: 1502893041905,
      notificationKey: undefined,
    };

    it('announces the INVITED dialog as a video-call invitation with expiresAt in ms', () => {
      const { events } = run([seedConversation([SEED_INVITED_DIALOG], seedEpoch)], seedEpoch);
      expect(events).toEqual([{ type: 'invited', dialog: seedDialog }]);
    });

    it('closes it as cancelled when the CLOSED payload arrives before expiry, keeping what the dialog was', () => {
      const { events } = run([seedConversation([SEED_INVITED_DIALOG], seedEpoch), seedConversation([SEED_CLOSED_DIALOG], seedEpoch + 1)], seedEpoch + 10_000);
      expect(events).toEqual([
        { type: 'invited', dialog: seedDialog },
        { type: 'closed', reason: 'cancelled', dialog: { ...seedDialog, sessionState: 'CLOSED' } },
      ]);
    });

    it('reports expired when the expiry passed before the CLOSED payload', () => {
      const first = run([seedConversation([SEED_INVITED_DIALOG], seedEpoch)], seedEpoch);
      const late = run([seedConversation([SEED_CLOSED_DIALOG], seedEpoch + 1)], 1502893131855, first.tracker);
      expect(late.events).toEqual([{ type: 'closed', reason: 'expired', dialog: seedDialog }]);
    });
  });

  describe('snapshot semantics', () => {
    it('emits nothing for the same state re-sent', () => {
      expect(run([snapshot([invited]), snapshot([invited]), snapshot([invited])]).events).toEqual([{ type: 'invited', dialog: expected() }]);
    });

    it('emits nothing when only metaDataLastUpdateTs changed', () => {
      expect(run([snapshot([invited]), snapshot([dialog({ ts: 7 })])]).events).toHaveLength(1);
    });

    it('drops a snapshot older than one already seen for that dialog', () => {
      const { events } = run([snapshot([accepted], { ts: 5 }), snapshot([invited], { ts: 6 })]);
      expect(events).toEqual([{ type: 'accepted', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 }) }]);
    });

    it('drops a whole conversation snapshot older than the newest one seen', () => {
      // The older snapshot predates the dialog: it must neither close it nor announce anything.
      const { events } = run([snapshot([invited], { ts: 5 }), snapshot([], { ts: 4 })]);
      expect(events.map((e) => e.type)).toEqual(['invited']);
    });

    it('drops an older ACCEPTED (accepted) after a newer one (joined) arrived first', () => {
      const { events } = run([snapshot([joined], { ts: 5 }), snapshot([accepted], { ts: 6 })]);
      expect(events).toEqual([{ type: 'accepted', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }) }]);
    });

    it('never moves an accepted dialog back to INVITED, even without timestamps', () => {
      const noTs = (sessionState: string) => dialog({ sessionState, metaDataLastUpdateTs: null });
      const { events } = run([snapshot([noTs('ACCEPTED')]), snapshot([noTs('INVITED')])]);
      expect(events.map((e) => e.type)).toEqual(['accepted']);
    });

    it('emits accepted once; the second ACCEPTED (joined) is an update', () => {
      const { events } = run([snapshot([invited]), snapshot([accepted]), snapshot([joined]), snapshot([joined])]);
      expect(events).toEqual([
        { type: 'invited', dialog: expected() },
        { type: 'accepted', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 }) },
        { type: 'updated', dialog: expected({ sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 }) },
      ]);
    });

    it('announces an ACCEPTED dialog whose invitation it never saw', () => {
      expect(run([snapshot([joined])]).events.map((e) => e.type)).toEqual(['accepted']);
    });
  });

  describe('closing', () => {
    const reasons = (frames: InboundFrame[], now = 0) => run(frames, now).events.flatMap((e) => (e.type === 'closed' ? [e.reason] : []));

    it('hangup: CLOSED after ACCEPTED', () => {
      expect(reasons([snapshot([invited]), snapshot([accepted]), snapshot([closed])])).toEqual(['hangup']);
    });

    it('a dialog state CLOSE alone closes it too', () => {
      expect(reasons([snapshot([accepted]), snapshot([dialog({ sessionState: 'ACCEPTED', state: 'CLOSE', ts: 3 })])])).toEqual(['hangup']);
    });

    it('expired, not cancelled: CLOSED within the clock-skew tolerance before expiresAt (the server expired it by its clock)', () => {
      const reasonsWithSkew = (frames: InboundFrame[], now: number) =>
        run(frames, now, undefined, 500).events.flatMap((e) => (e.type === 'closed' ? [e.reason] : []));
      expect(reasonsWithSkew([snapshot([invited]), snapshot([closed])], 600)).toEqual(['expired']);
      expect(reasonsWithSkew([snapshot([invited]), snapshot([closed])], 400)).toEqual(['cancelled']);
    });

    it('cancelled whatever the time when the closing snapshot says cancel_invitation', () => {
      const cancel = dialog({ sessionState: 'CLOSED', state: 'CLOSE', notificationKey: 'cancel_invitation', ts: 4 });
      const closedAt900 = (last: typeof cancel) =>
        run([snapshot([invited]), snapshot([last])], 900, undefined, 500).events.flatMap((e) => (e.type === 'closed' ? [e.reason] : []));
      expect(closedAt900(cancel)).toEqual(['cancelled']);
      expect(closedAt900(closed)).toEqual(['expired']); // the same moment without the key: within the skew
    });

    it('expired when the closing snapshot moved expires to the close (an early expiry)', () => {
      const early = dialog({ sessionState: 'CLOSED', state: 'CLOSE', expiresAt: 100, ts: 4 });
      expect(reasons([snapshot([invited]), snapshot([early])], 100)).toEqual(['expired']);
    });

    it('cancelled: CLOSED while INVITED before expiry', () => {
      expect(reasons([snapshot([invited]), snapshot([closed])], 999)).toEqual(['cancelled']);
    });

    it('conversation-closed: a DELETE of the conversation', () => {
      const del = wire(exConversationNotification({ changes: [conversationDelete(CONV)] }));
      expect(reasons([snapshot([invited]), del])).toEqual(['conversation-closed']);
    });

    it('conversation-closed: a snapshot with stage CLOSE', () => {
      expect(reasons([snapshot([accepted]), snapshot([joined], { stage: 'CLOSE' })])).toEqual(['conversation-closed']);
    });

    it('a closed conversation stays closed: later snapshots announce nothing', () => {
      const del = wire(exConversationNotification({ changes: [conversationDelete(CONV)] }));
      const other = dialog({ dialogId: 'd-2', ts: 9 });
      expect(run([del, snapshot([other], { ts: 9 })]).events).toEqual([]);
    });

    it('a COBROWSE dialog that vanishes from a later snapshot closes, with the reason its phase implies', () => {
      expect(reasons([snapshot([invited]), snapshot([], { ts: 2 })])).toEqual(['cancelled']);
      expect(reasons([snapshot([accepted]), snapshot([], { ts: 3 })])).toEqual(['hangup']);
    });

    it('closes exactly once, and nothing follows a close', () => {
      const { events } = run([snapshot([invited]), snapshot([closed]), snapshot([closed]), snapshot([accepted]), snapshot([], { ts: 9 })]);
      expect(events.map((e) => e.type)).toEqual(['invited', 'closed']);
    });

    it('a re-sent invitation without timestamps after its close announces nothing', () => {
      const noTs = dialog({ metaDataLastUpdateTs: null });
      expect(run([snapshot([noTs]), snapshot([closed]), snapshot([noTs])]).events.map((e) => e.type)).toEqual(['invited', 'closed']);
    });

    it('is silent about a dialog first seen closed (an old call still listed in the conversation)', () => {
      expect(run([snapshot([closed]), snapshot([invited])]).events).toEqual([]);
    });

    it('unknown: an announced dialog in an undocumented session state closes', () => {
      const odd = dialog({ sessionState: 'PAUSED' });
      const { events } = run([snapshot([odd]), snapshot([closed])]);
      expect(events).toEqual([
        { type: 'updated', dialog: expected({ sessionState: 'PAUSED' }) },
        { type: 'closed', reason: 'unknown', dialog: expected({ sessionState: 'CLOSED', state: 'CLOSE', ts: 4 }) },
      ]);
    });
  });

  describe('expiry', () => {
    it('closes an announced invitation as expired on the first input at or after expiresAt', () => {
      const { tracker } = run([snapshot([invited])], 0);
      expect(tracker.apply({ type: 'tick' }, 999)).toEqual([]);
      expect(tracker.apply({ type: 'tick' }, 1000)).toEqual([{ type: 'closed', reason: 'expired', dialog: expected() }]);
      expect(tracker.apply({ type: 'tick' }, 1001)).toEqual([]);
    });

    it('reports the next expiry only for announced invitations', () => {
      expect(run([snapshot([invited])]).tracker.nextExpiry()).toBe(1000);
      expect(run([snapshot([accepted])]).tracker.nextExpiry()).toBeUndefined();
      expect(run([snapshot([invited]), snapshot([accepted])]).tracker.nextExpiry()).toBeUndefined();
    });

    it('never announces an invitation already expired on arrival, nor closes it later', () => {
      const { events, tracker } = run([snapshot([invited]), snapshot([closed])], 1000);
      expect(events).toEqual([]);
      expect(tracker.nextExpiry()).toBeUndefined();
    });

    it('announces a dialog expired on arrival once it is accepted after all', () => {
      expect(run([snapshot([invited]), snapshot([accepted])], 1000).events.map((e) => e.type)).toEqual(['accepted']);
    });

    it('announces a re-sent invitation whose expiry moved into the future', () => {
      expect(run([snapshot([invited]), snapshot([dialog({ expiresAt: 5000, ts: 2 })])], 1000).events.map((e) => e.type)).toEqual(['invited']);
    });
  });

  describe('reconnect reconciliation (a new subscriptionId is a full listing)', () => {
    const before = () => run([snapshot([invited], { subscriptionId: 'sub-1' })]).tracker;
    const after = (frames: InboundFrame[]) => run(frames, 0, before()).events;

    it('does not announce a still-open invitation again', () => {
      expect(after([snapshot([invited], { subscriptionId: 'sub-2' })])).toEqual([]);
    });

    it('closes once a dialog that closed while we were away', () => {
      expect(after([snapshot([closed], { subscriptionId: 'sub-2' }), snapshot([closed], { subscriptionId: 'sub-2' })])).toEqual([
        { type: 'closed', reason: 'cancelled', dialog: expected({ sessionState: 'CLOSED', state: 'CLOSE', ts: 4 }) },
      ]);
    });

    it('closes open dialogs of conversations absent from the listing (conversation-closed)', () => {
      const empty = wire(exConversationNotification({ subscriptionId: 'sub-2', changes: [] }));
      expect(after([empty])).toEqual([{ type: 'closed', reason: 'conversation-closed', dialog: expected() }]);
    });

    it('treats later frames of a known subscription as incremental', () => {
      const otherConversation = snapshot([], { conversationId: 'conv-2', subscriptionId: 'sub-1' });
      expect(after([otherConversation])).toEqual([]);
    });
  });

  describe('co-browse', () => {
    it.each([
      ['shared', 'shared'],
      ['view', 'view'],
      ['follow', 'follow'],
      ['VOICE_CALL', 'voice'],
      ['SCREEN_SHARE', 'unknown'],
      ['video_call', 'unknown'],
    ])('mode %s is kind %s', (mode, kind) => {
      const [event] = run([snapshot([dialog({ mode })])]).events;
      expect(event?.type).toBe('invited');
      expect(event?.dialog.kind).toBe(kind);
      expect(event?.dialog.isCall).toBe(kind === 'voice');
    });

    it('tracks a co-browse dialog and a call in the same conversation separately', () => {
      const cobrowse = dialog({ dialogId: 'cob-1', mode: 'shared' });
      const { events } = run([snapshot([cobrowse, invited]), snapshot([cobrowse, closed])]);
      expect(events.map((e) => [e.type, e.dialog.dialogId, e.dialog.kind])).toEqual([
        ['invited', 'cob-1', 'shared'],
        ['invited', DIALOG, 'video'],
        ['closed', DIALOG, 'video'],
      ]);
    });
  });

  describe('frames that are not conversation notifications', () => {
    it('change nothing', () => {
      const { tracker } = run([snapshot([invited])]);
      for (const frame of [wire(messagingEventNotification()), wire(response({ reqId: '1' }))]) {
        expect(tracker.apply({ type: 'frame', frame }, 0)).toEqual([]);
      }
      expect(tracker.nextExpiry()).toBe(1000);
      expect(tracker.memory()).toEqual({ openDialogs: 1, closedDialogs: 0, conversations: 1 });
    });

    it('still close the invitations already due', () => {
      const { tracker } = run([snapshot([invited])]);
      expect(tracker.apply({ type: 'frame', frame: wire(response({ reqId: '1' })) }, 1000)).toEqual([{ type: 'closed', reason: 'expired', dialog: expected() }]);
    });
  });
});
