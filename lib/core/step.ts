/**
 * THE call core's step: from the model and one input to what the input did. Every call rule is
 * decided here (in this file and the rule files it calls: `on-dialog.ts`, `on-input.ts`, the
 * verbs of `work.ts`, the facts of `state.ts`); nothing outside the step makes a call decision.
 * No rxjs, no clock of its own (`now` is passed in).
 */
import type { InboundFrame } from '../protocol/types';
import type { CallModel } from './model';
import { onDialogEvent } from './on-dialog';
import { onEnd, onIntent, onOutcome, onResume, onSessionError } from './on-input';
import { holdsScreen, initialCallState } from './state';
import type { CallEvent, CallInput, CallPublish, CallStep } from './types';
import { showHeld, startWork } from './work';

/** An input of the step: a frame, the clock reaching the next expiry, the end of the frames, or a {@link CallInput}. */
export type StepInput =
  | CallInput
  | { readonly type: 'frame'; readonly frame: InboundFrame }
  | { readonly type: 'tick' }
  | { readonly type: 'end' };

const TICK = { type: 'tick' } as const;
const NO_EVENTS: readonly CallEvent[] = Object.freeze([]);
const NO_PUBLISHES: readonly CallPublish[] = Object.freeze([]);

/** The step a run starts with: idle, nothing happened. */
export const initialStep: CallStep = Object.freeze({ session: initialCallState, events: NO_EVENTS, publishes: NO_PUBLISHES, screen: false, resumed: undefined });

/**
 * Applies `input` at `now` (epoch ms on the scheduler's clock) to `model` and says what it did:
 * the session after it, the events every public stream shows, the publishes to make and whether
 * the call screen lives. `undefined` when nothing happened (a re-sent snapshot, say).
 *
 * Time first: every input first closes the invitations already due, so the outcome never depends
 * on whether a timer or a frame came first. Then the input's own rules; then, if no call holds
 * the session any more, the oldest invitation that waited for it is shown.
 */
export function callStep(model: CallModel, input: StepInput, now: number): CallStep | undefined {
  const work = startWork(model, now);
  const before = model.session;
  for (const event of model.dialogs.apply(input.type === 'frame' ? input : TICK, now)) onDialogEvent(work, event);
  switch (input.type) {
    case 'frame':
    case 'tick':
      break;
    case 'intent':
      onIntent(work, input.id, input.intent, input.dialogId);
      break;
    case 'resume':
      onResume(work, input.resume);
      break;
    case 'session-error':
      onSessionError(work, input.error);
      break;
    case 'outcome':
      onOutcome(work, input.outcome);
      break;
    case 'end':
      onEnd(work);
      break;
  }
  showHeld(work);
  const { session } = model;
  if (work.events === undefined && work.publishes === undefined && session === before) return undefined;
  return { session, events: work.events ?? NO_EVENTS, publishes: work.publishes ?? NO_PUBLISHES, screen: holdsScreen(session), resumed: model.resumed };
}
