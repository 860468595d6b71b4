/** The dialog index: COBROWSE dialogs from conversation snapshots, as the server tells them. */
export { createDialogTracker, RETAIN_CLOSED, RETAIN_CONVERSATIONS } from './tracker';
export type { DialogTracker, DialogTrackerOptions, DialogMemory } from './tracker';
export type { DialogInput } from './state';
export { isExpired, EXPIRY_SKEW_MS } from './rules';
export { toCallDialog, dialogKind, dialogAgentId } from './call-dialog';
export type * from './types';
