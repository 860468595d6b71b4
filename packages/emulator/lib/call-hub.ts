/**
 * The call hub: stands in for LivePerson's call service between the consumer's call app (the
 * stand-in in the site's page) and the agent (the console). It turns the call app's accept and join
 * into the ACCEPTED updates (`accepted`, then `joined`), pairs the two pages of a call, relays their
 * WebRTC offer/answer/ICE signals, tells each side when the other comes or goes, and ends both when
 * the call dialog closes, whatever closed it. Pages are "peers" holding an event stream (SSE).
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from './json';
import { sendAccepted, type CallScript } from './call-script';
import type { EmulatorCore } from './core';
import { SESSION_ERROR_MESSAGES, type CallSignal, type HubMessage, type MediaConfig, type MediaMode, type PeerRole, type SessionErrorId } from './hub-protocol';
import type { CallEnd, StoredConversation, StoredDialog } from './store';
import { EmulatorControlError } from './types';

/** Where a peer's messages go (its event stream). */
export interface PeerSink {
  send(message: HubMessage): void;
}

/** Why the consumer's call app left a call: its hang-up button, or a failure it reported as a sessionError. */
export type LeaveReason = 'hangup' | SessionErrorId;

interface Peer {
  readonly peerId: string;
  readonly role: PeerRole;
  readonly sink: PeerSink;
}

interface HubCall {
  consumer: Peer | undefined;
  agent: Peer | undefined;
  /** The current pairing; signals of an older one are dropped. */
  linkId: string | undefined;
  /** The consumer joined at least once (the `joined` update is sent once). */
  joinedOnce: boolean;
}

interface FoundCall {
  readonly conversation: StoredConversation;
  readonly dialog: StoredDialog;
  readonly mode: MediaMode;
}

export class CallHub {
  private readonly peers = new Map<string, Peer>();
  private readonly calls = new Map<string, HubCall>();

  constructor(
    private readonly core: EmulatorCore,
    private readonly media: MediaConfig,
    private readonly script: () => CallScript,
    private readonly newId: () => string = randomUUID,
  ) {
    core.callEndListeners.add((dialog, how) => this.callEnded(dialog, how));
  }

  /** A page opened its event stream: it gets `hello` (and an agent, the calls it can join). */
  connect(role: PeerRole, sink: PeerSink): string {
    const peer: Peer = { peerId: this.newId(), role, sink };
    this.peers.set(peer.peerId, peer);
    sink.send({ type: 'hello', peerId: peer.peerId, role, media: this.media });
    if (role === 'agent') {
      for (const [serviceId, call] of this.calls) {
        const found = call.consumer === undefined ? undefined : this.find(serviceId);
        if (found !== undefined) sink.send({ type: 'consumer-joined', serviceId, mode: found.mode });
      }
    }
    return peer.peerId;
  }

  /** A page's event stream closed (page closed or reloaded): the other side of its calls is told. */
  disconnect(peerId: string): void {
    const peer = this.peers.get(peerId);
    if (peer === undefined) return;
    this.peers.delete(peerId);
    for (const [serviceId, call] of this.calls) if (call[peer.role] === peer) this.dropMember(serviceId, call, peer.role);
  }

  /** The consumer's call app accepted (after `cobrowseAccepted`): the `accepted` update, as the script says. */
  accept(serviceId: string): { readonly serviceId: string; readonly mode: string } {
    const { conversation, dialog } = this.openCall(serviceId, false);
    if (dialog.cobrowse?.sessionState !== 'INVITED') throw new EmulatorControlError(409, 'the call was already accepted', 'call-accepted');
    sendAccepted(this.core, this.script(), conversation, dialog, 'accepted');
    return { serviceId, mode: dialog.cobrowse.mode };
  }

  /** A page joins the media of call `serviceId` as its role; when both sides are in, the agent is asked to offer. */
  join(peerId: string, serviceId: string): { readonly serviceId: string; readonly mode: MediaMode; readonly role: PeerRole } {
    const peer = this.peer(peerId);
    const found = this.openCall(serviceId, true);
    const call = this.entry(serviceId);
    call[peer.role] = peer;
    if (peer.role === 'consumer' && !call.joinedOnce) {
      call.joinedOnce = true;
      sendAccepted(this.core, this.script(), found.conversation, found.dialog, 'joined');
    }
    const other = peer.role === 'consumer' ? call.agent : call.consumer;
    other?.sink.send({ type: 'peer-joined', serviceId, role: peer.role });
    if (peer.role === 'consumer') for (const agent of this.peersOf('agent')) agent.sink.send({ type: 'consumer-joined', serviceId, mode: found.mode });
    if (call.consumer !== undefined && call.agent !== undefined) {
      call.linkId = this.newId();
      call.agent.sink.send({ type: 'ready', serviceId, mode: found.mode, linkId: call.linkId });
    }
    return { serviceId, mode: found.mode, role: peer.role };
  }

