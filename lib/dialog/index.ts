/** Dialog streams: COBROWSE dialogs from conversation snapshots, and their partition. */
export { callDialogs } from './call-dialogs';
export type { CallDialogsConfig } from './call-dialogs';
export { partitionDialogs, isInvitedEvent, isAcceptedEvent, isClosedEvent } from './partition-dialogs';
export type { DialogStreams, DialogEventOf } from './partition-dialogs';
export { createDialogTracker, RETAIN_CLOSED, RETAIN_CONVERSATIONS } from './tracker';
export type { DialogTracker, DialogTrackerOptions, DialogMemory } from './tracker';
export type { DialogInput, SessionCloseReason } from './state';
export { isExpired, EXPIRY_SKEW_MS } from './rules';
export { toCallDialog, dialogKind, dialogAgentId } from './call-dialog';
export type * from './types';
