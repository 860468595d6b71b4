/**
 * The stand-in LivePerson call app, as the real one behaves toward the site: it listens on
 * `lpCoBrowse`, and on `cobrowseAccepted` it accepts and joins the call at the emulator (which sends
 * the ACCEPTED updates, `accepted` then `joined`), takes the camera and microphone, connects a real
 * WebRTC call with the agent console and renders it into `.lp_cobrowse_callscreen_container`. Its
 * failures come out as `cobrowse/sessionError` with the documented ids; it keeps the call in
 * sessionStorage and fires `cobrowse/sessionResume` after a reload, then resumes on `sliderOpened`.
 */
import { isMediaMode, SESSION_ERROR_MESSAGES, type HubMessage, type MediaConfig, type SessionErrorId } from '../hub-protocol';
import { clearActiveCall, readActiveCall, writeActiveCall, type StandInStorage } from './call-store';
import { CONTAINER_SELECTOR, createCallScreen, type CallScreen } from './call-screen';
import type { HubClient } from './hub-client';
import type { LinkState, LocalMedia, MediaEngine, MediaLink } from './media-engine';
import { decodeOffer, payloadServiceId } from './offer';
import type { ActiveCall, CallMode, CallOffer, StandInBus, StandInLog, StandInTimers } from './types';

/** What the call app needs from the page. */
export interface CallAppDeps {
  readonly bus: StandInBus;
  readonly document: Document;
  readonly storage: StandInStorage;
  readonly timers: StandInTimers;
  readonly log: StandInLog;
  /** getUserMedia and RTCPeerConnection (the browser's, or a fake). */
  readonly engine: MediaEngine;
  /** The emulator's call hub; none: a call gets its media but never connects. */
  readonly hub?: HubClient | undefined;
  /** Tells LivePerson's side that the consumer declined (the stand-in POSTs `/emulator/agent/decline`). */
  readonly onDeclined?: ((serviceId: string | undefined) => void) | undefined;
  /** Delay between start-up with a stored call and `sessionResume` (default 200 ms). */
  readonly resumeDelayMs?: number;
}

/** Control over a running stand-in call app. */
export interface StandInCallApp {
  /** The call the app considers running, if any. */
  readonly activeCall: () => ActiveCall | undefined;
  /** The last valid offer not yet accepted or declined, if any. */
  readonly pendingOffer: () => CallOffer | undefined;
  /** Ends the call here (media, screen, stored call); the emulator is not told. */
  readonly endCall: () => void;
  /** Fires `cobrowse/sessionError {msg, id}`; a call in progress fails with it (and the emulator is told). */
  readonly fireSessionError: (id: SessionErrorId, msg: string) => void;
  /** Unbinds every listener, stops every timer and the media (the stored call stays). */
  readonly dispose: () => void;
}

/** Used until the hub's `hello` says otherwise. */
const DEFAULT_MEDIA: MediaConfig = { iceServers: [], iceTransportPolicy: 'all', connectTimeoutMs: 15_000, agentGoneMs: 5_000 };
const TITLES: Record<CallMode, string> = { VIDEO_CALL: 'Video call', VOICE_CALL: 'Voice call', shared: 'Co-browse', view: 'Co-browse', follow: 'Co-browse' };
const APP = 'lpCoBrowse';
const errorLine = (event: string, bindId: unknown, detail: string): string => `Events : Error executing ${event} eventId: ${String(bindId)}=${detail} LEVEL: ERROR`;

/** The part of the active call that lives in this page. */
interface Running {
  readonly call: ActiveCall;
  screen: CallScreen | undefined;
  media: LocalMedia | undefined;
  link: { readonly id: string; readonly link: MediaLink } | undefined;
  connected: boolean;
  agentGone: unknown;
  /** Microphone / camera on (the mute and camera-off buttons). */
  readonly sending: { audio: boolean; video: boolean };
}

