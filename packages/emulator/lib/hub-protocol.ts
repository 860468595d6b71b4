/**
 * The wire of the emulator's call hub: what the stand-in call app (the consumer's page) and the agent
 * console exchange through the emulator to set up a real WebRTC call. Server → page messages go over
 * Server-Sent Events (`GET /emulator/call/events`), page → server requests are JSON POSTs. Shared by
 * the Node side and the browser code (no Node or DOM dependency), so both decode the same shapes.
 * This is the emulator's own signalling, standing in for LivePerson's call service: the library never sees it.
 */
import { isRecord } from './narrow';

/** The documented `cobrowse/sessionError` ids. */
export type SessionErrorId = 'UNABLE_TO_CONNECT' | 'BROWSER_NOT_SUPPORTED' | 'NO_CAMERA_ACCESS' | 'AGENT_DISCONNECTED';

/** Default (English) `msg` per id. */
export const SESSION_ERROR_MESSAGES: Readonly<Record<SessionErrorId, string>> = {
  UNABLE_TO_CONNECT: 'The call could not be connected.',
  BROWSER_NOT_SUPPORTED: 'Your browser does not support voice and video calls.',
  NO_CAMERA_ACCESS: 'The camera could not be accessed.',
  AGENT_DISCONNECTED: 'The agent got disconnected.',
};

/** Narrows to a documented sessionError id. */
export const isSessionErrorId = (value: unknown): value is SessionErrorId =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(SESSION_ERROR_MESSAGES, value);

/** The two sides of a call. */
export type PeerRole = 'consumer' | 'agent';
export const isPeerRole = (value: unknown): value is PeerRole => value === 'consumer' || value === 'agent';

/** Call modes with media (co-browse modes have none). */
export type MediaMode = 'VIDEO_CALL' | 'VOICE_CALL';
export const isMediaMode = (value: unknown): value is MediaMode => value === 'VIDEO_CALL' || value === 'VOICE_CALL';

/** One STUN/TURN server, as `RTCIceServer`. */
export interface IceServerConfig {
  /** e.g. `stun:stun.example.com:3478`, `turn:turn.example.com:3478?transport=udp`. */
  readonly urls: string | readonly string[];
  /** TURN only. */
  readonly username?: string;
  /** TURN only. */
  readonly credential?: string;
}

/** How both call sides set up their peer connection (from the emulator's `media` options). */
export interface MediaConfig {
  readonly iceServers: readonly IceServerConfig[];
  readonly iceTransportPolicy: 'all' | 'relay';
  /** A side that has not connected this long after the offer reports UNABLE_TO_CONNECT. */
  readonly connectTimeoutMs: number;
  /** The consumer's call app reports AGENT_DISCONNECTED when the agent stays away this long. */
  readonly agentGoneMs: number;
}

/** What one side relays to the other (opaque to the hub, but checked). */
export type CallSignal =
  | { readonly kind: 'offer' | 'answer'; readonly sdp: string }
  | { readonly kind: 'candidate'; readonly candidate: string; readonly sdpMid: string | null; readonly sdpMLineIndex: number | null }
  /** The sender's microphone / camera are on (mute and camera-off buttons). */
  | { readonly kind: 'media'; readonly audio: boolean; readonly video: boolean };

/** Server → page. */
export type HubMessage =
  /** First message of every event stream: this page's peer id and the media settings. */
  | { readonly type: 'hello'; readonly peerId: string; readonly role: PeerRole; readonly media: MediaConfig }
  /** (agents) A consumer joined call `serviceId`: join it to connect the agent's media. */
  | { readonly type: 'consumer-joined'; readonly serviceId: string; readonly mode: MediaMode }
  /** (agents) Both sides are in: make an offer on link `linkId`. */
  | { readonly type: 'ready'; readonly serviceId: string; readonly mode: MediaMode; readonly linkId: string }
  | { readonly type: 'signal'; readonly serviceId: string; readonly linkId: string; readonly signal: CallSignal }
  | { readonly type: 'peer-joined'; readonly serviceId: string; readonly role: PeerRole }
  /** The other side's page went away (closed, reloading, network). */
  | { readonly type: 'peer-left'; readonly serviceId: string; readonly role: PeerRole }
  /** The call dialog closed (hang-up from either side, cancel, expiry, failure, conversation closed). */
  | { readonly type: 'ended'; readonly serviceId: string; readonly how: string }
  /** (consumers) Fire `cobrowse/sessionError` (sent on demand by the agent console, HTTP or code). */
  | { readonly type: 'session-error'; readonly id: SessionErrorId; readonly msg: string };

const MAX_SDP = 64 * 1024;
const MAX_TEXT = 4096;

