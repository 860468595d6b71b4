/**
 * lp-call-streams/testing — the test kit: a scriptable fake socket, a fake lpTag with Chronos
 * semantics, builders for every documented frame, and a jest marble helper. See the README's
 * "Testing your integration" section.
 */
export * from './fake-socket';
export * from './fake-lptag';
export * from './frames';
export * from './marbles';
export * from './test-call-client';
/** Whether a value has the `lpTag.events` shape the library needs (for checking a stand-in lpTag). */
export { isLpTagLike } from '../lptag/lptag-like';
