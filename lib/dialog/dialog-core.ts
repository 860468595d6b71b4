/**
 * The incremental dialog core: the snapshot rules applied in place, with work proportional to the
 * input (its conversations and dialogs), never to history. Private to `createDialogTracker`.
 *
 * - open dialogs are indexed by id and by conversation; a closed dialog is only its id (a
 *   tombstone): at least the `retainClosed` most recent are kept, at most twice as many; of the
 *   conversations without an open dialog, at least the `retainConversations` most recently touched
 *   (at most twice as many); older ones are forgotten a generation at a time;
 * - the next expiry comes from a heap of the announced invitations;
 * - dialogs closing on the same input are reported in the order they were first seen.
 */
import { isCobrowseDialog } from '../protocol/guards';
import type { CobrowseDialog, ConversationChange, ConversationDetails, DroppedElement } from '../protocol/types';
import { mergeCallDialog, sameDialogState, toCallDialog } from './call-dialog';
import { createHeap, type HeapItem } from './heap';
import { createGenerations } from './retention';
import { closeReason, isExpired, isOlder, isTerminal, type LivePhase } from './rules';
import type { CallDialog, CloseReason, DialogEvent } from './types';

/** A dialog not closed yet (a closed one is only its id, in the tombstones). */
interface LiveDialog extends HeapItem {
  dialog: CallDialog;
  phase: LivePhase;
  /** First-seen order: the order in which dialogs closing on one input are reported. */
  readonly seq: number;
  conversation: Conversation;
  /** The last conversation snapshot (by number) that listed it: not listed means vanished. */
  mark: number;
}

interface Conversation {
  readonly id: string;
  /** The newest `metaDataLastUpdateTs` seen: older snapshots are dropped whole. */
  lastUpdateTs: number | undefined;
  /** Closed or deleted: stays closed. */
  closed: boolean;
  /** Its dialogs that are not closed (usually none or one); the shared `NONE` when there are none. */
  live: LiveDialog[];
  /** In the idle memory (no open dialog), where it may be forgotten. */
  idle: boolean;
}

/** What the core remembers right now. */
export interface DialogMemory {
  /** Dialogs not closed yet (announced, or expired on arrival). */
  readonly openDialogs: number;
  /** Tombstones of closed dialogs (at most 2 × `retainClosed`). */
  readonly closedDialogs: number;
  /** Conversations with an open dialog, plus at most 2 × `retainConversations` without one. */
  readonly conversations: number;
}

/** The core's operations; each input is `start(now)`, some of the others, then `finish()`. */
export interface DialogCore {
  start(now: number): void;
  /** The events since `start`, in order. */
  finish(): readonly DialogEvent[];
  nextExpiry(): number | undefined;
  memory(): DialogMemory;
  /** Closes every announced invitation whose `expiresAt` has passed: reason `expired`. */
  expireDue(): void;
  /**
   * A full listing (new subscription): open dialogs of conversations it does not list close. A
   * change the decoder dropped (`dropped`, by `convId`) still lists its conversation. O(open dialogs).
   */
  reconcile(changes: readonly ConversationChange[], dropped: readonly DroppedElement[] | undefined): void;
  /**
   * One whole conversation snapshot (replace, don't merge): dropped whole when older than the
   * newest seen; else each COBROWSE dialog goes through the per-dialog rules, an open dialog it no
   * longer lists has ended (one the decoder dropped, `droppedDialogs`, is not gone: it keeps its
   * state), and a closed conversation closes all of its dialogs for good.
   */
  upsert(conversationId: string, details: ConversationDetails): void;
  /** A DELETE: the conversation's open dialogs close (`conversation-closed`) and it stays closed. */
  deleteConversation(conversationId: string): void;
}

const NO_EVENTS: readonly DialogEvent[] = Object.freeze([]);
/** `live` of a conversation without open dialogs: shared, so a remembered idle conversation holds no array. */
const NONE: LiveDialog[] = [];

/** In first-seen order (in place; one entry or none, the common case, is not sorted at all). */
const bySeq = (entries: LiveDialog[]): LiveDialog[] => (entries.length > 1 ? entries.sort((a, b) => a.seq - b.seq) : entries);

