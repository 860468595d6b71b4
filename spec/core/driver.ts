/**
 * Drives the call core's step by hand (no rxjs): wire frames through the real decoder, the other
 * inputs as the runtime would send them, and each step told as short labels.
 */
import { createCallModel, type CallCoreOptions } from '../../lib/core/model';
import { callStep, type StepInput } from '../../lib/core/step';
import type { CallError, CallEvent, CallPublish, CallPublishEvent, CallState, CallStep, EffectOutcome, IntentType } from '../../lib/core/types';
import { dialog, snapshot, type SnapshotOptions } from '../dialog/helpers';

export type DialogOptions = Parameters<typeof dialog>[0];

/** An expiry far away (the decoder clamps it to a day after creation): no expiry interferes unless a test sets one. */
export const FAR = 10 ** 13;

/** The call's dialog id unless a test says otherwise. */
export const ID = 'call-1';

/** DIALOG's snapshots through a call: invited, accepted, joined (accepted again, newer), hung up. */
export const CALL = {
  invited: { ts: 1 },
  accepted: { sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 },
  joined: { sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 },
  hungUp: { sessionState: 'CLOSED', ts: 4 },
} as const satisfies Record<string, DialogOptions>;

/** An event as a label: `invitation:d`, `accepted:d`, `closed:d:reason`, `dialog:type:d[:reason]`, `error:id`, `resume`, `command:n:result`. */
export function eventLabel(event: CallEvent): string {
  switch (event.type) {
    case 'dialog': {
      const { event: e } = event;
      return ['dialog', e.type, e.dialog.dialogId, ...(e.type === 'closed' ? [e.reason] : [])].join(':');
    }
    case 'invitation':
      return `invitation:${event.invitation.dialogId}`;
    case 'accepted':
      return `accepted:${event.call.dialogId}`;
    case 'closed':
      return `closed:${event.call.dialog.dialogId}:${event.call.reason}`;
    case 'resume':
      return 'resume';
    case 'error':
      return `error:${event.error.id}`;
    case 'command':
      return `command:${event.id}:${event.result.type === 'failed' ? event.result.reason : event.result.type}`;
  }
}

export const publishLabel = (request: CallPublish): string => ('dialog' in request ? `${request.event}:${request.dialog.dialogId}` : request.event);

/** A state as a label: `status` or `status:dialogId` (`ended:…:reason`, `active:…:×resumes`). */
export function stateLabel(state: CallState): string {
  if (state.status === 'idle') return 'idle';
  const id = state.dialog?.dialogId ?? '?';
  if (state.status === 'ended') return `ended:${id}:${state.reason}`;
  if (state.status === 'active') return `active:${id}:×${state.resumes}`;
  if (state.status === 'failed') return `failed:${id}:${state.failure.type}`;
  if (state.status === 'invited') return `invited:${id}${state.offering ? '' : ':waiting'}`;
  return `${state.status}:${id}`;
}

/** A core and a clock, fed by hand. Each call returns the step's labels (`undefined`: no step). */
export function drive(options: CallCoreOptions = {}) {
  const model = createCallModel(options);
  let now = 0;
  let nextId = 0;
  const steps: CallStep[] = [];
  const apply = (input: StepInput) => {
    const step = callStep(model, input, now);
    if (step !== undefined) steps.push(step);
    return step === undefined
      ? undefined
      : { events: step.events.map(eventLabel), publishes: step.publishes.map(publishLabel), state: stateLabel(step.session), screen: step.screen, step };
  };
  return {
    model,
    steps,
    at(ms: number) {
      now = ms;
      return this;
    },
    /** One snapshot of one conversation holding `dialogs` (each DIALOG unless it says otherwise; expiring at FAR unless it says otherwise). */
    frame: (dialogs: readonly DialogOptions[], snapshotOptions?: SnapshotOptions) =>
      apply({ type: 'frame', frame: snapshot(dialogs.map((o) => dialog({ dialogId: ID, expiresAt: FAR, ...o })), snapshotOptions) }),
    tick: () => apply({ type: 'tick' }),
    end: () => apply({ type: 'end' }),
    /** A command; its id is returned in the labels (`command:<id>:…`), counting from 1. */
    intent: (intent: IntentType, dialogId: string = ID) => apply({ type: 'intent', id: ++nextId, intent, dialogId }),
    resume: (replayed = false) => apply({ type: 'resume', resume: { replayed, data: undefined } }),
    sessionError: (error: CallError = { id: 'NO_CAMERA_ACCESS', message: 'No camera' }) => apply({ type: 'session-error', error }),
    outcome: (outcome: EffectOutcome) => apply({ type: 'outcome', outcome }),
    published: (event: CallPublishEvent, dialogId: string | undefined = ID) =>
      apply({ type: 'outcome', outcome: { type: 'published', event, dialogId } }),
    state: () => stateLabel(model.session),
  };
}
