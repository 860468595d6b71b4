/**
 * The browser globals readiness reads, as small structural interfaces (fakes in tests, the real
 * `navigator` / `RTCPeerConnection` / `isSecureContext` by default, read lazily on subscribe).
 */

/** The part of an `EventTarget` we listen on. */
export interface EventTargetLike<E = unknown> {
  addEventListener?(type: string, listener: (event: E) => void): void;
  removeEventListener?(type: string, listener: (event: E) => void): void;
}

/** `MediaDeviceInfo`, as far as we read it. */
export interface MediaDeviceInfoLike {
  readonly kind: string;
  readonly label: string;
}

/** A captured stream: we only stop its tracks. */
export interface MediaStreamLike {
  getTracks(): readonly { stop(): void }[];
}

/** `navigator.mediaDevices`. */
export interface MediaDevicesLike extends EventTargetLike {
  enumerateDevices?(): PromiseLike<readonly MediaDeviceInfoLike[]>;
  getUserMedia?(constraints: { readonly audio: boolean; readonly video: boolean }): PromiseLike<MediaStreamLike>;
}

/** A `PermissionStatus`: its `state` changes in place and fires `change`. */
export interface PermissionStatusLike extends EventTargetLike {
  readonly state: string;
}

/** `navigator.permissions`. */
export interface PermissionsLike {
  query?(descriptor: { readonly name: string }): PromiseLike<PermissionStatusLike>;
}

/** An `RTCIceCandidate`, as far as we read it. */
export interface IceCandidateLike {
  /** The SDP `candidate:` line (`… typ relay …`). */
  readonly candidate: string;
  /** `host` / `srflx` / `prflx` / `relay` where the browser fills it in. */
  readonly type?: string | null;
}

/** An `RTCPeerConnection`, as far as the relay check drives it. */
export interface PeerConnectionLike extends EventTargetLike<{ readonly candidate?: IceCandidateLike | null }> {
  createDataChannel(label: string): unknown;
  createOffer(): PromiseLike<RTCSessionDescriptionInit>;
  setLocalDescription(description: RTCSessionDescriptionInit): PromiseLike<void>;
  readonly iceGatheringState?: string;
  close(): void;
}

export type PeerConnectionConstructor = new (configuration: RTCConfiguration) => PeerConnectionLike;

/** Everything readiness reads from the page. */
export interface MediaEnvironment {
  readonly navigator?: { readonly mediaDevices?: MediaDevicesLike; readonly permissions?: PermissionsLike };
  readonly RTCPeerConnection?: PeerConnectionConstructor;
  /** `window.isSecureContext`; `undefined` counts as secure. */
  readonly isSecureContext?: boolean;
}

/** The page's own globals, read when called (each subscription calls it once). */
export function browserEnvironment(): MediaEnvironment {
  const scope: Partial<typeof globalThis> = globalThis;
  return {
    navigator: typeof scope.navigator === 'object' ? scope.navigator : undefined,
    RTCPeerConnection: typeof scope.RTCPeerConnection === 'function' ? scope.RTCPeerConnection : undefined,
    isSecureContext: typeof scope.isSecureContext === 'boolean' ? scope.isSecureContext : undefined,
  };
}