/** Starts the stand-in call app on `deps.bus` (binds at once; a stored call resumes after `sessionResume` and `sliderOpened`). */
export function startCallApp(deps: CallAppDeps): StandInCallApp {
  const { bus, document, storage, timers, log, engine, hub } = deps;
  let offer: CallOffer | undefined;
  let active: ActiveCall | undefined = readActiveCall(storage);
  let running: Running | undefined;
  let media = DEFAULT_MEDIA;
  const bindIds: unknown[] = [];
  let resumeTimer: unknown;

  const remember = (call: ActiveCall): void => {
    active = call;
    writeActiveCall(storage, call);
  };

  const clearAgentGone = (r: Running): void => {
    if (r.agentGone !== undefined) timers.clearTimeout(r.agentGone);
    r.agentGone = undefined;
  };

  const dropLink = (r: Running): void => {
    r.link?.link.close();
    r.link = undefined;
  };

  const stop = (): void => {
    const r = running;
    running = undefined;
    if (r === undefined) return;
    clearAgentGone(r);
    dropLink(r);
    r.media?.stop();
    r.screen?.dispose();
  };

  const endCall = (): void => {
    stop();
    active = undefined;
    offer = undefined;
    clearActiveCall(storage);
  };

  const leave = (serviceId: string, reason: 'hangup' | SessionErrorId): void => {
    void hub?.request('leave', { serviceId, reason });
  };

  /** A failure of the call in progress: sessionError, the emulator is told, the call ends here. */
  const fail = (id: SessionErrorId, msg: string = SESSION_ERROR_MESSAGES[id]): void => {
    const serviceId = running?.call.serviceId ?? active?.serviceId;
    bus.fire('cobrowse', 'sessionError', { msg, id });
    if (serviceId !== undefined) leave(serviceId, id);
    endCall();
  };

  const status = (text: string, state: string): void => running?.screen?.status(text, state);

  const mount = (event: string, bindId: unknown): void => {
    const r = running;
    if (r === undefined) return;
    const container = document.querySelector(CONTAINER_SELECTOR);
    if (container === null) return log(errorLine(event, bindId, `no ${CONTAINER_SELECTOR} in the page`));
    if (r.screen === undefined) {
      r.screen = createCallScreen(document, {
        mode: r.call.mode,
        title: `${TITLES[r.call.mode]} with agent ${r.call.agentId}`,
        testIdPrefix: 'lp-standin',
        remoteName: 'The agent',
        timers,
        onHangup: () => {
          leave(r.call.serviceId, 'hangup');
          endCall();
        },
        onToggle: (kind, on) => {
          r.media?.setEnabled(kind, on);
          r.sending[kind] = on;
          if (r.link !== undefined) void hub?.request('signal', { serviceId: r.call.serviceId, linkId: r.link.id, signal: { kind: 'media', ...r.sending } });
        },
      });
      r.screen.status('Starting…', 'starting');
      if (r.media !== undefined) r.screen.showLocal(r.media);
      if (r.call.startedAt !== undefined && r.connected) r.screen.startTimer(r.call.startedAt);
    }
    r.screen.mount(container);
  };

  const join = async (): Promise<void> => {
    const r = running;
    if (hub === undefined || r?.media === undefined || hub.peerId() === undefined) return;
    const answer = await hub.request('join', { serviceId: r.call.serviceId });
    if (running !== r || answer.ok) return;
    if (answer.code === 'call-closed' || answer.code === 'unknown-call') endCall();
    else log(`lp-call-streams stand-in: could not join the call: ${answer.error || `HTTP ${answer.status}`}`);
  };

  /** Takes the camera/microphone and joins (`accept`: tell the emulator the consumer accepted first). */
  const start = async (call: ActiveCall, accept: boolean, event: string, bindId: unknown): Promise<void> => {
    stop();
    const r: Running = { call, screen: undefined, media: undefined, link: undefined, connected: false, agentGone: undefined, sending: { audio: true, video: true } };
    running = r;
    if (accept) {
      void hub?.request('accept', { serviceId: call.serviceId }).then((answer) => {
        if (!answer.ok && running === r && (answer.code === 'call-closed' || answer.code === 'unknown-call')) endCall();
      });
    }
    if (!isMediaMode(call.mode)) {
      mount(event, bindId);
      return status('Co-browse is not emulated: no media', 'cobrowse');
    }
    if (!engine.supported()) return fail('BROWSER_NOT_SUPPORTED');
    // The site's loading indicator stays until the call UI can show something: the camera preview.
    const captured = await engine.capture(call.mode);
    if (running !== r) return captured.ok ? captured.media.stop() : undefined;
    if (!captured.ok) return fail('NO_CAMERA_ACCESS', `${SESSION_ERROR_MESSAGES.NO_CAMERA_ACCESS} (${captured.errorName})`);
    r.media = captured.media;
    mount(event, bindId);
    status('Waiting for the agent…', 'waiting');
    await join();
  };

  const onLinkState = (r: Running, state: LinkState): void => {
    if (running !== r) return;
    if (state === 'connected') {
      r.connected = true;
      clearAgentGone(r);
      const startedAt = active?.startedAt ?? timers.now();
      if (active?.startedAt === undefined) remember({ ...r.call, startedAt });
      r.screen?.startTimer(startedAt);
      status('Connected', 'connected');
    } else if (state === 'disconnected') status('Connection interrupted: reconnecting…', 'interrupted');
    else if (state === 'failed' || state === 'timeout') fail(r.connected ? 'AGENT_DISCONNECTED' : 'UNABLE_TO_CONNECT');
  };

  const onHub = (message: HubMessage): void => {
    switch (message.type) {
      case 'hello':
        // A new event stream (first, or after a drop): a new peer for the hub, so join again.
        media = message.media;
        if (running !== undefined) dropLink(running);
        return void join();
      case 'session-error':
        return fail(message.id, message.msg);
      case 'ended':
        if (message.serviceId === active?.serviceId) endCall();
        return;
      case 'consumer-joined':
      case 'ready':
        return; // for agents
    }
    const r = running;
    if (r === undefined || message.serviceId !== r.call.serviceId || ('role' in message && message.role !== 'agent')) return;
    switch (message.type) {
      case 'peer-joined':
        clearAgentGone(r);
        return status('The agent is joining…', 'joining');
      case 'peer-left':
        dropLink(r);
        status("The agent's side dropped: waiting for the agent…", 'agent-away');
        clearAgentGone(r);
        r.agentGone = timers.setTimeout(() => running === r && fail('AGENT_DISCONNECTED'), media.agentGoneMs);
        return;
      case 'signal':
        return onSignal(r, message);
    }
  };

  const onSignal = (r: Running, message: Extract<HubMessage, { type: 'signal' }>): void => {
    const { signal, linkId } = message;
    if (signal.kind === 'media') return r.screen?.remoteMedia(signal.audio, signal.video);
    if (signal.kind === 'offer' && r.link?.id !== linkId && r.media !== undefined) {
      dropLink(r);
      const link = engine.connect({
        role: 'consumer',
        config: media,
        local: r.media,
        send: (out) => void hub?.request('signal', { serviceId: r.call.serviceId, linkId, signal: out }),
        onRemote: (remote) => r.screen?.showRemote(remote),
        onState: (state) => onLinkState(r, state),
      });
      r.link = { id: linkId, link };
      status('Connecting…', 'connecting');
    }
    if (r.link?.id === linkId) r.link.link.receive(signal);
  };
  const unsubscribeHub = hub?.onMessage(onHub);

  const on = (event: string, handler: (data: unknown, bindId: unknown) => void): void => {
    const bindId: unknown = bus.bind(APP, event, (data) => handler(data, bindId));
    bindIds.push(bindId);
  };

  on('cobrowseOffered', (data, bindId) => {
    const decoded = decodeOffer(data);
    if (!decoded.ok) return log(errorLine('cobrowseOffered', bindId, `${decoded.field} is undefined`));
    offer = decoded.offer;
  });

  on('cobrowseAccepted', (data, bindId) => {
    const decoded = decodeOffer(data, offer);
    if (!decoded.ok) return log(errorLine('cobrowseAccepted', bindId, `${decoded.field} is undefined`));
    const { serviceId, mode, agentId } = decoded.offer;
    offer = undefined;
    if (running?.call.serviceId === serviceId) return;
    const call: ActiveCall = { serviceId, mode, agentId, startedAt: undefined };
    remember(call);
    void start(call, true, 'cobrowseAccepted', bindId);
  });

  on('cobrowseDeclined', (data) => {
    const serviceId = payloadServiceId(data);
    if (offer !== undefined && (serviceId === undefined || serviceId === offer.serviceId)) {
      offer = undefined;
      deps.onDeclined?.(serviceId);
    }
  });

  on('sliderOpened', (_data, bindId) => {
    if (active === undefined) return log(errorLine('sliderOpened', bindId, 'no active call'));
    if (running?.call.serviceId === active.serviceId) return mount('sliderOpened', bindId);
    void start(active, false, 'sliderOpened', bindId);
  });

  if (active !== undefined) {
    // The payload of sessionResume is undocumented; the real app's is unknown, so none is sent.
    resumeTimer = timers.setTimeout(() => bus.fire('cobrowse', 'sessionResume'), deps.resumeDelayMs ?? 200);
  }

  return {
    activeCall: () => active,
    pendingOffer: () => offer,
    endCall,
    fireSessionError: (id, msg) => fail(id, msg),
    dispose: () => {
      if (resumeTimer !== undefined) timers.clearTimeout(resumeTimer);
      unsubscribeHub?.();
      stop();
      for (const id of bindIds.splice(0)) bus.unbind(id);
    },
  };
}