  /** Relays a signal to the other side of the current link; false when it is not there (or the link is old). */
  signal(peerId: string, serviceId: string, linkId: string, signal: CallSignal): boolean {
    const peer = this.peer(peerId);
    const call = this.calls.get(serviceId);
    if (call === undefined || call[peer.role] !== peer || call.linkId !== linkId) return false;
    const other = peer.role === 'consumer' ? call.agent : call.consumer;
    other?.sink.send({ type: 'signal', serviceId, linkId, signal });
    return other !== undefined;
  }

  /** A side leaves: the consumer's call app ends the call (hang-up or failure); the agent only drops its media. */
  leave(peerId: string, serviceId: string, reason: LeaveReason): void {
    const peer = this.peer(peerId);
    const call = this.calls.get(serviceId);
    if (peer.role === 'agent') {
      if (call !== undefined && call.agent === peer) this.dropMember(serviceId, call, 'agent');
      return;
    }
    const found = this.find(serviceId);
    if (found === undefined) throw new EmulatorControlError(404, `unknown call ${serviceId}`, 'unknown-call');
    if (reason === 'hangup') this.core.closeCall(found.conversation, found.dialog, 'consumer');
    else this.core.closeCall(found.conversation, found.dialog, 'failed', reason);
  }

  /** Makes the consumer pages (all, or the one in call `serviceId`) fire `cobrowse/sessionError`; returns how many got it. */
  sessionError(id: SessionErrorId, msg: string | undefined, serviceId?: string): number {
    const targets =
      serviceId === undefined ? this.peersOf('consumer') : [this.calls.get(serviceId)?.consumer].filter((p): p is Peer => p !== undefined);
    for (const peer of targets) peer.sink.send({ type: 'session-error', id, msg: msg ?? SESSION_ERROR_MESSAGES[id] });
    return targets.length;
  }

  /** Pages connected and calls with a media side, for `state().retained`. */
  size(): { readonly pages: number; readonly calls: number } {
    return { pages: this.peers.size, calls: this.calls.size };
  }

  /** The media side of each call, for `state()`. */
  describe(): { readonly peers: JsonObject; readonly calls: JsonObject[] } {
    const count = (role: PeerRole): number => this.peersOf(role).length;
    const calls = [...this.calls].map(([serviceId, call]): JsonObject => ({
      serviceId,
      consumer: call.consumer === undefined ? 'away' : 'joined',
      agent: call.agent === undefined ? 'away' : 'joined',
      linked: call.linkId !== undefined,
    }));
    return { peers: { consumer: count('consumer'), agent: count('agent') }, calls };
  }

  private peersOf(role: PeerRole): Peer[] {
    return [...this.peers.values()].filter((p) => p.role === role);
  }

  private peer(peerId: string): Peer {
    const peer = this.peers.get(peerId);
    if (peer === undefined) throw new EmulatorControlError(404, 'unknown peer: open /emulator/call/events first (and again after a reconnect)', 'unknown-peer');
    return peer;
  }

  private entry(serviceId: string): HubCall {
    const existing = this.calls.get(serviceId);
    if (existing !== undefined) return existing;
    const call: HubCall = { consumer: undefined, agent: undefined, linkId: undefined, joinedOnce: false };
    this.calls.set(serviceId, call);
    return call;
  }

  private dropMember(serviceId: string, call: HubCall, role: PeerRole): void {
    call[role] = undefined;
    call.linkId = undefined;
    const other = role === 'consumer' ? call.agent : call.consumer;
    other?.sink.send({ type: 'peer-left', serviceId, role });
  }

  private find(serviceId: string): FoundCall | undefined {
    for (const conversation of this.core.store.all()) {
      const dialog = conversation.dialogs.find((d) => d.cobrowse?.serviceId === serviceId);
      const mode = dialog?.cobrowse?.mode;
      if (dialog !== undefined) return { conversation, dialog, mode: mode === 'VOICE_CALL' ? 'VOICE_CALL' : 'VIDEO_CALL' };
    }
    return undefined;
  }

  private openCall(serviceId: string, forMedia: boolean): FoundCall {
    const found = this.find(serviceId);
    if (found === undefined) throw new EmulatorControlError(404, `unknown call ${serviceId}`, 'unknown-call');
    if (found.dialog.state !== 'OPEN') throw new EmulatorControlError(409, `the call ${found.dialog.dialogId} has already ended`, 'call-closed');
    const mode = found.dialog.cobrowse?.mode;
    if (forMedia && mode !== 'VIDEO_CALL' && mode !== 'VOICE_CALL') throw new EmulatorControlError(409, `co-browse (${String(mode)}) has no media to join`, 'bad-request');
    return found;
  }

  private callEnded(dialog: StoredDialog, how: CallEnd): void {
    const serviceId = dialog.cobrowse?.serviceId;
    if (serviceId === undefined) return;
    this.calls.delete(serviceId);
    for (const peer of this.peers.values()) peer.sink.send({ type: 'ended', serviceId, how });
  }
}
