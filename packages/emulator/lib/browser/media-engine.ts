/**
 * The seam between the call logic (the stand-in call app, the agent console) and WebRTC:
 * capturing the camera/microphone and one peer-connection link per pairing. `browser-media.ts`
 * implements it with `getUserMedia` and `RTCPeerConnection`; the specs pass a fake.
 */
import type { CallSignal, MediaConfig, MediaMode, PeerRole } from '../hub-protocol';

/** The page's window with its constructors (`RTCPeerConnection`, `MediaStream`, `AudioContext`). */
export type BrowserWindow = Window & typeof globalThis;

/** Media the page can show in a `<video>` or `<audio>`. */
export interface ShownMedia {
  /** Plays it in `element`: `'sound'`, `'muted'` (autoplay refused sound: muted instead) or `'blocked'`. */
  attach(element: HTMLMediaElement): Promise<'sound' | 'muted' | 'blocked'>;
  /** Which kinds of track it holds. */
  readonly kinds: readonly ('audio' | 'video')[];
}

/** The page's own camera/microphone. */
export interface LocalMedia extends ShownMedia {
  /** Mute / camera off (the track keeps running, it sends silence / black). */
  setEnabled(kind: 'audio' | 'video', on: boolean): void;
  /** Stops every track (the camera light goes off). */
  stop(): void;
  /** True when this is made-up media (a drawn picture, silence): the agent console's stand-in when no camera can be had. */
  readonly synthetic: boolean;
}

export type CaptureOutcome =
  | { readonly ok: true; readonly media: LocalMedia }
  /** `errorName` as the browser gave it, e.g. `NotAllowedError`, `NotFoundError`. */
  | { readonly ok: false; readonly errorName: string; readonly message: string };

/** `connected` once media flows; `disconnected` may recover; `failed` (ICE failed) and `timeout` (not connected in time) do not. */
export type LinkState = 'connecting' | 'connected' | 'disconnected' | 'failed' | 'timeout';

export interface LinkOptions {
  /** The agent makes the offer; the consumer answers. */
  readonly role: PeerRole;
  readonly config: MediaConfig;
  readonly local: LocalMedia;
  /** Sends a signal to the other side (through the hub). */
  send(signal: CallSignal): void;
  onRemote(media: ShownMedia): void;
  onState(state: LinkState): void;
}

/** One peer connection between the two pages. */
export interface MediaLink {
  /** Agent: creates and sends the offer. */
  start(): void;
  /** A signal from the other side (offer, answer, candidate). */
  receive(signal: CallSignal): void;
  close(): void;
}

export interface MediaEngine {
  /** `RTCPeerConnection` and `getUserMedia` are there. */
  supported(): boolean;
  /** Asks for the microphone (and the camera for a video call); `synthetic: true` falls back to made-up media instead of failing. */
  capture(mode: MediaMode, options?: { readonly synthetic?: boolean }): Promise<CaptureOutcome>;
  connect(options: LinkOptions): MediaLink;
}
