/** Inputs of the call core built from wire frames, and its steps as labels: shared by the call-core specs. */
import type { JsonObject } from '../../lib/protocol/types';
import type { CoreInput, CoreStep } from '../../lib/session';
import { DIALOG, dialog, snapshot } from '../dialog/helpers';

export type DialogOptions = Parameters<typeof dialog>[0];

/** An expiry far away: no expiry timer interferes unless a test sets one. */
export const FAR = 10 ** 13;

/** One conversation snapshot holding `dialogs` (each DIALOG unless it says otherwise), expiring at FAR unless it says otherwise. */
export const frame = (...dialogs: DialogOptions[]): CoreInput => ({
  type: 'frame',
  frame: snapshot(dialogs.map((options): JsonObject => dialog({ expiresAt: FAR, ...options }))),
});

/** DIALOG's snapshots through a call: invited, accepted, joined (accepted again, newer), hung up. */
export const CALL = {
  invited: { ts: 1 },
  accepted: { sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 },
  joined: { sessionState: 'ACCEPTED', notificationKey: 'joined', ts: 3 },
  hungUp: { sessionState: 'CLOSED', ts: 4 },
} as const satisfies Record<string, DialogOptions>;

/** The host's intent `type` on `dialogId`. */
export const intent = (type: 'accept' | 'decline' | 'offer', dialogId: string = DIALOG): CoreInput => ({ type: 'intent', id: 1, intent: { type, dialogId } });

/**
 * A step's events as `type` / `closed:<reason>` / `intent:<ok or reason>`; with `withDialogId`,
 * dialog events as `type:<dialogId>[:<reason>]`.
 */
export function eventLabels(step: CoreStep | undefined, withDialogId = false): string[] {
  return (step?.events ?? []).map((e) => {
    if (e.type === 'intent') return `intent:${e.rejection?.reason ?? 'ok'}`;
    if (e.type !== 'dialog') return e.type;
    const { event } = e;
    return [event.type, ...(withDialogId ? [event.dialog.dialogId] : []), ...(event.type === 'closed' ? [event.reason] : [])].join(':');
  });
}
