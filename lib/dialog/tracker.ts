/**
 * The dialog index as a stateful object: what the call core (lib/core) runs on.
 * It owns its state privately (never shared, never handed out) and mutates it in place; per input
 * it does work proportional to that input, never to history (see `dialog-core.ts`). Its rules are
 * pinned by the specs in spec/dialog and, on random inputs, by a property test against a small
 * pure reference model.
 */
import { isExConversationChange } from '../protocol/guards';
import { createDialogCore } from './dialog-core';
import { createGenerations } from './retention';
import { EXPIRY_SKEW_MS } from './rules';
import type { DialogInput } from './state';
import type { DialogEvent } from './types';

import type { DialogMemory } from './dialog-core';

export type { DialogMemory } from './dialog-core';

/** Closed dialogs remembered by default. */
export const RETAIN_CLOSED = 10_000;
/** Conversations without an open dialog remembered by default. */
export const RETAIN_CONVERSATIONS = 1_000;
/** Subscription ids remembered: enough to tell a new listing from one of the last few. */
const SUBSCRIPTIONS_REMEMBERED = 64;

/** Options of `createDialogTracker` (and of the call core, which runs one). */
export interface DialogTrackerOptions {
  /** Clock skew tolerated when telling an expiry from a cancel (default 2000 ms). */
  readonly expirySkewMs?: number;
  /**
   * How many of the most recently closed dialogs are surely remembered (a tombstone: their id);
   * up to twice as many are, older ones are forgotten a generation at a time. Default 10 000
   * (≈ 2.6 MB at the very most). Within this bound a replayed or older snapshot never revives a closed dialog;
   * a forgotten one counts as never seen. `Infinity` remembers everything.
   */
  readonly retainClosed?: number;
  /**
   * How many of the most recently touched conversations without an open dialog are surely
   * remembered (their newest timestamp and whether they closed); up to twice as many are. Default
   * 1 000. A forgotten conversation's older snapshots are no longer dropped whole; the dialogs in
   * them are still judged one by one (tombstones, timestamps). Conversations with an open dialog
   * are always kept.
   */
  readonly retainConversations?: number;
}

/** One subscription's dialog state: inputs in, events out. */
export interface DialogTracker {
  /** Applies one input at `now` (epoch ms) and returns the events it causes, in order. */
  apply(input: DialogInput, now: number): readonly DialogEvent[];
  /** When the next announced invitation expires (epoch ms): when to `apply({ type: 'tick' })`. O(1). */
  nextExpiry(): number | undefined;
  /** What is remembered right now (for benchmarks and tests). */
  memory(): DialogMemory;
}

/**
 * A fresh dialog tracker (nothing seen yet). Each input first closes the announced invitations
 * already due (`expired`), so the outcome never depends on whether a timer or a frame came first.
 * Then a `frame` that is a conversation notification is applied (a NEW `subscriptionId` marks a
 * full listing: open dialogs of conversations absent from it close, `conversation-closed`); a
 * `tick` does nothing more. It reports the server's view only: what the consumer decides (a
 * decline, an answer elsewhere) is the call core's business, not the index's.
 *
 * Internal (not exported from the package root): the call core's model holds one —
 * `tracker.apply({ type: 'frame', frame }, now)`, and `apply({ type: 'tick' }, …)` for every other
 * input and when `nextExpiry()` is due.
 */
export function createDialogTracker(options: DialogTrackerOptions = {}): DialogTracker {
  const core = createDialogCore(options.expirySkewMs ?? EXPIRY_SKEW_MS, bound(options.retainClosed ?? RETAIN_CLOSED), bound(options.retainConversations ?? RETAIN_CONVERSATIONS));
  const subscriptions = createGenerations<string>(SUBSCRIPTIONS_REMEMBERED);
  let current: string | undefined; // the latest subscription: almost every frame carries it
  return {
    apply(input, now) {
      core.start(now);
      core.expireDue();
      if (input.type === 'frame' && isExConversationChange(input.frame)) {
        const { subscriptionId, changes, droppedChanges } = input.frame.body;
        if (subscriptionId !== undefined && subscriptionId !== current) {
          current = subscriptionId;
          if (!subscriptions.has(subscriptionId)) {
            // A new subscription: its first notification lists every conversation it covers.
            subscriptions.touch(subscriptionId);
            core.reconcile(changes, droppedChanges);
          }
        }
        for (const change of changes) {
          if (change.type === 'UPSERT') core.upsert(change.result.convId, change.result.conversationDetails);
          else core.deleteConversation(change.result.convId);
        }
      }
      return core.finish();
    },
    nextExpiry: () => core.nextExpiry(),
    memory: () => core.memory(),
  };
}

/** A memory bound: a whole number ≥ 0, or Infinity. */
function bound(value: number): number {
  if (value >= 0 && (Number.isInteger(value) || value === Infinity)) return value;
  throw new RangeError(`retain bound ${value}`);
}
