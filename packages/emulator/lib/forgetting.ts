/**
 * The emulator forgets what no one can reach any more, on its own clock (so a test advancing a
 * manual clock sees it happen):
 *
 * - a token when it expires (not at the next signup);
 * - a consumer's conversations `forgetAfterMs` after the consumer went **idle**: no open socket, no
 *   open conversation, no closed one still waiting for its DELETE, no unexpired token. Idle since the
 *   latest of: its last socket closing, its last token expiring, its last conversation's DELETE.
 *
 * One timer at most, armed for the next thing due.
 */
import type { EmulatorClock } from './clock';
import type { ConversationStore } from './store';
import { holderKey, type TokenIssuer } from './tokens';

/** What forgetting looks at. */
export interface ForgettingScope {
  readonly clock: EmulatorClock;
  readonly store: ConversationStore;
  readonly tokens: TokenIssuer;
  /** The consumers holding an open socket, as `holderKey`s. */
  readonly connected: () => ReadonlySet<string>;
  /** A tracked timer on the clock; returns its cancel function. */
  readonly schedule: (ms: number, fn: () => void) => () => void;
  readonly forgetAfterMs: number;
}

export class Forgetting {
  /** Consumers owning stored conversations: when each was last active (epoch ms). */
  private readonly owners = new Map<string, { readonly accountId: string; readonly consumerId: string; lastActiveMs: number }>();
  private timer: { readonly at: number; readonly cancel: () => void } | undefined;

  constructor(private readonly scope: ForgettingScope) {}

  /** Consumers whose conversations are remembered. */
  size(): number {
    return this.owners.size;
  }

  /**
   * `consumerId` did something that keeps it: a conversation was created (`own`: start remembering
   * it), DELETEd, or its socket closed.
   */
  touch(accountId: string, consumerId: string, own = false): void {
    const key = holderKey(accountId, consumerId);
    const owner = this.owners.get(key);
    const nowMs = this.scope.clock.now();
    if (owner !== undefined) owner.lastActiveMs = Math.max(owner.lastActiveMs, nowMs);
    else if (own) this.owners.set(key, { accountId, consumerId, lastActiveMs: nowMs });
    this.wake();
  }

  /** Something may have become forgettable (a token was issued, a socket closed): re-arm for the next due. */
  wake(): void {
    const due = this.nextDue();
    if (due === undefined || (this.timer !== undefined && this.timer.at <= due)) return;
    this.timer?.cancel();
    this.timer = { at: due, cancel: this.scope.schedule(Math.max(0, due - this.scope.clock.now()), () => this.sweep()) };
  }

  /** Forgets everything due now, then re-arms. */
  sweep(): void {
    this.timer = undefined;
    const { tokens, store, clock, forgetAfterMs } = this.scope;
    const holding = new Set([...this.owners].filter(([, o]) => tokens.holds(o.accountId, o.consumerId)).map(([key]) => key));
    tokens.forgetExpired();
    const nowMs = clock.now();
    const busy = this.busy();
    for (const [key, owner] of this.owners) {
      // Its last token expiring just now is its last activity.
      if (holding.has(key) && !busy.has(key)) owner.lastActiveMs = Math.max(owner.lastActiveMs, nowMs);
      if (busy.has(key) || owner.lastActiveMs + forgetAfterMs > nowMs) continue;
      store.forget((c) => c.accountId === owner.accountId && c.consumerId === owner.consumerId);
      this.owners.delete(key);
    }
    this.wake();
  }

  /** Consumers that cannot be forgotten now: connected, holding a token, or with a conversation not yet DELETEd. */
  private busy(): Set<string> {
    const busy = new Set(this.scope.connected());
    for (const conversation of this.scope.store.all()) if (!conversation.deleted) busy.add(holderKey(conversation.accountId, conversation.consumerId));
    for (const [key, owner] of this.owners) if (this.scope.tokens.holds(owner.accountId, owner.consumerId)) busy.add(key);
    return busy;
  }

  /** When the next token expires, or the next idle owner reaches the horizon. */
  private nextDue(): number | undefined {
    let due = this.scope.tokens.nextExpiry();
    const busy = this.owners.size === 0 ? new Set<string>() : this.busy();
    for (const [key, owner] of this.owners) {
      if (busy.has(key)) continue;
      const at = owner.lastActiveMs + this.scope.forgetAfterMs;
      if (due === undefined || at < due) due = at;
    }
    return due;
  }
}
