/**
 * The emulator's media options: the ICE servers (STUN/TURN, as a brand's relay would be) and the
 * timings both call sides use. They reach the pages in the call hub's `hello`.
 */
import { decodeIceServers, type IceServerConfig, type MediaConfig } from './hub-protocol';

/** ICE servers and timings of the real calls between the stand-in call app and the agent console (`EmulatorOptions.media`). */
export interface MediaOptions {
  /** STUN/TURN servers of both sides (default none: host candidates, enough on one machine). */
  iceServers?: readonly IceServerConfig[];
  /** `'relay'`: TURN only, as a brand forcing its relay would (default `'all'`). */
  iceTransportPolicy?: 'all' | 'relay';
  /** A side not connected this long after the offer reports `UNABLE_TO_CONNECT` (default 15_000). */
  connectTimeoutMs?: number;
  /** The consumer's call app reports `AGENT_DISCONNECTED` when the agent's side stays away this long (default 5_000). */
  agentGoneMs?: number;
}

const positive = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`media.${name} must be a positive number of milliseconds`);
  return value;
};

/** Fills in defaults; throws a RangeError for impossible values. */
export function resolveMediaOptions(options: MediaOptions = {}): MediaConfig {
  const iceServers = decodeIceServers(options.iceServers ?? []);
  if (iceServers === undefined) throw new RangeError('media.iceServers must be a list of { urls, username?, credential? }');
  const policy = options.iceTransportPolicy ?? 'all';
  if (policy !== 'all' && policy !== 'relay') throw new RangeError("media.iceTransportPolicy must be 'all' or 'relay'");
  return {
    iceServers,
    iceTransportPolicy: policy,
    connectTimeoutMs: positive('connectTimeoutMs', options.connectTimeoutMs, 15_000),
    agentGoneMs: positive('agentGoneMs', options.agentGoneMs, 5_000),
  };
}
