/**
 * Bounded memory for what the dialog core keeps after the fact: ids of closed dialogs
 * (tombstones), conversations without an open dialog, subscription ids. Each forgets its oldest
 * entry once it holds more than its limit, in O(1) amortised (a `Set` alone would need an O(n)
 * scan past deleted slots to find its oldest entry).
 */

/** Compacts a queue once this many slots at its head are spent (and they are most of it). */
const COMPACT_AFTER = 1024;

/** A set of at most `limit` keys, first in first out: adding one more forgets the oldest. */
export class BoundedSet<K> {
  private readonly members = new Set<K>();
  private order: K[] = [];
  private head = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.members.size;
  }

  has(key: K): boolean {
    return this.members.has(key);
  }

  add(key: K): void {
    if (this.members.has(key)) return;
    this.members.add(key);
    this.order.push(key);
    while (this.members.size > this.limit) this.members.delete(this.order[this.head++] as K);
    if (this.head > COMPACT_AFTER && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}

/** Something an {@link IdleQueue} orders: `idleStamp` is its bookkeeping (0: not idle). */
export interface Idler {
  idleStamp: number;
}

/**
 * Items that fell idle, least recently idle first; at most `limit` are kept and `evict` is called
 * for each one forgotten. An item becomes idle again (newest) each time `idle` is called, and
 * leaves the queue on `active`. Re-idling leaves a stale slot behind; stale slots are skipped when
 * they reach the head and swept out when they outnumber the live ones.
 */
export class IdleQueue<T extends Idler> {
  private items: T[] = [];
  private stamps: number[] = [];
  private head = 0;
  private count = 0;
  private stamp = 0;

  constructor(
    private readonly limit: number,
    private readonly evict: (item: T) => void,
  ) {}

  /** How many items are idle now. */
  get size(): number {
    return this.count;
  }

  idle(item: T): void {
    if (item.idleStamp === 0) this.count += 1;
    item.idleStamp = ++this.stamp;
    this.items.push(item);
    this.stamps.push(this.stamp);
    while (this.count > this.limit) this.forgetOldest();
    if (this.items.length - this.head > 2 * this.count + COMPACT_AFTER) this.compact();
  }

  active(item: T): void {
    if (item.idleStamp === 0) return;
    item.idleStamp = 0;
    this.count -= 1;
  }

  private forgetOldest(): void {
    const item = this.items[this.head] as T; // count > 0: a live slot is ahead
    const stamp = this.stamps[this.head];
    this.head += 1;
    if (item.idleStamp !== stamp) return; // stale: re-idled since, or active
    item.idleStamp = 0;
    this.count -= 1;
    this.evict(item);
  }

  private compact(): void {
    const items: T[] = [];
    const stamps: number[] = [];
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i] as T;
      if (item.idleStamp === this.stamps[i]) {
        items.push(item);
        stamps.push(item.idleStamp);
      }
    }
    this.items = items;
    this.stamps = stamps;
    this.head = 0;
  }
}
