/**
 * The dialog core as a stateful object: what `callDialogs` and the call client's core run on.
 * It owns its state privately (never shared, never handed out), so an implementation may mutate
 * in place; the rules are those of `reduceDialogs`.
 */
import { reduceDialogs, type ReduceDialogsOptions } from './reducer';
import { INITIAL_DIALOGS_STATE, nextExpiry, type DialogInput, type DialogsState } from './state';
import type { DialogEvent } from './types';

/** Options of {@link createDialogTracker}. */
export type DialogTrackerOptions = ReduceDialogsOptions;

/** One subscription's dialog state: inputs in, events out. */
export interface DialogTracker {
  /** Applies one input at `now` (epoch ms) and returns the events it causes, in order. */
  apply(input: DialogInput, now: number): readonly DialogEvent[];
  /** When the next announced invitation expires (epoch ms): when to `apply({ type: 'tick' })`. */
  nextExpiry(): number | undefined;
}

/** A fresh dialog tracker (nothing seen yet). */
export function createDialogTracker(options: DialogTrackerOptions = {}): DialogTracker {
  let state: DialogsState = INITIAL_DIALOGS_STATE;
  return {
    apply(input, now) {
      const step = reduceDialogs(state, input, now, options);
      state = step.state;
      return step.events;
    },
    nextExpiry: () => nextExpiry(state),
  };
}