export function createDialogCore(expirySkewMs: number, retainClosed: number, retainConversations: number): DialogCore {
  const live = new Map<string, LiveDialog>();
  const conversations = new Map<string, Conversation>();
  const tombstones = createGenerations<string>(retainClosed);
  const idle = createGenerations<string>(retainConversations, (id) => conversations.delete(id)); // ids of conversations with `idle`
  const expiries = createHeap<LiveDialog>((a, b) => {
    const at = a.dialog.expiresAt ?? Infinity;
    const bt = b.dialog.expiresAt ?? Infinity;
    return at < bt || (at === bt && a.seq < b.seq);
  });
  let events: DialogEvent[] | undefined;
  let now = 0;
  let seq = 0;
  let mark = 0;

  const emit = (event: DialogEvent): void => void (events ??= []).push(event);

  /** Keeps the idle memory in step: a conversation without open dialogs may be forgotten later. */
  const settle = (conversation: Conversation, touched: boolean): void => {
    const isIdle = conversation.live.length === 0;
    if (isIdle && (touched || !conversation.idle)) idle.touch(conversation.id);
    else if (!isIdle && conversation.idle) idle.delete(conversation.id);
    conversation.idle = isIdle;
  };

  const join = (conversation: Conversation, entry: LiveDialog): void => {
    if (conversation.live === NONE) conversation.live = [entry];
    else conversation.live.push(entry);
  };

  const leave = (entry: LiveDialog): void => {
    const { conversation } = entry;
    if (conversation.live.length === 1) conversation.live = NONE;
    else conversation.live.splice(conversation.live.indexOf(entry), 1);
  };

  /** Closes it for good: a tombstone from now on; `closed` is emitted if it was announced. */
  const close = (entry: LiveDialog, reason: CloseReason, dialog: CallDialog = entry.dialog): void => {
    leave(entry);
    live.delete(dialog.dialogId);
    expiries.remove(entry);
    tombstones.touch(dialog.dialogId);
    if (entry.phase !== 'unannounced') emit({ type: 'closed', dialog, reason });
  };

  /** Closes `entry` on a snapshot of `conversation`; if it belonged to another one, that one may now be idle. */
  const closeOn = (conversation: Conversation, entry: LiveDialog, reason: CloseReason, dialog: CallDialog): void => {
    close(entry, reason, dialog);
    if (entry.conversation !== conversation) settle(entry.conversation, false);
  };

  const closeAll = (entries: LiveDialog[], reason: CloseReason): void => {
    for (const entry of entries) {
      close(entry, reason);
      settle(entry.conversation, false);
    }
  };

  /** Records `dialog` in `phase` (creating the entry when new) and keeps the indexes in step. */
  const track = (conversation: Conversation, entry: LiveDialog | undefined, dialog: CallDialog, phase: LivePhase): void => {
    const lastExpiry = entry?.dialog.expiresAt;
    const tracked = entry ?? { dialog, phase, seq: ++seq, conversation, mark, heapIndex: -1 };
    if (entry === undefined) {
      live.set(dialog.dialogId, tracked);
      join(conversation, tracked);
    }
    tracked.dialog = dialog;
    tracked.phase = phase;
    if (tracked.conversation !== conversation) {
      // The id turned up in another conversation: it belongs there now.
      leave(tracked);
      settle(tracked.conversation, false);
      tracked.conversation = conversation;
      join(conversation, tracked);
    }
    if (phase !== 'invited' || dialog.expiresAt === undefined) expiries.remove(tracked);
    else if (tracked.heapIndex < 0 || dialog.expiresAt !== lastExpiry) expiries.put(tracked);
  };

  const announce = (conversation: Conversation, entry: LiveDialog | undefined, dialog: CallDialog, phase: 'invited' | 'accepted' | 'open'): void => {
    track(conversation, entry, dialog, phase);
    if (phase === 'invited') emit({ type: 'invited', dialog: { ...dialog, sessionState: 'INVITED' } });
    else if (phase === 'accepted') emit({ type: 'accepted', dialog: { ...dialog, sessionState: 'ACCEPTED' } });
    else emit({ type: 'updated', dialog });
  };

  /** Keeps the phase; emits `updated` when an announced dialog says something new. */
  const update = (conversation: Conversation, entry: LiveDialog, next: CallDialog): void => {
    const last = entry.dialog;
    track(conversation, entry, next, entry.phase);
    if (entry.phase !== 'unannounced' && !sameDialogState(last, next)) emit({ type: 'updated', dialog: next });
  };

  /** One snapshot of one COBROWSE dialog of `conversation`. */
  const apply = (conversation: Conversation, raw: CobrowseDialog, details: ConversationDetails): void => {
    const entry = live.get(raw.dialogId);
    if (entry === undefined && tombstones.has(raw.dialogId)) return;
    if (entry !== undefined) {
      entry.mark = mark;
      if (isOlder(raw.metaDataLastUpdateTs, entry.dialog.metaDataLastUpdateTs)) return;
    }
    const next = toCallDialog(conversation.id, raw, details);
    // The exact re-send of what an announced dialog last said: nothing to do, and the stored copy
    // stays (replacing it with an equal one would only promote garbage). Not for `unannounced`: a
    // clock that stepped back may make its invitation announceable.
    const last = entry?.phase === 'unannounced' || conversation.closed ? undefined : entry?.dialog;
    if (last !== undefined && next.metaDataLastUpdateTs === last.metaDataLastUpdateTs && sameDialogState(last, next)) return;
    if (conversation.closed || isTerminal(next)) {
      if (entry === undefined) tombstones.touch(next.dialogId);
      else {
        const reason = conversation.closed ? 'conversation-closed' : closeReason(entry.phase, entry.dialog, now, next, expirySkewMs);
        closeOn(conversation, entry, reason, mergeCallDialog(entry.dialog, next));
      }
    } else if (next.sessionState === 'INVITED') {
      if (entry?.phase === 'accepted') return; // session states only move forward
      if (entry?.phase === 'invited') update(conversation, entry, next);
      else if (!isExpired(next, now)) announce(conversation, entry, next, 'invited');
      else if (entry?.phase === 'open') closeOn(conversation, entry, 'expired', next);
      else track(conversation, entry, next, 'unannounced'); // expired on arrival: never announced
    } else if (next.sessionState === 'ACCEPTED' && entry?.phase !== 'accepted') {
      announce(conversation, entry, next, 'accepted');
    } else if (entry === undefined) {
      announce(conversation, entry, next, 'open');
    } else {
      update(conversation, entry, next);
    }
  };

  /** Dialogs the decoder dropped from this snapshot are not gone: they count as listed (unchanged). */
  const keepDropped = (conversation: Conversation, dropped: readonly DroppedElement[]): void => {
    for (const { id } of dropped) {
      const entry = id === undefined ? undefined : live.get(id);
      if (entry?.conversation === conversation) entry.mark = mark;
    }
  };

  /** The conversation (`known`, or a new one), kept from being forgotten while an input applies to it. */
  const conversationOf = (id: string, known = conversations.get(id)): Conversation => {
    let conversation = known;
    if (conversation === undefined) conversations.set(id, (conversation = { id, lastUpdateTs: undefined, closed: false, live: NONE, idle: false }));
    if (conversation.idle) idle.delete(id); // settled again afterwards
    return conversation;
  };

  return {
    start(at) {
      now = at;
      events = undefined;
    },
    finish: () => events ?? NO_EVENTS,
    nextExpiry: () => expiries.peek()?.dialog.expiresAt,
    memory: () => ({ openDialogs: live.size, closedDialogs: tombstones.size(), conversations: conversations.size }),
    expireDue() {
      let due: LiveDialog[] | undefined;
      for (let next = expiries.peek(); next !== undefined && isExpired(next.dialog, now); next = expiries.peek()) {
        expiries.remove(next);
        (due ??= []).push(next);
      }
      if (due !== undefined) closeAll(bySeq(due), 'expired');
    },
    reconcile(changes, dropped) {
      if (live.size === 0) return;
      const listed = new Set(changes.flatMap((c) => (c.type === 'UPSERT' ? [c.result.convId] : [])));
      // A dropped change still lists its conversation; one without a readable convId matches nothing.
      for (const { id } of dropped ?? []) if (id !== undefined) listed.add(id);
      // Map order is first-seen order.
      closeAll(
        [...live.values()].filter((entry) => !listed.has(entry.dialog.conversationId)),
        'conversation-closed',
      );
    },
    upsert(conversationId, details) {
      const known = conversations.get(conversationId);
      const ts = details.metaDataLastUpdateTs;
      if (known !== undefined && isOlder(ts, known.lastUpdateTs)) return;
      const conversation = conversationOf(conversationId, known);
      conversation.closed ||= details.stage === 'CLOSE' || (details.stage === undefined && details.state === 'CLOSE');
      conversation.lastUpdateTs = ts ?? conversation.lastUpdateTs;
      mark += 1;
      for (const dialog of details.dialogs) if (isCobrowseDialog(dialog)) apply(conversation, dialog, details);
      if (details.droppedDialogs !== undefined) keepDropped(conversation, details.droppedDialogs);
      let ended: LiveDialog[] | undefined;
      for (const entry of conversation.live) if (conversation.closed || entry.mark !== mark) (ended ??= []).push(entry);
      for (const entry of ended === undefined ? [] : bySeq(ended)) {
        close(entry, conversation.closed ? 'conversation-closed' : closeReason(entry.phase, entry.dialog, now, undefined, expirySkewMs));
      }
      settle(conversation, true);
    },
    deleteConversation(conversationId) {
      const conversation = conversationOf(conversationId);
      conversation.closed = true;
      for (const entry of bySeq([...conversation.live])) close(entry, 'conversation-closed');
      settle(conversation, true);
    },
  };
}
