/**
 * lp-call-streams — LivePerson voice and video calls over the Messaging Window API as typed,
 * composable RxJS 7 streams. Public barrel: named exports only.
 *
 * - `createCallClient` — the whole integration (connection, dialogs, lpTag, container, session).
 * - `createConnection` — the resilient consumer connection on its own.
 * - Operators usable without the client: `callDialogs`, `partitionDialogs`, `callSession`,
 *   `runCallSession`, `sessionEffects`, `offerOnInvite`, `withCallScreen`.
 * - Adapters: `fromLpTagEvent`, `fromSessionError`, `fromSessionResume`, `publishLpCoBrowse`,
 *   `callScreenContainer`.
 * - The wire model: `decode`, `encode`, request builders, type guards.
 */
export * from './client';
export * from './connection';
export * from './dialog';
export * from './lptag';
export * from './dom';
export * from './session';
export * from './protocol';
export * from './errors';
export * from './readiness';
