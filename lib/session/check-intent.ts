import { assertNever } from './assert-never';
import type { CallState } from './call-state';
import type { IntentRejection, IntentRejectionReason, SessionIntent } from './session-event';

const expiredAt = (state: Extract<CallState, { status: 'invited' | 'offered' }>, at: number | undefined): boolean =>
  at !== undefined && state.dialog.expiresAt !== undefined && at >= state.dialog.expiresAt;

/** Why `state` refuses the intent, or `undefined` when it applies. */
function reasonFor(state: CallState, intent: SessionIntent): IntentRejectionReason | undefined {
  if (state.status === 'idle' || state.dialog?.dialogId !== intent.dialogId) return 'unknown-invitation';
  switch (state.status) {
    case 'invited':
    case 'offered':
      return expiredAt(state, intent.at) ? 'invitation-expired' : undefined;
    case 'accepting':
    case 'active':
      return 'already-accepted';
    case 'declined':
      return 'already-declined';
    case 'expired':
      return 'invitation-expired';
    case 'ended':
      return 'invitation-closed';
    case 'failed':
      return 'session-failed';
    default:
      return assertNever(state);
  }
}

/**
 * Checks a consumer's intent against the session: `undefined` when it applies to the pending
 * (`invited`/`offered`, unexpired) invitation, else the typed rejection. (`offer` of an invitation
 * already offered is no rejection: it changes nothing.) Pure; the transition and the call core use it.
 */
export function checkIntent(state: CallState, intent: SessionIntent): IntentRejection | undefined {
  const reason = reasonFor(state, intent);
  return reason === undefined ? undefined : { intent: intent.type, dialogId: intent.dialogId, reason };
}
