/** lpTag adapter: the only code that names lpTag's API. */
export { isLpTagLike, readLpTag } from './lptag-like';
export type { LpTagAccessor, LpTagLike, LpTagListener, LpTagSource } from './lptag-like';
export type { LpTagConfig, LpTagDiagnostic } from './diagnostics';
export { waitForLpTag } from './wait-for-lptag';
export { fromLpTagEvent } from './from-lptag-event';
export type { FromLpTagEventConfig, LpTagEvent } from './from-lptag-event';
export { decodeCallError, isKnownCallErrorId } from './call-error';
export type { CallError, CallErrorId, KnownCallErrorId } from './call-error';
export { CALL_APP, fromSessionError, fromSessionResume } from './call-events';
export type { CallResume } from './call-events';
export { validateCobrowseData } from './validate-cobrowse';
export type { CobrowseEventData, CobrowseEventName, CobrowseFields, LpCoBrowseEventName } from './validate-cobrowse';
export { LPCOBROWSE_APP, publishLpCoBrowse } from './publish-lpcobrowse';
export type { LpCoBrowseConfig, LpCoBrowseRequest, PublishResult } from './publish-lpcobrowse';
