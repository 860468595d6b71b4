/**
 * Conversations and their dialogs, owned by a consumer (the JWT's `sub`) on an account.
 * Plain mutable records plus small operations; `snapshots.ts` turns them into wire frames and
 * `core.ts` tells subscribers. Every change bumps `metaDataLastUpdateTs` strictly (even when the
 * injected clock stands still), so clients can drop out-of-order snapshots.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject } from './json';
import type { EmulatorClock } from './clock';
import type { EmulatorLimits } from './limits';

export type OpenClose = 'OPEN' | 'CLOSE';
export type SessionState = 'INVITED' | 'ACCEPTED' | 'CLOSED';
/** Modes LP's own window renders: calls upper case, co-browse lower case. */
export type CallMode = 'VIDEO_CALL' | 'VOICE_CALL' | 'shared' | 'view' | 'follow';
export const CALL_MODES: readonly CallMode[] = ['VIDEO_CALL', 'VOICE_CALL', 'shared', 'view', 'follow'];

/**
 * How a call dialog ended: `consumer` = the consumer closed the dialog (DialogChange, or the call
 * app's hang-up button), `failed` = the consumer's call app failed (a sessionError id as detail).
 */
export type CallEnd = 'cancel' | 'expire' | 'hangup' | 'decline' | 'consumer' | 'failed' | 'conversation-closed';

/** A stored messaging event (MAIN dialog). */
export interface StoredEvent {
  readonly sequence: number;
  readonly originatorId: string;
  readonly role: 'CONSUMER' | 'ASSIGNED_AGENT';
  readonly serverTimestamp: number;
  readonly event: JsonObject;
}

/** The call state of a COBROWSE dialog (its wire `metaData`). */
export interface CobrowseSession {
  readonly serviceId: string;
  readonly mode: CallMode;
  /** Epoch ms; on the wire `expires` is epoch seconds (a float). "Expire now" moves it to now. */
  expiresAtMs: number;
  sessionState: SessionState;
  notificationKey: string | undefined;
  /** Cancels the expiry timer while INVITED. */
  cancelExpiry: (() => void) | undefined;
  /** The ACCEPTED updates sent so far (`accepted`, `joined`), in order. */
  readonly updates: string[];
  /** How it ended (set when it closed), for the state view; `detail`: e.g. the sessionError id of a failure. */
  end: { readonly how: CallEnd; readonly detail: string | undefined } | undefined;
}

export interface StoredDialog {
  readonly dialogId: string;
  readonly dialogType: 'MAIN' | 'OTHER';
  readonly channelType: 'MESSAGING' | 'COBROWSE';
  state: OpenClose;
  readonly creationTs: number;
  metaDataLastUpdateTs: number;
  endTs: number | undefined;
  closedBy: 'CONSUMER' | 'AGENT' | undefined;
  closedCause: string | undefined;
  /** COBROWSE dialogs only. */
  readonly cobrowse: CobrowseSession | undefined;
  readonly events: StoredEvent[];
}

export interface StoredConversation {
  readonly convId: string;
  readonly accountId: string;
  readonly consumerId: string;
  readonly skillId: string;
  readonly campaignInfo: JsonObject | undefined;
  readonly context: JsonObject | undefined;
  /** Set once an agent is involved (message, invite). */
  agentPid: string | undefined;
  state: OpenClose;
  stage: OpenClose;
  readonly startTs: number;
  endTs: number | undefined;
  closeReason: 'CONSUMER' | 'AGENT' | undefined;
  metaDataLastUpdateTs: number;
  readonly dialogs: StoredDialog[];
  /** DELETE sent: gone from every subscription. */
  deleted: boolean;
  /** Bytes of the messaging events stored in its dialogs (JSON of each event), for `maxConversationBytes`. */
  storedBytes: number;
}

/** The one emulated agent. */
export interface AgentIdentity {
  /** Participant id in the conversation (`participants`, `originatorId`). */
  readonly pid: string;
  /** `"<accountId>.<agentNumericId>"`, as in a COBROWSE dialog's `participants`. */
  cobrowseId(accountId: string): string;
}

/** Conversations of every consumer, in creation order. */
export class ConversationStore {
  private readonly conversations: StoredConversation[] = [];
  private lastTs = 0;

  constructor(
    private readonly clock: EmulatorClock,
    private readonly limits: Pick<EmulatorLimits, 'maxConversations' | 'maxMessagesPerConversation' | 'maxConversationBytes'>,
  ) {}

  /**
   * Makes room for one more conversation: when full, forgets the oldest DELETEd one. Returns why
   * there is no room (every stored conversation is still live), or undefined.
   */
  roomForConversation(): string | undefined {
    const max = this.limits.maxConversations;
    if (this.conversations.length < max) return undefined;
    const oldestDeleted = this.conversations.findIndex((c) => c.deleted);
    if (oldestDeleted === -1) return `The emulator holds the maximum of ${max} conversations (maxConversations); closed ones are forgotten after their DELETE`;
    this.conversations.splice(oldestDeleted, 1);
    return undefined;
  }

