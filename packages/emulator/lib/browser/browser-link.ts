/**
 * One `RTCPeerConnection` between the two pages of a call, for the real media engine. The agent
 * offers, the consumer answers; ICE candidates trickle both ways (those that arrive before the remote
 * description wait for it). Every operation on the connection runs after the previous one. It reports
 * `timeout` when not connected `connectTimeoutMs` after it started.
 */
import type { CallSignal } from '../hub-protocol';
import { shownStream, streamOf } from './browser-capture';
import type { BrowserWindow, LinkOptions, LinkState, MediaLink } from './media-engine';
import type { StandInTimers } from './types';

export function openLink(win: BrowserWindow, timers: StandInTimers, options: LinkOptions): MediaLink {
  const { config } = options;
  const pc = new win.RTCPeerConnection({ iceServers: config.iceServers.map((s) => ({ ...s, urls: typeof s.urls === 'string' ? s.urls : [...s.urls] })), iceTransportPolicy: config.iceTransportPolicy });
  let closed = false;
  let connected = false;
  let chain: Promise<void> = Promise.resolve();
  const early: RTCIceCandidateInit[] = [];
  const run = (step: () => Promise<void>): void => {
    chain = chain.then(step).catch(() => {
      if (!closed) report('failed');
    });
  };
  const report = (state: LinkState): void => {
    if (!closed) options.onState(state);
  };
  const timeout = timers.setTimeout(() => {
    if (!connected) report('timeout');
  }, config.connectTimeoutMs);

  const local = streamOf(options.local);
  if (local !== undefined) for (const track of local.getTracks()) pc.addTrack(track, local);
  pc.addEventListener('icecandidate', (event) => {
    const { candidate } = event;
    if (candidate !== null && candidate.candidate !== '') {
      options.send({ kind: 'candidate', candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex });
    }
  });
  // One `track` event per track (audio, video) of the same stream: show the stream once.
  const shown = new Set<string>();
  pc.addEventListener('track', (event) => {
    const stream = event.streams[0] ?? new win.MediaStream([event.track]);
    if (shown.has(stream.id)) return;
    shown.add(stream.id);
    options.onRemote(shownStream(stream));
  });
  pc.addEventListener('connectionstatechange', () => {
    const state = pc.connectionState;
    if (state === 'connected') {
      connected = true;
      timers.clearTimeout(timeout);
      report('connected');
    } else if (state === 'disconnected' || state === 'failed') report(state);
  });

  const flushEarly = async (): Promise<void> => {
    for (const candidate of early.splice(0)) await pc.addIceCandidate(candidate);
  };
  const describe = async (signal: CallSignal): Promise<void> => {
    if (signal.kind === 'offer') {
      await pc.setRemoteDescription({ type: 'offer', sdp: signal.sdp });
      await flushEarly();
      await pc.setLocalDescription(await pc.createAnswer());
      options.send({ kind: 'answer', sdp: pc.localDescription?.sdp ?? '' });
    } else if (signal.kind === 'answer') {
      await pc.setRemoteDescription({ type: 'answer', sdp: signal.sdp });
      await flushEarly();
    } else if (signal.kind === 'candidate') {
      const candidate = { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex };
      if (pc.remoteDescription === null) early.push(candidate);
      else await pc.addIceCandidate(candidate);
    }
  };

  return {
    start() {
      run(async () => {
        await pc.setLocalDescription(await pc.createOffer());
        options.send({ kind: 'offer', sdp: pc.localDescription?.sdp ?? '' });
      });
    },
    receive(signal) {
      run(() => describe(signal));
    },
    close() {
      closed = true;
      timers.clearTimeout(timeout);
      pc.close();
    },
  };
}
