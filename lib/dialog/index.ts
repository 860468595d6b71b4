/** Dialog streams: COBROWSE dialogs from conversation snapshots, and their partition. */
export { callDialogs } from './call-dialogs';
export type { CallDialogsConfig } from './call-dialogs';
export { partitionDialogs, isInvitedEvent, isAcceptedEvent, isClosedEvent } from './partition-dialogs';
export type { DialogStreams, DialogEventOf } from './partition-dialogs';
export { reduceDialogs } from './reducer';
export { INITIAL_DIALOGS_STATE, nextExpiry, isExpired } from './state';
export type { DialogInput, DialogStep, DialogsState, DialogRecord, DialogPhase, ConversationRecord } from './state';
export { toCallDialog, dialogKind, dialogAgentId } from './call-dialog';
export type * from './types';
