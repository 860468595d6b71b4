import type { AcceptedCall, CallDialog, CallInvitation, CloseReason, DialogEvent } from '../../lib/dialog/types';
import type { SessionEvent, SessionPublishEvent } from '../../lib/session';

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

const wrap = (event: DialogEvent): SessionEvent => ({ type: 'dialog', event });

export const ev = {
  invited: (dialogId = 'd1', overrides: Partial<CallDialog> = {}): SessionEvent => wrap({ type: 'invited', dialog: invitation(dialogId, overrides) }),
  accepted: (dialogId = 'd1'): SessionEvent => wrap({ type: 'accepted', dialog: acceptedCall(dialogId) }),
  updated: (dialogId = 'd1', sessionState = 'ACCEPTED'): SessionEvent => wrap({ type: 'updated', dialog: dialog(dialogId, { sessionState }) }),
  closed: (dialogId = 'd1', reason: CloseReason = 'hangup'): SessionEvent =>
    wrap({ type: 'closed', dialog: dialog(dialogId, { sessionState: 'CLOSED' }), reason }),
  accept: (dialogId = 'd1', at?: number): SessionEvent => ({ type: 'accept', dialogId, ...(at === undefined ? {} : { at }) }),
  decline: (dialogId = 'd1', at?: number): SessionEvent => ({ type: 'decline', dialogId, ...(at === undefined ? {} : { at }) }),
  offer: (dialogId = 'd1', at?: number): SessionEvent => ({ type: 'offer', dialogId, ...(at === undefined ? {} : { at }) }),
  sessionError: (id = 'UNABLE_TO_CONNECT', message = 'Could not connect'): SessionEvent => ({ type: 'session-error', id, message }),
  resume: (replayed = false, dialog?: CallDialog): SessionEvent => ({ type: 'resume', replayed, ...(dialog === undefined ? {} : { dialog }) }),
  /** `dialogId: null` → an outcome without a dialog (sliderOpened). */
  published: (event: SessionPublishEvent, dialogId: string | null = 'd1'): SessionEvent => ({
    type: 'published',
    event,
    dialogId: dialogId ?? undefined,
  }),
  publishFailed: (event: SessionPublishEvent, dialogId: string | null = 'd1'): SessionEvent => ({
    type: 'publish-failed',
    event,
    dialogId: dialogId ?? undefined,
    field: 'visitorName',
    message: `lpCoBrowse/${event} not published: visitorName is empty`,
  }),
  screenFailed: (): SessionEvent => ({ type: 'call-screen-failed', message: 'no parent' }),
};
