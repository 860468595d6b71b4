/**
 * Bounded memory: the dialog core forgets the oldest closed dialogs (and conversations without an
 * open dialog) beyond `retainClosed`, and within that bound a replayed or older snapshot never
 * revives a closed dialog. Plus the structures it is built on, each against a naive model.
 */
import fc from 'fast-check';
import { createDialogTracker } from '../../lib/dialog';
import type { DialogTracker } from '../../lib/dialog';
import { IndexedHeap } from '../../lib/dialog/indexed-heap';
import { BoundedSet, IdleQueue } from '../../lib/dialog/retention';
import type { InboundFrame } from '../../lib/protocol/types';
import { dialog, snapshot } from './helpers';

const FAR = 10 ** 15;

/** The snapshot of conversation `conv-<i>` listing dialog `d-<i>` in `sessionState` at `ts`. */
const frame = (i: number, sessionState: string, ts: number, conversationTs = ts): InboundFrame =>
  snapshot([dialog({ dialogId: `d-${i}`, sessionState, expiresAt: FAR, ts })], { conversationId: `conv-${i}`, ts: conversationTs });

describe('retainClosed (property)', () => {
  it('never revives one of the last `retainClosed` closed dialogs, and never holds more', () => {
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

  it('forgets beyond the bound: a dialog closed more than `retainClosed` closes ago is new again', () => {
    const tracker = createDialogTracker({ retainClosed: 2, retainConversations: 2 });
    for (let i = 0; i < 3; i++) {
      tracker.apply({ type: 'frame', frame: frame(i, 'INVITED', 2 * i + 1) }, 0);
      tracker.apply({ type: 'frame', frame: frame(i, 'CLOSED', 2 * i + 2) }, 0);
    }
    expect(tracker.memory()).toEqual({ openDialogs: 0, closedDialogs: 2, conversations: 2 });
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
  expect(memory.closedDialogs).toBeLessThanOrEqual(retainClosed);
  expect(memory.conversations).toBeLessThanOrEqual(retainConversations + memory.openDialogs);
}

describe('IndexedHeap (property)', () => {
  interface Item {
    heapIndex: number;
    key: number;
  }
  it('pops in key order through any mix of pushes, removals and re-keys', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('push' as const), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('rekey' as const), pick: fc.nat(), key: fc.integer({ min: 0, max: 50 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = new IndexedHeap<Item>((a, b) => a.key < b.key);
        const model: Item[] = [];
        for (const o of ops) {
          if (o.kind === 'push') {
            const item = { heapIndex: -1, key: o.key };
            heap.push(item);
            model.push(item);
          } else if (o.kind === 'pop') {
            const min = Math.min(...model.map((m) => m.key));
            const popped = heap.pop();
            expect(popped?.key).toBe(model.length === 0 ? undefined : min);
            if (popped !== undefined) model.splice(model.indexOf(popped), 1);
          } else if (model.length > 0) {
            const item = model[o.pick % model.length] as Item;
            if (o.kind === 'remove') {
              heap.remove(item);
              heap.remove(item); // twice: a no-op
              model.splice(model.indexOf(item), 1);
              expect(item.heapIndex).toBe(-1);
            } else {
              item.key = o.key;
              heap.update(item);
            }
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()?.key).toBe(model.length === 0 ? undefined : Math.min(...model.map((m) => m.key)));
        }
      }),
    );
  });
});

describe('BoundedSet and IdleQueue (property)', () => {
  it('BoundedSet holds exactly the last `limit` distinct keys added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.nat(20), { minLength: 2500, maxLength: 3000 }), (limit, keys) => {
        const set = new BoundedSet<number>(limit);
        const model: number[] = [];
        for (const key of keys) {
          set.add(key);
          if (!model.includes(key)) model.push(key);
          while (model.length > limit) model.shift();
        }
        expect(set.size).toBe(model.length);
        for (let key = 0; key <= 20; key++) expect(set.has(key)).toBe(model.includes(key));
      }),
      { numRuns: 50 }, // long runs: the queue compacts after 1024 spent slots
    );
  });

  it('IdleQueue keeps the `limit` most recently idle items and evicts the others, oldest first', () => {
    const op = fc.record({ item: fc.nat(9), idle: fc.boolean() });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(op, { minLength: 2500, maxLength: 3000 }), (limit, ops) => {
        const items = Array.from({ length: 10 }, (_, id) => ({ id, idleStamp: 0 }));
        const evicted: number[] = [];
        const queue = new IdleQueue<(typeof items)[number]>(limit, (item) => evicted.push(item.id));
        let model: number[] = []; // idle ids, least recent first
        const expectedEvictions: number[] = [];
        for (const { item, idle } of ops) {
          const target = items[item] as (typeof items)[number];
          model = model.filter((id) => id !== item);
          if (idle) {
            queue.idle(target);
            model.push(item);
            while (model.length > limit) expectedEvictions.push(model.shift() as number);
          } else {
            queue.active(target);
          }
        }
        expect(evicted).toEqual(expectedEvictions);
        expect(queue.size).toBe(model.length);
        expect(items.filter((i) => i.idleStamp !== 0).map((i) => i.id).sort()).toEqual([...model].sort());
      }),
      { numRuns: 50 }, // long runs: stale slots are swept after 1024 of them
    );
  });

  it('IdleQueue sweeps stale slots without changing who is oldest', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => ({ id, idleStamp: 0 })) as [{ id: string; idleStamp: number }, { id: string; idleStamp: number }, { id: string; idleStamp: number }];
    const evicted: string[] = [];
    const queue = new IdleQueue<typeof a>(2, (item) => evicted.push(item.id));
    queue.idle(b);
    queue.idle(a);
    for (let i = 0; i < 5000; i++) queue.idle(b); // thousands of stale slots of b behind a: swept on the way
    queue.idle(c);
    expect(evicted).toEqual(['a']);
    expect(queue.size).toBe(2);
  });
});