const text = (value: unknown, max = MAX_TEXT): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);
const nullableText = (value: unknown): string | null | undefined => (value === null ? null : typeof value === 'string' && value.length <= MAX_TEXT ? value : undefined);
const nullableIndex = (value: unknown): number | null | undefined =>
  value === null ? null : typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;

/** A signal from an untrusted page, or undefined. */
export function decodeSignal(value: unknown): CallSignal | undefined {
  if (!isRecord(value)) return undefined;
  const { kind } = value;
  if (kind === 'offer' || kind === 'answer') {
    const sdp = text(value['sdp'], MAX_SDP);
    return sdp === undefined ? undefined : { kind, sdp };
  }
  if (kind === 'candidate') {
    const candidate = typeof value['candidate'] === 'string' && value['candidate'].length <= MAX_TEXT ? value['candidate'] : undefined;
    const sdpMid = nullableText(value['sdpMid'] ?? null);
    const sdpMLineIndex = nullableIndex(value['sdpMLineIndex'] ?? null);
    return candidate === undefined || sdpMid === undefined || sdpMLineIndex === undefined ? undefined : { kind, candidate, sdpMid, sdpMLineIndex };
  }
  if (kind === 'media' && typeof value['audio'] === 'boolean' && typeof value['video'] === 'boolean') return { kind, audio: value['audio'], video: value['video'] };
  return undefined;
}

const isList = (value: unknown): value is readonly unknown[] => Array.isArray(value);
const isStringList = (value: unknown): value is readonly string[] => isList(value) && value.every((item) => typeof item === 'string');

/** `iceServers` as `RTCIceServer`s: `urls` a string or a list of strings, optional `username` and `credential`. */
export function decodeIceServers(value: unknown): IceServerConfig[] | undefined {
  if (!isList(value)) return undefined;
  const servers: IceServerConfig[] = [];
  for (const item of value) {
    if (!isRecord(item)) return undefined;
    const urls = item['urls'];
    const list = typeof urls === 'string' || isStringList(urls) ? urls : undefined;
    if (list === undefined) return undefined;
    const username = text(item['username']);
    const credential = text(item['credential']);
    servers.push({ urls: list, ...(username === undefined ? {} : { username }), ...(credential === undefined ? {} : { credential }) });
  }
  return servers;
}

function decodeMediaConfig(value: unknown): MediaConfig | undefined {
  if (!isRecord(value)) return undefined;
  const iceServers = decodeIceServers(value['iceServers']);
  const policy = value['iceTransportPolicy'];
  const { connectTimeoutMs, agentGoneMs } = value;
  if (iceServers === undefined || (policy !== 'all' && policy !== 'relay')) return undefined;
  if (typeof connectTimeoutMs !== 'number' || typeof agentGoneMs !== 'number') return undefined;
  return { iceServers, iceTransportPolicy: policy, connectTimeoutMs, agentGoneMs };
}

/** A hub message from the event stream, or undefined (unknown or malformed). */
export function decodeHubMessage(value: unknown): HubMessage | undefined {
  if (!isRecord(value)) return undefined;
  const serviceId = text(value['serviceId']);
  switch (value['type']) {
    case 'hello': {
      const peerId = text(value['peerId']);
      const media = decodeMediaConfig(value['media']);
      return peerId !== undefined && media !== undefined && isPeerRole(value['role']) ? { type: 'hello', peerId, role: value['role'], media } : undefined;
    }
    case 'consumer-joined':
      return serviceId !== undefined && isMediaMode(value['mode']) ? { type: 'consumer-joined', serviceId, mode: value['mode'] } : undefined;
    case 'ready': {
      const linkId = text(value['linkId']);
      return serviceId !== undefined && linkId !== undefined && isMediaMode(value['mode']) ? { type: 'ready', serviceId, mode: value['mode'], linkId } : undefined;
    }
    case 'signal': {
      const linkId = text(value['linkId']);
      const signal = decodeSignal(value['signal']);
      return serviceId !== undefined && linkId !== undefined && signal !== undefined ? { type: 'signal', serviceId, linkId, signal } : undefined;
    }
    case 'peer-joined':
    case 'peer-left':
      return serviceId !== undefined && isPeerRole(value['role']) ? { type: value['type'], serviceId, role: value['role'] } : undefined;
    case 'ended': {
      const how = text(value['how']) ?? 'ended';
      return serviceId !== undefined ? { type: 'ended', serviceId, how } : undefined;
    }
    case 'session-error': {
      const { id } = value;
      if (!isSessionErrorId(id)) return undefined;
      return { type: 'session-error', id, msg: text(value['msg']) ?? SESSION_ERROR_MESSAGES[id] };
    }
    default:
      return undefined;
  }
}
