/**
 * The values call readiness reports: what a call mode needs, what the browser offers, and the
 * verdict as a discriminated union on `status` (and on `reason` when blocked). Pure types.
 */

/** The call modes readiness knows (the wire `mode` of a call dialog). */
export type CallMode = 'VOICE_CALL' | 'VIDEO_CALL';

/** A capture device a call needs; also its Permissions API name. */
export type MediaKind = 'camera' | 'microphone';

/** What each mode needs: `VOICE_CALL` → microphone; `VIDEO_CALL` → camera + microphone. */
export const MEDIA_NEEDED: { readonly [M in CallMode]: readonly MediaKind[] } = {
  VOICE_CALL: ['microphone'],
  VIDEO_CALL: ['camera', 'microphone'],
};

/** True for the two call modes (a dialog's `mode` is any string on the wire). */
export const isCallMode = (mode: unknown): mode is CallMode => mode === 'VOICE_CALL' || mode === 'VIDEO_CALL';

/** A browser API a call cannot do without. */
export type WebRtcApi = 'RTCPeerConnection' | 'getUserMedia';

/** Which WebRTC pieces the page has (read once per subscription: they do not change). */
export interface WebRtcSupport {
  /** `window.isSecureContext` (`true` when the environment does not say). */
  readonly secureContext: boolean;
  readonly peerConnection: boolean;
  readonly getUserMedia: boolean;
  readonly enumerateDevices: boolean;
  /** `navigator.permissions.query` exists (it may still not know `camera`/`microphone`). */
  readonly permissionsApi: boolean;
}

/** One needed device kind as the browser shows it, without asking the user. */
export interface MediaReading {
  /** `unknown`: the browser cannot tell without a prompt (see `permissionSource`). */
  readonly permission: 'granted' | 'denied' | 'prompt' | 'unknown';
  /**
   * Where `permission` came from: the Permissions API; else device labels (browsers show labels
   * only once the page may use the device, so a label means granted); `none`: neither could tell.
   */
  readonly permissionSource: 'permissions-api' | 'device-labels' | 'none';
  /** From `enumerateDevices()`; `unknown` when it is missing, failed or did not answer in time. */
  readonly device: 'present' | 'absent' | 'unknown';
}

/** The readings of the kinds the mode needs (a voice call never looks at the camera). */
export type MediaReadings = { readonly [K in MediaKind]?: MediaReading };

/** Why a call of this mode cannot work in this browser as it stands. */
export type ReadinessBlock =
  /** Served over plain http (not localhost): browsers hide `mediaDevices` there. */
  | { readonly reason: 'insecure-context' }
  | { readonly reason: 'no-webrtc'; readonly missing: readonly WebRtcApi[] }
  /** No device of these kinds is connected. */
  | { readonly reason: 'no-device'; readonly kinds: readonly MediaKind[] }
  /** The user (or a policy) denied these kinds for this site; only the user can undo it. */
  | { readonly reason: 'permission-denied'; readonly kinds: readonly MediaKind[] };

export interface ReadinessBase {
  readonly mode: CallMode;
  readonly support: WebRtcSupport;
  readonly media: MediaReadings;
}

/**
 * The verdict for one mode, worst first: `blocked` (with a `reason`), `unknown` (the browser cannot
 * tell without a prompt: it may ask, or refuse), `prompt` (it will ask when the call starts), `ready`.
 */
export type CallReadiness =
  | (ReadinessBase & { readonly status: 'ready' })
  | (ReadinessBase & { readonly status: 'prompt'; readonly kinds: readonly MediaKind[] })
  | (ReadinessBase & { readonly status: 'unknown'; readonly kinds: readonly MediaKind[] })
  | (ReadinessBase & { readonly status: 'blocked' } & ReadinessBlock);

export type CallReadinessStatus = CallReadiness['status'];
