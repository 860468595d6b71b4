/**
 * The incremental dialog core: the snapshot rules applied in place, with work proportional to the
 * input (its conversations and dialogs), never to history. Private to `createDialogTracker`.
 *
 * - open dialogs are indexed by id and by conversation; a closed dialog is only its id (a
 *   tombstone, at most `retainClosed` of them), and at most `retainConversations` conversations
 *   without an open dialog are remembered; the oldest are forgotten first;
 * - the next expiry comes from a heap of the announced invitations;
 * - dialogs closing on the same input are reported in the order they were first seen.
 */
import { isCobrowseDialog } from '../protocol/guards';
import type { CobrowseDialog, ConversationDetails } from '../protocol/types';
import { isSameSnapshot, mergeCallDialog, sameDialogState, toCallDialog } from './call-dialog';
import { IndexedHeap, type HeapItem } from './indexed-heap';
import { BoundedSet, IdleQueue, type Idler } from './retention';
import { closeReason, isExpired, isOlder, isTerminal, type LivePhase } from './rules';
import type { SessionCloseReason } from './state';
import type { CallDialog, CloseReason, DialogEvent } from './types';

/** A dialog not closed yet (a closed one is only its id, in the tombstones). */
interface LiveDialog extends HeapItem {
  dialog: CallDialog;
  phase: LivePhase;
  /** First-seen order: the order in which dialogs closing on one input are reported. */
  readonly seq: number;
  conversation: ConversationEntry;
  /** The last conversation snapshot (by number) that listed it: not listed means vanished. */
  mark: number;
}

interface ConversationEntry extends Idler {
  readonly id: string;
  /** The newest `metaDataLastUpdateTs` seen: older snapshots are dropped whole. */
  lastUpdateTs: number | undefined;
  /** Closed or deleted: stays closed. */
  closed: boolean;
  /** Its dialogs that are not closed (usually zero or one); the shared `NONE` when there are none. */
  live: LiveDialog[];
}

/** What the core remembers right now (see {@link DialogCore.memory}). */
export interface DialogMemory {
  /** Dialogs not closed yet (announced, or expired on arrival). */
  readonly openDialogs: number;
  /** Tombstones of closed dialogs (at most `retainClosed`). */
  readonly closedDialogs: number;
  /** Conversations with an open dialog, plus at most `retainConversations` without one. */
  readonly conversations: number;
}

const NO_EVENTS: readonly DialogEvent[] = Object.freeze([]);
/** `live` of a conversation without open dialogs: shared, so a remembered idle conversation holds no array of its own. */
const NONE: LiveDialog[] = [];

const expiresFirst = (a: LiveDialog, b: LiveDialog): boolean => {
  const at = a.dialog.expiresAt ?? Infinity;
  const bt = b.dialog.expiresAt ?? Infinity;
  return at < bt || (at === bt && a.seq < b.seq);
};

function join(conversation: ConversationEntry, entry: LiveDialog): void {
  if (conversation.live === NONE) conversation.live = [entry];
  else conversation.live.push(entry);
}

function leave(conversation: ConversationEntry, entry: LiveDialog): void {
  const { live } = conversation;
  if (live.length === 1) conversation.live = NONE;
  else live.splice(live.indexOf(entry), 1);
}

/** In first-seen order (in place). */
const bySeq = (entries: LiveDialog[]): LiveDialog[] => (entries.length > 1 ? entries.sort((a, b) => a.seq - b.seq) : entries);

export class DialogCore {
  private readonly live = new Map<string, LiveDialog>();
  private readonly conversations = new Map<string, ConversationEntry>();
  private readonly tombstones: BoundedSet<string>;
  private readonly idle: IdleQueue<ConversationEntry>;
  private readonly expiries = new IndexedHeap<LiveDialog>(expiresFirst);
  private events: DialogEvent[] | undefined;
  private now = 0;
  private seq = 0;
  private mark = 0;

  constructor(
    private readonly expirySkewMs: number,
    retainClosed: number,
    retainConversations: number,
  ) {
    this.tombstones = new BoundedSet(retainClosed);
    this.idle = new IdleQueue(retainConversations, (conversation) => this.conversations.delete(conversation.id));
  }

  /** Starts one input at `now`. */
  start(now: number): void {
    this.now = now;
    this.events = undefined;
  }

  /** The events of the input since `start`, in order. */
  finish(): readonly DialogEvent[] {
    return this.events ?? NO_EVENTS;
  }

  nextExpiry(): number | undefined {
    return this.expiries.peek()?.dialog.expiresAt;
  }

