/**
 * The call core: the ONE state machine of a call client. It owns the dialog tracker (snapshots →
 * dialog events) and the call session (the pure `transition`), applies every input to both in one
 * step, and says what the step means to the outside world. Public streams are derived from its
 * steps, so no host can see an event before the session has applied it.
 *
 * No rxjs and no clock (`now` is passed in). The tracker mutates privately; the session state is
 * an immutable value.
 */
import { createDialogTracker, type DialogTracker, type DialogTrackerOptions } from '../dialog/tracker';
import type { CallDialog, DialogEvent } from '../dialog/types';
import type { InboundFrame } from '../protocol/types';
import { initialCallState, type CallState } from './call-state';
import { checkIntent } from './check-intent';
import type { EffectOutcome, IntentRejection, SessionEvent, SessionIntent, SessionOptions } from './session-event';
import { transition } from './transition';

/** A `cobrowse` / `sessionResume` firing (structurally the lpTag adapter's `CallResume`). */
export interface ResumeSignal {
  /** True when it fired before we listened (lpTag `hasFired`). */
  readonly replayed: boolean;
  readonly data: unknown;
}

/** A `cobrowse` / `sessionError` firing (structurally the lpTag adapter's `CallError`). */
export interface SessionErrorSignal {
  readonly id: string;
  readonly message: string;
}

/** One input of the call core. */
export type CoreInput =
  | { readonly type: 'frame'; readonly frame: InboundFrame }
  /** The clock reached an invitation's expiry. */
  | { readonly type: 'tick' }
  /** A host command; `id` correlates its outcome. */
  | { readonly type: 'intent'; readonly id: number; readonly intent: SessionIntent }
  | { readonly type: 'resume'; readonly resume: ResumeSignal }
  | { readonly type: 'session-error'; readonly error: SessionErrorSignal }
  | { readonly type: 'outcome'; readonly outcome: EffectOutcome };

/** What one step tells the outside world, in order. */
export type CoreEvent =
  | { readonly type: 'dialog'; readonly event: DialogEvent }
  | { readonly type: 'resume'; readonly resume: ResumeSignal }
  | { readonly type: 'session-error'; readonly error: SessionErrorSignal }
  /** The outcome of intent `id`: applied (`rejection` undefined) or refused. */
  | { readonly type: 'intent'; readonly id: number; readonly rejection: IntentRejection | undefined };

/** The core after one input. */
export interface CoreStep {
  /** Increases by one per step that changed something (0: the initial step). */
  readonly seq: number;
  /** The call session's state after the step. */
  readonly state: CallState;
  readonly events: readonly CoreEvent[];
  /** The resume that restored the current call, while that call is on (`active`). A state: replayed to late subscribers. */
  readonly resumed: ResumeSignal | undefined;
}

/** Options of `createCallCore`. */
export interface CallCoreOptions extends SessionOptions, DialogTrackerOptions {}

/** The call core of one client run. */
export interface CallCore {
  /** The latest step (the initial one before any input). */
  current(): CoreStep;
  /** Applies one input at `now` (epoch ms). Returns the new step, or `undefined` when nothing changed and nothing happened. */
  apply(input: CoreInput, now: number): CoreStep | undefined;
  /** When the tracker next needs a `tick` (epoch ms). */
  nextExpiry(): number | undefined;
}

const isAcceptedCall = (event: DialogEvent): boolean =>
  event.dialog.isCall && (event.type === 'accepted' || (event.type === 'updated' && event.dialog.sessionState === 'ACCEPTED'));

/** A fresh call core: idle, nothing seen. */
export function createCallCore(options: CallCoreOptions = {}, tracker: DialogTracker = createDialogTracker(options)): CallCore {
  let step: CoreStep = { seq: 0, state: initialCallState, events: [], resumed: undefined };
  /** Open call dialogs last seen ACCEPTED: what a resume adopts. Bounded by the calls open now. */
  const openCalls = new Map<string, CallDialog>();

  const apply = (input: CoreInput, now: number): CoreStep | undefined => {
    let state = step.state;
    const events: CoreEvent[] = [];
    const session = (event: SessionEvent): void => {
      state = transition(state, event, options);
    };
    const dialogEvents = (list: readonly DialogEvent[]): void => {
      for (const event of list) onDialogEvent(event);
    };
    const onDialogEvent = (event: DialogEvent): void => {
      if (isAcceptedCall(event)) openCalls.set(event.dialog.dialogId, event.dialog);
      else if (event.type === 'closed') openCalls.delete(event.dialog.dialogId);
      const before = state;
      session({ type: 'dialog', event });
      const answeredElsewhere = state !== before && state.status === 'ended' && state.reason === 'answered-elsewhere';
      // The ACCEPTED that tells us it was answered elsewhere becomes the dialog's close: it never
      // reaches accepted$, and the dialog is a tombstone for what the server says later.
      if (!answeredElsewhere || event.type === 'closed' || event.type === 'invited') events.push({ type: 'dialog', event });
      if (answeredElsewhere) dialogEvents(tracker.apply({ type: 'close', dialogId: event.dialog.dialogId, reason: 'answered-elsewhere' }, now));
    };

    switch (input.type) {
      case 'frame':
      case 'tick':
        dialogEvents(tracker.apply(input, now));
        break;
      case 'intent': {
        const before = state;
        const rejection = checkIntent(state, input.intent);
        session(input.intent);
        // The dialog learns of a decline from the session: it closes as `declined` at once.
        if (state !== before && state.status === 'declined' && state.by === 'consumer') {
          dialogEvents(tracker.apply({ type: 'close', dialogId: input.intent.dialogId, reason: 'declined' }, now));
        }
        events.push({ type: 'intent', id: input.id, rejection });
        break;
      }
      case 'resume': {
        const known = [...openCalls.values()].at(-1);
        session({ type: 'resume', replayed: input.resume.replayed, dialog: known });
        events.push({ type: 'resume', resume: input.resume });
        break;
      }
      case 'session-error':
        session({ type: 'session-error', id: input.error.id, message: input.error.message });
        events.push({ type: 'session-error', error: input.error });
        break;
      case 'outcome':
        session(input.outcome);
        break;
    }

    if (state === step.state && events.length === 0) return undefined;
    const resumed = state.status !== 'active' ? undefined : input.type === 'resume' ? input.resume : step.resumed;
    step = { seq: step.seq + 1, state, events, resumed };
    return step;
  };

  return { current: () => step, apply, nextExpiry: () => tracker.nextExpiry() };
}
