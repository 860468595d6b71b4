/**
 * lp-call-streams/readiness — call readiness: can this browser take a call of a given mode, before
 * the consumer accepts it (permissions, devices, WebRTC, a secure context), without prompting;
 * `requestCallPermission` prompts on purpose, `checkIceServers` tries the brand's STUN/TURN servers.
 */
export { callReadiness, DEFAULT_READINESS_TIMEOUT_MS } from './call-readiness';
export type { CallReadinessConfig } from './call-readiness';
export { requestCallPermission } from './request-call-permission';
export type { CallPermissionResult, PermissionFailure } from './request-call-permission';
export { checkIceServers } from './check-ice-servers';
export type { IceCandidateCounts, IceCheckConfig, IceCheckResult } from './check-ice-servers';
export type {
  EventTargetLike,
  IceCandidateLike,
  MediaDeviceInfoLike,
  MediaDevicesLike,
  MediaEnvironment,
  MediaStreamLike,
  PeerConnectionConstructor,
  PeerConnectionLike,
  PermissionsLike,
  PermissionStatusLike,
} from './environment';
export type { CallMode, CallReadiness, CallReadinessStatus, MediaKind, MediaReading, MediaReadings, ReadinessBase, ReadinessBlock, WebRtcApi, WebRtcSupport } from './types';
