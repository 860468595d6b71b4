/**
 * lp-call-streams — LivePerson voice and video calls over the Messaging Window API as RxJS streams.
 * Public barrel: named exports only.
 */
export type * from './protocol/types';
export type * from './dialog/types';
export * from './errors';
