/**
 * The agent's side of the media, in the console: when a visitor joins a call (after accepting it in
 * the page), the console joins too, takes the camera and microphone (or a drawn stand-in when none
 * can be had) and offers a WebRTC connection; it shows the call screen with the visitor's video, and
 * its Hang up button ends the call through the emulator's control. One call at a time.
 */
import type { HubMessage, MediaConfig, MediaMode } from '../../hub-protocol';
import { createCallScreen, type CallScreen } from '../call-screen';
import type { HubClient } from '../hub-client';
import type { LocalMedia, MediaEngine, MediaLink } from '../media-engine';
import type { StandInTimers } from '../types';

export interface AgentCallDeps {
  readonly document: Document;
  /** Where the call screen goes. */
  readonly slot: HTMLElement;
  /** One line about the agent's call, outside the screen (it stays after the call ended). */
  readonly note: HTMLElement;
  readonly hub: HubClient;
  readonly engine: MediaEngine;
  readonly timers: StandInTimers;
  /** Ends the call through the control API (hang up). */
  hangup(serviceId: string): void;
}

interface AgentCall {
  readonly serviceId: string;
  readonly mode: MediaMode;
  readonly screen: CallScreen;
  media: Promise<LocalMedia | undefined> | undefined;
  link: { readonly id: string; readonly link: MediaLink } | undefined;
  readonly sending: { audio: boolean; video: boolean };
}

const ENDINGS: Readonly<Record<string, string>> = {
  hangup: 'you hung up',
  consumer: 'the visitor hung up',
  failed: 'the visitor’s call app failed',
  cancel: 'the invitation was cancelled',
  expire: 'the invitation expired',
  decline: 'the visitor declined',
  'conversation-closed': 'the conversation closed',
};

/** The agent's side of the call, running: `idle` says something about the calls it is not in. */
export interface AgentCallPanel {
  /**
   * While the console is in no call: a call that failed before it joined (its text), or nothing to
   * say (undefined: a failure shown before gives way to the panel's first note).
   */
  idle(failure: { readonly key: string; readonly text: string } | undefined): void;
  stop(): void;
}

export function startAgentCall(deps: AgentCallDeps): AgentCallPanel {
  const { hub, engine, timers } = deps;
  let current: AgentCall | undefined;
  let config: MediaConfig | undefined;
  const firstNote = deps.note.textContent ?? '';
  /** The failure the note shows, if it shows one. */
  let shownFailure: string | undefined;

  const note = (text: string, status?: string): void => {
    deps.note.textContent = text;
    if (status === undefined) delete deps.note.dataset['status'];
    else deps.note.dataset['status'] = status;
    shownFailure = undefined;
  };
  const dropLink = (call: AgentCall): void => {
    call.link?.link.close();
    call.link = undefined;
  };
  const end = (text: string): void => {
    const call = current;
    current = undefined;
    if (call === undefined) return;
    dropLink(call);
    void call.media?.then((media) => media?.stop());
    call.screen.dispose();
    note(text);
  };
  const join = (serviceId: string): void => void hub.request('join', { serviceId });

  const begin = (serviceId: string, mode: MediaMode): AgentCall => {
    const sending = { audio: true, video: true };
    const screen = createCallScreen(deps.document, {
      mode,
      title: `${mode === 'VIDEO_CALL' ? 'Video' : 'Voice'} call with the visitor`,
      testIdPrefix: 'agent',
      remoteName: 'The visitor',
      timers,
      onHangup: () => deps.hangup(serviceId),
      onToggle: (kind, on) => {
        sending[kind] = on;
        void current?.media?.then((media) => media?.setEnabled(kind, on));
        const link = current?.link;
        if (link !== undefined) void hub.request('signal', { serviceId, linkId: link.id, signal: { kind: 'media', ...sending } });
      },
    });
    screen.mount(deps.slot);
    screen.status('The visitor accepted: joining…', 'joining');
    note('');
    return { serviceId, mode, screen, media: undefined, link: undefined, sending };
  };

  const connect = async (call: AgentCall, linkId: string): Promise<void> => {
    call.media ??= engine.capture(call.mode, { synthetic: true }).then(
      (outcome) => {
        if (!outcome.ok) return undefined;
        call.screen.showLocal(outcome.media);
        return outcome.media;
      },
      () => undefined,
    );
    const media = await call.media;
    if (current !== call || media === undefined || config === undefined) return;
    dropLink(call);
    const link = engine.connect({
      role: 'agent',
      config,
      local: media,
      send: (signal) => void hub.request('signal', { serviceId: call.serviceId, linkId, signal }),
      onRemote: (remote) => call.screen.showRemote(remote),
      onState: (state) => {
        if (current !== call || call.link?.id !== linkId) return;
        if (state === 'connected') {
          call.screen.status('Connected', 'connected');
          call.screen.startTimer(timers.now());
        } else if (state === 'disconnected') call.screen.status('Connection interrupted…', 'interrupted');
        else if (state === 'failed' || state === 'timeout') call.screen.status('Could not connect to the visitor (ICE failed or timed out)', 'failed');
      },
    });
    call.link = { id: linkId, link };
    call.screen.status('Connecting…', 'connecting');
    link.start();
  };

  const onMessage = (message: HubMessage): void => {
    switch (message.type) {
      case 'hello':
        config = message.media;
        if (current !== undefined) join(current.serviceId);
        return;
      case 'consumer-joined':
        if (current !== undefined && current.serviceId !== message.serviceId) return; // busy with another call
        current ??= begin(message.serviceId, message.mode);
        return join(message.serviceId);
      case 'ended':
        if (current?.serviceId === message.serviceId) end(`Call ended: ${ENDINGS[message.how] ?? message.how}.`);
        return;
      case 'session-error':
        return;
    }
    const call = current;
    if (call === undefined || message.serviceId !== call.serviceId) return;
    if (message.type === 'ready') void connect(call, message.linkId);
    else if (message.type === 'peer-left' && message.role === 'consumer') {
      dropLink(call);
      call.screen.status('The visitor’s page went away (a reload?): waiting for it to come back…', 'visitor-away');
    } else if (message.type === 'signal' && call.link?.id === message.linkId) {
      if (message.signal.kind === 'media') call.screen.remoteMedia(message.signal.audio, message.signal.video);
      else call.link.link.receive(message.signal);
    }
  };
  const unsubscribe = hub.onMessage(onMessage);
  return {
    idle(failure) {
      if (current !== undefined || failure?.key === shownFailure) return;
      // Nothing to say: a failure shown gives way; anything else (how the last call ended) stays.
      if (failure === undefined) return shownFailure === undefined ? undefined : note(firstNote);
      note(failure.text, 'failed');
      shownFailure = failure.key;
    },
    stop() {
      unsubscribe();
      end('');
    },
  };
}