  /** Why `event` cannot be stored in `conversation` (a cap would be passed), or undefined. */
  refusalToStore(conversation: StoredConversation, event: JsonObject): string | undefined {
    const { maxMessagesPerConversation: maxCount, maxConversationBytes: maxBytes } = this.limits;
    const count = conversation.dialogs.reduce((sum, dialog) => sum + dialog.events.length, 0);
    if (count >= maxCount) return `Conversation holds the maximum of ${maxCount} messages (maxMessagesPerConversation)`;
    if (conversation.storedBytes + eventBytes(event) > maxBytes) return `Message would take the conversation over ${maxBytes} bytes of messages (maxConversationBytes)`;
    return undefined;
  }

  /** Counts a stored event against `maxConversationBytes` (after {@link refusalToStore} allowed it). */
  countStored(conversation: StoredConversation, event: JsonObject): void {
    conversation.storedBytes += eventBytes(event);
  }

  /** A timestamp strictly after every earlier one. */
  nextTs(): number {
    this.lastTs = Math.max(this.clock.now(), this.lastTs + 1);
    return this.lastTs;
  }

  /** Forgets every conversation `which` selects (DELETEd ones only: see `forgetting.ts`). */
  forget(which: (conversation: StoredConversation) => boolean): void {
    const kept = this.conversations.filter((c) => !(c.deleted && which(c)));
    this.conversations.splice(0, this.conversations.length, ...kept);
  }

  all(): readonly StoredConversation[] {
    return this.conversations;
  }

  get(convId: string): StoredConversation | undefined {
    return this.conversations.find((c) => c.convId === convId);
  }

  /** The consumer's conversations still in the stream (not DELETEd). */
  ofConsumer(accountId: string, consumerId: string): StoredConversation[] {
    return this.conversations.filter((c) => !c.deleted && c.accountId === accountId && c.consumerId === consumerId);
  }

  openOf(accountId: string, consumerId: string): StoredConversation | undefined {
    return this.ofConsumer(accountId, consumerId).find((c) => c.stage === 'OPEN');
  }

  /** The most recently started open conversation of anyone. */
  latestOpen(): StoredConversation | undefined {
    return [...this.conversations].reverse().find((c) => c.stage === 'OPEN');
  }

  create(accountId: string, consumerId: string, input: Pick<StoredConversation, 'skillId' | 'campaignInfo' | 'context'>): StoredConversation {
    const ts = this.nextTs();
    const convId = randomUUID();
    const conversation: StoredConversation = {
      convId,
      accountId,
      consumerId,
      ...input,
      agentPid: undefined,
      state: 'OPEN',
      stage: 'OPEN',
      startTs: ts,
      endTs: undefined,
      closeReason: undefined,
      metaDataLastUpdateTs: ts,
      dialogs: [newDialog(convId, 'MAIN', ts, undefined)],
      deleted: false,
      storedBytes: 0,
    };
    this.conversations.push(conversation);
    return conversation;
  }

  /** Marks `dialog` (if given) and its conversation as changed now. */
  touch(conversation: StoredConversation, dialog?: StoredDialog): void {
    const ts = this.nextTs();
    conversation.metaDataLastUpdateTs = ts;
    if (dialog !== undefined) dialog.metaDataLastUpdateTs = ts;
  }

  /** Adds an INVITED COBROWSE dialog. */
  addCobrowseDialog(conversation: StoredConversation, mode: CallMode, ttlMs: number): StoredDialog {
    const ts = this.nextTs();
    const dialogId = randomUUID();
    const dialog = newDialog(dialogId, 'OTHER', ts, {
      serviceId: `${conversation.consumerId}#${randomUUID()}`,
      mode,
      expiresAtMs: ts + ttlMs,
      sessionState: 'INVITED',
      notificationKey: 'invited',
      cancelExpiry: undefined,
      updates: [],
      end: undefined,
    });
    conversation.dialogs.push(dialog);
    conversation.metaDataLastUpdateTs = ts;
    return dialog;
  }
}

function eventBytes(event: JsonObject): number {
  return Buffer.byteLength(JSON.stringify(event));
}

function newDialog(dialogId: string, dialogType: 'MAIN' | 'OTHER', ts: number, cobrowse: CobrowseSession | undefined): StoredDialog {
  return {
    dialogId,
    dialogType,
    channelType: cobrowse === undefined ? 'MESSAGING' : 'COBROWSE',
    state: 'OPEN',
    creationTs: ts,
    metaDataLastUpdateTs: ts,
    endTs: undefined,
    closedBy: undefined,
    closedCause: undefined,
    cobrowse,
    events: [],
  };
}

/** The conversation's COBROWSE dialog that is still OPEN, if any. */
export function openCobrowseDialog(conversation: StoredConversation): StoredDialog | undefined {
  return conversation.dialogs.find((d) => d.cobrowse !== undefined && d.state === 'OPEN');
}

/** The MAIN dialog (its id is the conversation id). */
export function mainDialog(conversation: StoredConversation): StoredDialog | undefined {
  return conversation.dialogs.find((d) => d.dialogType === 'MAIN');
}
