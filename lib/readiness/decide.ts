/**
 * The verdict, as pure functions of what the browser showed: which WebRTC pieces exist, and per
 * needed kind its permission and device readings. No rxjs, no globals.
 */
import type { DeviceReading } from './device-listing';
import type { MediaEnvironment } from './environment';
import type { PermissionApiState } from './permission-state';
import { type CallMode, type CallReadiness, MEDIA_NEEDED, type MediaKind, type MediaReading, type MediaReadings, type ReadinessBlock, type WebRtcApi, type WebRtcSupport } from './types';

/** Which WebRTC pieces `env` has. */
export function webRtcSupport(env: MediaEnvironment): WebRtcSupport {
  const mediaDevices = env.navigator?.mediaDevices;
  return {
    secureContext: env.isSecureContext !== false,
    peerConnection: typeof env.RTCPeerConnection === 'function',
    getUserMedia: typeof mediaDevices?.getUserMedia === 'function',
    enumerateDevices: typeof mediaDevices?.enumerateDevices === 'function',
    permissionsApi: typeof env.navigator?.permissions?.query === 'function',
  };
}

/** The block no permission or device can lift: an insecure page, or no WebRTC. */
export function supportBlock(support: WebRtcSupport): ReadinessBlock | undefined {
  if (!support.secureContext) return { reason: 'insecure-context' };
  const missing: WebRtcApi[] = [];
  if (!support.peerConnection) missing.push('RTCPeerConnection');
  if (!support.getUserMedia) missing.push('getUserMedia');
  return missing.length > 0 ? { reason: 'no-webrtc', missing } : undefined;
}

/**
 * One kind's reading: the Permissions API's state when it has one; else (`unsupported`) a labelled
 * device means granted (browsers hide labels until the page may use the device), otherwise unknown.
 */
export function mediaReading(permission: PermissionApiState, devices: DeviceReading): MediaReading {
  if (permission !== 'unsupported') return { permission, permissionSource: 'permissions-api', device: devices.device };
  if (devices.labelled) return { permission: 'granted', permissionSource: 'device-labels', device: devices.device };
  return { permission: 'unknown', permissionSource: 'none', device: devices.device };
}

/**
 * The verdict for `mode`, worst first: a support block; `no-device` (a needed kind has no device);
 * `permission-denied`; `unknown` (a needed kind's permission or device cannot be told); `prompt`
 * (the browser will ask); `ready`. `kinds` lists every needed kind in that state, in `MEDIA_NEEDED` order.
 */
export function decideReadiness(mode: CallMode, support: WebRtcSupport, media: MediaReadings): CallReadiness {
  const base = { mode, support, media };
  const block = supportBlock(support);
  if (block) return { ...base, status: 'blocked', ...block };
  const needed = MEDIA_NEEDED[mode];
  const where = (test: (reading: MediaReading | undefined) => boolean): readonly MediaKind[] => needed.filter((kind) => test(media[kind]));
  const absent = where((r) => r?.device === 'absent');
  if (absent.length > 0) return { ...base, status: 'blocked', reason: 'no-device', kinds: absent };
  const denied = where((r) => r?.permission === 'denied');
  if (denied.length > 0) return { ...base, status: 'blocked', reason: 'permission-denied', kinds: denied };
  const unknown = where((r) => r === undefined || r.permission === 'unknown' || r.device === 'unknown');
  if (unknown.length > 0) return { ...base, status: 'unknown', kinds: unknown };
  const prompt = where((r) => r?.permission === 'prompt');
  if (prompt.length > 0) return { ...base, status: 'prompt', kinds: prompt };
  return { ...base, status: 'ready' };
}
