/**
 * The emulator's shared state and the operations both sides use (consumer requests and agent control):
 * close a conversation, open/accept/close a call dialog, append a message. Each operation mutates the
 * store once and then tells the consumer's sockets (full-snapshot UPSERT, DELETE, messaging event).
 */
import type { EmulatorClock } from './clock';
import type { JsonObject } from './json';
import type { ResolvedOptions } from './options';
import { Forgetting } from './forgetting';
import { chatStateChange, eventChange } from './snapshots';
import type { AgentIdentity, CallEnd, CallMode, ConversationStore, StoredConversation, StoredDialog, StoredEvent } from './store';
import { holderKey, type TokenIssuer } from './tokens';
import { EmulatorControlError } from './types';

/** What the core needs from a consumer socket. */
export interface ConsumerSocket {
  readonly accountId: string;
  /** Set once InitConnection succeeded. */
  readonly consumerId: string | undefined;
  conversationChanged(conversation: StoredConversation, cobrowseOnly: boolean): void;
  conversationDeleted(conversation: StoredConversation): void;
  messagingEvent(conversation: StoredConversation, dialogId: string, change: JsonObject): void;
  /** Test hooks and control, see RunningEmulator. */
  repeatLast(): void;
  reorderNext(): void;
  tokensExpired(): void;
  drop(code?: number): void;
  describe(): JsonObject;
}

export type { CallEnd } from './store';

const CALL_END: Readonly<Record<CallEnd, { by: 'CONSUMER' | 'AGENT' | undefined; cause: string; key: string | undefined }>> = {
  cancel: { by: 'AGENT', cause: 'Invitation cancelled by agent', key: 'cancel_invitation' },
  expire: { by: undefined, cause: 'Invitation expired', key: undefined },
  hangup: { by: 'AGENT', cause: 'Call ended', key: undefined },
  decline: { by: 'CONSUMER', cause: 'Invitation declined by consumer', key: undefined },
  consumer: { by: 'CONSUMER', cause: 'Closed by consumer', key: undefined },
  failed: { by: 'CONSUMER', cause: 'Call failed', key: undefined },
  'conversation-closed': { by: undefined, cause: 'Conversation closed', key: undefined },
};

/** Told when a call dialog ends, whatever ended it (the media hub stops both sides). */
export type CallEndListener = (dialog: StoredDialog, how: CallEnd) => void;

export class EmulatorCore {
  readonly sockets = new Set<ConsumerSocket>();
  readonly callEndListeners = new Set<CallEndListener>();
  /** Forgets expired tokens and idle consumers' conversations (see `forgetting.ts`). */
  readonly forgetting: Forgetting;
  private readonly timers = new Set<{ readonly clock: EmulatorClock; handle: unknown }>();
  /** Sockets closed so far, by close code (for `state()`). */
  private readonly closeCodes = new Map<number, number>();
  private lastSocketId = 0;

  constructor(
    readonly options: ResolvedOptions,
    readonly store: ConversationStore,
    readonly tokens: TokenIssuer,
    readonly agent: AgentIdentity,
  ) {
    this.forgetting = new Forgetting({
      clock: options.clock,
      store,
      tokens,
      connected: () => new Set([...this.sockets].flatMap((s) => (s.consumerId === undefined ? [] : [holderKey(s.accountId, s.consumerId)]))),
      schedule: (ms, fn) => this.schedule(ms, fn),
      forgetAfterMs: options.forgetAfterMs,
    });
  }

  /** Timers pending on either clock. */
  timerCount(): number {
    return this.timers.size;
  }

  /** A socket closed with `code`: counted, and its consumer's idle time starts now. */
  socketClosed(socket: ConsumerSocket, code: number): void {
    this.sockets.delete(socket);
    this.closeCodes.set(code, (this.closeCodes.get(code) ?? 0) + 1);
    if (socket.consumerId !== undefined) this.forgetting.touch(socket.accountId, socket.consumerId);
  }