  memory(): DialogMemory {
    return { openDialogs: this.live.size, closedDialogs: this.tombstones.size, conversations: this.conversations.size };
  }

  /** Closes every announced invitation whose `expiresAt` has passed: reason `expired`. */
  expireDue(): void {
    let due: LiveDialog[] | undefined;
    for (let next = this.expiries.peek(); next !== undefined && isExpired(next.dialog, this.now); next = this.expiries.peek()) {
      this.expiries.pop();
      (due ??= []).push(next);
    }
    if (due !== undefined) for (const entry of bySeq(due)) this.closeAndSettle(entry, 'expired');
  }

  /** The call session closed it: `declined` closes an announced invitation, `answered-elsewhere` an invitation or accepted dialog. */
  closeBySession(dialogId: string, reason: SessionCloseReason): void {
    const entry = this.live.get(dialogId);
    if (entry !== undefined && (entry.phase === 'invited' || (reason === 'answered-elsewhere' && entry.phase === 'accepted'))) this.closeAndSettle(entry, reason);
  }

  /** A full listing (new subscription): open dialogs of conversations it does not list close. O(open dialogs). */
  reconcile(listed: ReadonlySet<string>): void {
    const ended: LiveDialog[] = [];
    for (const entry of this.live.values()) if (!listed.has(entry.dialog.conversationId)) ended.push(entry); // Map order: first seen
    for (const entry of ended) this.closeAndSettle(entry, 'conversation-closed');
  }

  /** True while some dialog is open (a listing has something to reconcile). */
  hasOpenDialogs(): boolean {
    return this.live.size > 0;
  }

  /**
   * One whole conversation snapshot (replace, don't merge): dropped whole when older than the
   * newest seen; else each COBROWSE dialog goes through the per-dialog rules, an open dialog it no
   * longer lists has ended, and a closed conversation closes all of its dialogs for good.
   */
  upsert(conversationId: string, details: ConversationDetails): void {
    const known = this.conversations.get(conversationId);
    const ts = details.metaDataLastUpdateTs;
    if (known !== undefined && isOlder(ts, known.lastUpdateTs)) return;
    const conversation = known ?? this.addConversation(conversationId);
    this.idle.active(conversation); // never forgotten while being applied (settled again below)
    conversation.closed ||= details.stage === 'CLOSE' || (details.stage === undefined && details.state === 'CLOSE');
    conversation.lastUpdateTs = ts ?? conversation.lastUpdateTs;
    const mark = ++this.mark;
    for (const dialog of details.dialogs) if (isCobrowseDialog(dialog)) this.apply(conversation, dialog, details, mark);
    let ended: LiveDialog[] | undefined;
    for (const entry of conversation.live) if (conversation.closed || entry.mark !== mark) (ended ??= []).push(entry);
    if (ended !== undefined) {
      for (const entry of bySeq(ended)) {
        this.close(entry, conversation.closed ? 'conversation-closed' : closeReason(entry.phase, entry.dialog, this.now, undefined, this.expirySkewMs));
      }
    }
    this.settle(conversation, true);
  }

  /** A DELETE: the conversation's open dialogs close (`conversation-closed`) and it stays closed. */
  deleteConversation(conversationId: string): void {
    const conversation = this.conversations.get(conversationId) ?? this.addConversation(conversationId);
    conversation.closed = true;
    for (const entry of bySeq([...conversation.live])) this.close(entry, 'conversation-closed');
    this.settle(conversation, true);
  }

  /** One snapshot of one COBROWSE dialog of `conversation` (the snapshot numbered `mark`). */
  private apply(conversation: ConversationEntry, raw: CobrowseDialog, details: ConversationDetails, mark: number): void {
    if (this.tombstones.has(raw.dialogId)) return;
    const entry = this.live.get(raw.dialogId);
    if (entry !== undefined) {
      entry.mark = mark;
      if (isOlder(raw.metaDataLastUpdateTs, entry.dialog.metaDataLastUpdateTs)) return;
      // The exact re-send of what an announced dialog last said changes nothing (no copy either).
      // Not for `unannounced`: a clock that stepped back may make its invitation announceable.
      if (entry.phase !== 'unannounced' && !conversation.closed && isSameSnapshot(entry.dialog, conversation.id, raw, details)) return;
    }
    const next = toCallDialog(conversation.id, raw, details);
    if (conversation.closed || isTerminal(next)) {
      if (entry === undefined) this.tombstones.add(next.dialogId);
      else {
        const reason = conversation.closed ? 'conversation-closed' : closeReason(entry.phase, entry.dialog, this.now, next, this.expirySkewMs);
        this.close(entry, reason, mergeCallDialog(entry.dialog, next));
      }
    } else if (next.sessionState === 'INVITED') {
      this.invited(conversation, entry, next);
    } else if (next.sessionState === 'ACCEPTED') {
      if (entry?.phase === 'accepted') this.update(conversation, entry, next);
      else this.announce(conversation, entry, next, 'accepted');
    } else if (entry === undefined) {
      this.announce(conversation, entry, next, 'open');
    } else {
      this.update(conversation, entry, next);
    }
  }

