/**
 * Bounded memory: the dialog core forgets the oldest closed dialogs (and conversations without an
 * open dialog) beyond `retainClosed`, and within that bound a replayed or older snapshot never
 * revives a closed dialog. Plus the structures it is built on, each against a naive model.
 */
import fc from 'fast-check';
import { createDialogTracker } from '../../lib/dialog';
import type { DialogTracker } from '../../lib/dialog';
import { createHeap } from '../../lib/dialog/heap';
import { createGenerations } from '../../lib/dialog/retention';
import type { InboundFrame } from '../../lib/protocol/types';
import { dialog, snapshot } from './helpers';

const FAR = 10 ** 15;

/** The snapshot of conversation `conv-<i>` listing dialog `d-<i>` in `sessionState` at `ts`. */
const frame = (i: number, sessionState: string, ts: number, conversationTs = ts): InboundFrame =>
  snapshot([dialog({ dialogId: `d-${i}`, sessionState, expiresAt: FAR, ts })], { conversationId: `conv-${i}`, ts: conversationTs });

describe('retainClosed (property)', () => {
  it('never revives one of the last `retainClosed` closed dialogs, and never holds more than twice as many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.nat(11), { minLength: 1, maxLength: 120 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.boolean()), { minLength: 120, maxLength: 120 }),
        (retainClosed, retainConversations, picks, replays) => {
          const tracker = createDialogTracker({ retainClosed, retainConversations });
          const stage = new Map<number, number>(); // dialog → 0 invited, 1 accepted, 2 closed
          const closedOrder: number[] = [];
          let ts = 0;
          picks.forEach((i, step) => {
            const at = stage.get(i);
            if (at === 2) return;
            ts += 1;
            const next = at === undefined ? 0 : at === 0 && step % 3 !== 0 ? 1 : 2;
            stage.set(i, next);
            const events = tracker.apply({ type: 'frame', frame: frame(i, ['INVITED', 'ACCEPTED', 'CLOSED'][next] ?? 'CLOSED', ts) }, 0);
            expect(events).toHaveLength(1); // invited, accepted or closed: the dialog is new each time (never reused)
            if (next !== 2) return;
            closedOrder.push(i);
            // Replay an older snapshot of one of the last `retainClosed` closed dialogs, in an older
            // or in a newer conversation snapshot: nothing may come of it.
            const [which, accepted, newerConversation] = replays[step] ?? [0, false, false];
            const recent = closedOrder.slice(-retainClosed);
            const victim = recent[which % recent.length] ?? i;
            ts += 1;
            const replay = frame(victim, accepted ? 'ACCEPTED' : 'INVITED', 0, newerConversation ? ts : 0);
            expect(tracker.apply({ type: 'frame', frame: replay }, 0)).toEqual([]);
            expectBounded(tracker, retainClosed, retainConversations);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('forgets beyond the bound, a generation at a time: a forgotten dialog is new again', () => {
    const tracker = createDialogTracker({ retainClosed: 2, retainConversations: 2 });
    for (let i = 0; i < 5; i++) {
      tracker.apply({ type: 'frame', frame: frame(i, 'INVITED', 2 * i + 1) }, 0);
      tracker.apply({ type: 'frame', frame: frame(i, 'CLOSED', 2 * i + 2) }, 0);
    }
    // Closes 0 1 | 2 3 | 4: the generation {0, 1} went when {2, 3} filled up.
    expect(tracker.memory()).toEqual({ openDialogs: 0, closedDialogs: 3, conversations: 3 });
    expect(tracker.apply({ type: 'frame', frame: frame(2, 'INVITED', 1) }, 0)).toEqual([]); // remembered
    expect(tracker.apply({ type: 'frame', frame: frame(0, 'INVITED', 1) }, 0).map((e) => e.type)).toEqual(['invited']); // forgotten
  });

  it('keeps a conversation with an open dialog, however many others close', () => {
    const tracker = createDialogTracker({ retainClosed: 1, retainConversations: 1 });
    tracker.apply({ type: 'frame', frame: frame(99, 'ACCEPTED', 1) }, 0);
    for (let i = 0; i < 5; i++) {
      tracker.apply({ type: 'frame', frame: frame(i, 'INVITED', 10 + 2 * i) }, 0);
      tracker.apply({ type: 'frame', frame: frame(i, 'CLOSED', 11 + 2 * i) }, 0);
    }
    expect(tracker.memory()).toEqual({ openDialogs: 1, closedDialogs: 1, conversations: 2 });
    // The older conversation snapshot (without the dialog) is still dropped: the dialog stays open.
    expect(tracker.apply({ type: 'frame', frame: snapshot([], { conversationId: 'conv-99', ts: 0 }) }, 0)).toEqual([]);
    expect(tracker.apply({ type: 'frame', frame: frame(99, 'CLOSED', 2) }, 0).map((e) => e.type)).toEqual(['closed']);
  });

  it('rejects bounds that are not whole numbers ≥ 0', () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => createDialogTracker({ retainClosed: bad })).toThrow(RangeError);
      expect(() => createDialogTracker({ retainConversations: bad })).toThrow(RangeError);
    }
    expect(() => createDialogTracker({ retainClosed: Infinity, retainConversations: 0 })).not.toThrow();
  });
});

function expectBounded(tracker: DialogTracker, retainClosed: number, retainConversations: number): void {
  const memory = tracker.memory();
  expect(memory.closedDialogs).toBeLessThanOrEqual(2 * retainClosed);
  expect(memory.conversations).toBeLessThanOrEqual(2 * retainConversations + memory.openDialogs);
}

describe('createHeap (property)', () => {
  interface Item {
    heapIndex: number;
    key: number;
  }
  it('keeps the smallest key first through any mix of puts, removals and re-keys', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('rekey' as const), pick: fc.nat(), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('popFirst' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = createHeap<Item>((a, b) => a.key < b.key);
        const model: Item[] = [];
        const smallest = () => (model.length === 0 ? undefined : Math.min(...model.map((m) => m.key)));
        for (const o of ops) {
          if (o.kind === 'put') {
            const item = { heapIndex: -1, key: o.key };
            heap.put(item);
            model.push(item);
          } else if (o.kind === 'popFirst') {
            const first = heap.peek();
            expect(first?.key).toBe(smallest());
            if (first !== undefined) {
              heap.remove(first);
              model.splice(model.indexOf(first), 1);
            }
          } else if (model.length > 0) {
            const item = model[o.pick % model.length] as Item;
            if (o.kind === 'remove') {
              heap.remove(item);
              heap.remove(item); // twice: a no-op
              model.splice(model.indexOf(item), 1);
              expect(item.heapIndex).toBe(-1);
            } else {
              item.key = o.key;
              heap.put(item); // re-key
            }
          }
          expect(heap.size()).toBe(model.length);
          expect(heap.peek()?.key).toBe(smallest());
        }
      }),
    );
  });
});

