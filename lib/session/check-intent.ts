import { assertNever } from './assert-never';
import type { CallState } from './call-state';
import type { IntentRejection, IntentRejectionReason, SessionIntent } from './session-event';

/** Why `state` refuses the intent, or `undefined` when it is a valid accept/decline of the pending invitation. */
function reasonFor(state: CallState, intent: SessionIntent): IntentRejectionReason | undefined {
  if (state.status === 'idle' || state.dialog?.dialogId !== intent.dialogId) return 'unknown-invitation';
  switch (state.status) {
    case 'invited':
    case 'offered': {
      const { expiresAt } = state.dialog;
      return intent.at !== undefined && expiresAt !== undefined && intent.at >= expiresAt ? 'invitation-expired' : undefined;
    }
    case 'accepting':
    case 'active':
      return 'already-accepted';
    case 'declined':
      return 'already-declined';
    case 'expired':
      return 'invitation-expired';
    case 'ended':
    case 'failed':
      return 'invitation-closed';
    default:
      return assertNever(state);
  }
}

/**
 * Checks a consumer's accept/decline against the session: `undefined` when it applies to the
 * pending (`invited`/`offered`, unexpired) invitation, else the typed rejection. Pure; the
 * transition uses it, and a command can call it on the latest state to fail fast.
 */
export function checkIntent(state: CallState, intent: SessionIntent): IntentRejection | undefined {
  const reason = reasonFor(state, intent);
  return reason === undefined ? undefined : { intent: intent.type, dialogId: intent.dialogId, reason };
}