  private invited(conversation: ConversationEntry, entry: LiveDialog | undefined, next: CallDialog): void {
    if (entry?.phase === 'accepted') return; // session states only move forward
    if (entry?.phase === 'invited') this.update(conversation, entry, next);
    else if (!isExpired(next, this.now)) this.announce(conversation, entry, next, 'invited');
    else if (entry?.phase === 'open') this.close(entry, 'expired', next);
    else this.track(conversation, entry, next, 'unannounced'); // expired on arrival: never announced
  }

  private announce(conversation: ConversationEntry, entry: LiveDialog | undefined, dialog: CallDialog, phase: 'invited' | 'accepted' | 'open'): void {
    this.track(conversation, entry, dialog, phase);
    if (phase === 'invited') this.emit({ type: 'invited', dialog: { ...dialog, sessionState: 'INVITED' } });
    else if (phase === 'accepted') this.emit({ type: 'accepted', dialog: { ...dialog, sessionState: 'ACCEPTED' } });
    else this.emit({ type: 'updated', dialog });
  }

  /** Keeps the phase; emits `updated` when an announced dialog says something new. */
  private update(conversation: ConversationEntry, entry: LiveDialog, next: CallDialog): void {
    const last = entry.dialog;
    this.track(conversation, entry, next, entry.phase);
    if (entry.phase !== 'unannounced' && !sameDialogState(last, next)) this.emit({ type: 'updated', dialog: next });
  }

  /** Records `dialog` in `phase` (creating the entry when new) and keeps the indexes in step. */
  private track(conversation: ConversationEntry, entry: LiveDialog | undefined, dialog: CallDialog, phase: LivePhase): void {
    let tracked = entry;
    const lastExpiry = entry?.dialog.expiresAt;
    if (tracked === undefined) {
      tracked = { dialog, phase, seq: ++this.seq, conversation, mark: this.mark, heapIndex: -1 };
      this.live.set(dialog.dialogId, tracked);
      join(conversation, tracked);
    } else {
      tracked.dialog = dialog;
      tracked.phase = phase;
      if (tracked.conversation !== conversation) this.move(tracked, conversation); // the id turned up in another conversation
    }
    if (phase !== 'invited' || dialog.expiresAt === undefined) this.expiries.remove(tracked);
    else if (tracked.heapIndex < 0) this.expiries.push(tracked);
    else if (dialog.expiresAt !== lastExpiry) this.expiries.update(tracked);
  }

  private move(entry: LiveDialog, to: ConversationEntry): void {
    const from = entry.conversation;
    leave(from, entry);
    this.settle(from, false);
    entry.conversation = to;
    join(to, entry);
  }

  /** Closes it for good: a tombstone from now on; `closed` is emitted if it was announced. */
  private close(entry: LiveDialog, reason: CloseReason, dialog: CallDialog = entry.dialog): void {
    leave(entry.conversation, entry);
    this.live.delete(dialog.dialogId);
    this.expiries.remove(entry);
    this.tombstones.add(dialog.dialogId);
    if (entry.phase !== 'unannounced') this.emit({ type: 'closed', dialog, reason });
  }

  private closeAndSettle(entry: LiveDialog, reason: CloseReason): void {
    this.close(entry, reason);
    this.settle(entry.conversation, false);
  }

  /** Keeps the idle memory in step: a conversation without open dialogs may be forgotten later. */
  private settle(conversation: ConversationEntry, touched: boolean): void {
    if (conversation.live.length > 0) this.idle.active(conversation);
    else if (touched || conversation.idleStamp === 0) this.idle.idle(conversation);
  }

  private addConversation(id: string): ConversationEntry {
    const conversation: ConversationEntry = { id, lastUpdateTs: undefined, closed: false, live: NONE, idleStamp: 0 };
    this.conversations.set(id, conversation);
    return conversation;
  }

  private emit(event: DialogEvent): void {
    (this.events ??= []).push(event);
  }
}