  /** How many sockets closed with each code. */
  closedSockets(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.closeCodes);
  }

  /** A tracked timer on the injected clock (or on `clock`); returns its cancel function. */
  schedule(ms: number, fn: () => void, clock: EmulatorClock = this.options.clock): () => void {
    const timer: { readonly clock: EmulatorClock; handle: unknown } = { clock, handle: undefined };
    timer.handle = clock.setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return () => {
      clock.clearTimeout(timer.handle);
      this.timers.delete(timer);
    };
  }

  /** Ids for sockets, in connection order (shown by `state()` and in the log). */
  nextSocketId(): number {
    return ++this.lastSocketId;
  }

  dispose(): void {
    for (const timer of this.timers) timer.clock.clearTimeout(timer.handle);
    this.timers.clear();
  }

  private socketsOf(conversation: StoredConversation): ConsumerSocket[] {
    return [...this.sockets].filter((s) => s.accountId === conversation.accountId && s.consumerId === conversation.consumerId);
  }

  /** Tells the owner's sockets that `conversation` changed (`cobrowseOnly`: only a COBROWSE dialog did). */
  changed(conversation: StoredConversation, cobrowseOnly: boolean): void {
    for (const socket of this.socketsOf(conversation)) socket.conversationChanged(conversation, cobrowseOnly);
  }

  /** Assigns the agent if none is; returns whether it did (the caller then sends an UPSERT). */
  assignAgent(conversation: StoredConversation): boolean {
    if (conversation.agentPid !== undefined) return false;
    conversation.agentPid = this.agent.pid;
    return true;
  }

  /** Closes the whole conversation (MAIN dialog, any open call, the stage); DELETE follows later. */
  closeConversation(conversation: StoredConversation, by: 'CONSUMER' | 'AGENT', cause?: string): void {
    const ts = this.store.nextTs();
    for (const dialog of conversation.dialogs.filter((d) => d.state === 'OPEN')) {
      if (dialog.cobrowse !== undefined) this.endCall(dialog, 'conversation-closed', ts);
      else closeDialog(dialog, ts, by, cause ?? (by === 'CONSUMER' ? 'Closed by consumer' : 'Closed by agent'));
    }
    conversation.state = 'CLOSE';
    conversation.stage = 'CLOSE';
    conversation.endTs = ts;
    conversation.closeReason = by;
    conversation.metaDataLastUpdateTs = ts;
    this.changed(conversation, false);
    this.schedule(this.options.deleteAfterCloseMs, () => {
      conversation.deleted = true;
      for (const socket of this.socketsOf(conversation)) socket.conversationDeleted(conversation);
      this.forgetting.touch(conversation.accountId, conversation.consumerId);
    });
  }

  /** Adds an INVITED COBROWSE dialog that expires by itself after `ttlMs`. */
  invite(conversation: StoredConversation, mode: CallMode, ttlMs: number): StoredDialog {
    const assigned = this.assignAgent(conversation);
    const dialog = this.store.addCobrowseDialog(conversation, mode, ttlMs);
    if (dialog.cobrowse !== undefined) {
      dialog.cobrowse.cancelExpiry = this.schedule(ttlMs, () => this.closeCall(conversation, dialog, 'expire'));
    }
    this.changed(conversation, !assigned);
    return dialog;
  }

  /** ACCEPTED twice, as LivePerson sends it: `accepted`, then `joined`. */
  accept(conversation: StoredConversation, dialog: StoredDialog): void {
    this.acceptedUpdate(conversation, dialog, 'accepted');
    this.acceptedUpdate(conversation, dialog, 'joined');
  }

  /** One ACCEPTED update (`notificationKey` `accepted` or `joined`) of an open call dialog; it stops the expiry. */
  acceptedUpdate(conversation: StoredConversation, dialog: StoredDialog, key: 'accepted' | 'joined'): void {
    const session = dialog.cobrowse;
    if (session === undefined || dialog.state !== 'OPEN') return;
    session.cancelExpiry?.();
    session.cancelExpiry = undefined;
    session.sessionState = 'ACCEPTED';
    session.notificationKey = key;
    session.updates.push(key);
    this.store.touch(conversation, dialog);
    this.changed(conversation, true);
  }

  /** sessionState CLOSED and dialog state CLOSE; `detail` (for `failed`: the sessionError id) goes into `closedCause`. */
  closeCall(conversation: StoredConversation, dialog: StoredDialog, how: CallEnd, detail?: string): void {
    if (dialog.state !== 'OPEN') return;
    const ts = this.store.nextTs();
    this.endCall(dialog, how, ts, detail);
    conversation.metaDataLastUpdateTs = ts;
    this.changed(conversation, true);
  }

  private endCall(dialog: StoredDialog, how: CallEnd, ts: number, detail?: string): void {
    const session = dialog.cobrowse;
    if (session === undefined) return;
    const end = CALL_END[how];
    session.cancelExpiry?.();
    session.cancelExpiry = undefined;
    session.sessionState = 'CLOSED';
    session.notificationKey = end.key;
    session.end = { how, detail };
    // LivePerson expires an invitation at `expires`; an early "expire now" moves `expires` to now so
    // the closing snapshot still tells an expiry from a cancel.
    if (how === 'expire') session.expiresAtMs = Math.min(session.expiresAtMs, this.options.clock.now());
    closeDialog(dialog, ts, end.by, detail === undefined ? end.cause : `${end.cause}: ${detail}`);
    for (const listener of [...this.callEndListeners]) listener(dialog, how);
  }

  /**
   * Appends a sequenced event to a messaging dialog and tells the dialog's subscribers; throws
   * {@link EmulatorControlError} 409 when a storage cap (`maxMessagesPerConversation`, `maxConversationBytes`) would be passed.
   */
  append(conversation: StoredConversation, dialog: StoredDialog, originatorId: string, role: StoredEvent['role'], event: JsonObject): StoredEvent {
    const refusal = this.store.refusalToStore(conversation, event);
    if (refusal !== undefined) throw new EmulatorControlError(409, refusal, 'limit-reached');
    this.store.countStored(conversation, event);
    const stored: StoredEvent = { sequence: dialog.events.length, originatorId, role, serverTimestamp: this.options.clock.now(), event };
    dialog.events.push(stored);
    for (const socket of this.socketsOf(conversation)) socket.messagingEvent(conversation, dialog.dialogId, eventChange(conversation, dialog.dialogId, stored));
    return stored;
  }

  /** A chat state: relayed, never stored. */
  relayChatState(conversation: StoredConversation, dialog: StoredDialog, originatorId: string, event: JsonObject): void {
    const change = chatStateChange(conversation, dialog.dialogId, originatorId, event);
    for (const socket of this.socketsOf(conversation)) socket.messagingEvent(conversation, dialog.dialogId, change);
  }
}

function closeDialog(dialog: StoredDialog, ts: number, by: 'CONSUMER' | 'AGENT' | undefined, cause: string): void {
  dialog.state = 'CLOSE';
  dialog.endTs = ts;
  dialog.metaDataLastUpdateTs = ts;
  dialog.closedBy = by;
  dialog.closedCause = cause;
}
