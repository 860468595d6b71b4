/** Call-domain values for the core's operator specs (no wire, no decoder). */
import type { AcceptedCall, CallDialog, CallInvitation } from '../../lib/dialog/types';

/** A call dialog with sensible defaults (video call, expires at 120 000 ms). */
export function dialog(dialogId = 'd1', overrides: Partial<CallDialog> = {}): CallDialog {
  return {
    dialogId,
    conversationId: 'conv-1',
    kind: 'video',
    isCall: true,
    mode: 'VIDEO_CALL',
    sessionState: 'INVITED',
    dialogState: 'OPEN',
    serviceId: `consumer#${dialogId}`,
    agentId: 'le123.456',
    expiresAt: 120_000,
    creationTs: 0,
    metaDataLastUpdateTs: 0,
    notificationKey: 'invited',
    ...overrides,
  };
}

export const invitation = (dialogId = 'd1', overrides: Partial<CallDialog> = {}): CallInvitation => ({
  ...dialog(dialogId, overrides),
  sessionState: 'INVITED',
});

export const acceptedCall = (dialogId = 'd1'): AcceptedCall => ({ ...dialog(dialogId), sessionState: 'ACCEPTED', notificationKey: 'accepted' });