describe('createGenerations (property)', () => {
  it('keeps at least the `keep` most recently touched keys and at most twice as many; evict is told about exactly the keys it forgets', () => {
    const op = fc.record({ key: fc.nat(30), touch: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 400 }), (keep, ops) => {
        const evicted: number[] = [];
        const generations = createGenerations<number>(keep, (key) => evicted.push(key));
        let recent: number[] = []; // touched and not deleted, least recent first
        for (const { key, touch } of ops) {
          recent = recent.filter((k) => k !== key);
          const evictedBefore = evicted.length;
          if (touch) {
            generations.touch(key);
            recent.push(key);
          } else {
            generations.delete(key);
          }
          for (const gone of evicted.slice(evictedBefore)) {
            expect(generations.has(gone)).toBe(false);
            recent = recent.filter((k) => k !== gone);
          }
          for (const k of recent.slice(-keep || recent.length)) if (keep > 0) expect(generations.has(k)).toBe(true);
          expect(generations.size()).toBeLessThanOrEqual(2 * keep);
          for (let k = 0; k <= 30; k++) if (generations.has(k)) expect(recent).toContain(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('remembers nothing with keep 0, and everything with Infinity', () => {
    const none = createGenerations<number>(0);
    none.touch(1);
    expect(none.has(1)).toBe(false);
    const all = createGenerations<number>(Infinity);
    for (let key = 0; key < 10_000; key++) all.touch(key);
    expect([all.size(), all.has(0)]).toEqual([10_000, true]);
  });
});
