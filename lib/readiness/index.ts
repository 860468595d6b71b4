/** Call readiness: can this browser take a call of a given mode, before the consumer accepts it. */
export { callReadiness, DEFAULT_READINESS_TIMEOUT_MS } from './call-readiness';
export type { CallReadinessConfig } from './call-readiness';
export { requestCallPermission } from './request-call-permission';
export type { CallPermissionResult, PermissionFailure } from './request-call-permission';
export { checkIceServers } from './check-ice-servers';
export type { IceCandidateCounts, IceCheckConfig, IceCheckResult } from './check-ice-servers';
export { decideReadiness } from './decide';
export { browserEnvironment } from './environment';
export type { EventTargetLike, IceCandidateLike, MediaDeviceInfoLike, MediaDevicesLike, MediaEnvironment, MediaStreamLike, PeerConnectionConstructor, PeerConnectionLike, PermissionsLike, PermissionStatusLike } from './environment';
export { isCallMode, MEDIA_NEEDED } from './types';
export type { CallMode, CallReadiness, CallReadinessStatus, MediaKind, MediaReading, MediaReadings, ReadinessBlock, WebRtcApi, WebRtcSupport } from './types';
