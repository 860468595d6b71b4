/**
 * A binary min-heap whose items know their own position, so an item can be removed or re-keyed in
 * O(log n) — what the dialog core needs for "the next invitation to expire" when invitations are
 * accepted, closed or re-sent with a new expiry long before they are due.
 */

/** An item of an {@link IndexedHeap}: `heapIndex` is the heap's bookkeeping (-1: not in a heap). */
export interface HeapItem {
  heapIndex: number;
}

/** Min-heap ordered by `before(a, b)` (true when `a` comes first). */
export class IndexedHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The first item, without removing it. O(1). */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const first = this.items[0];
    if (first !== undefined) this.remove(first);
    return first;
  }

  /** Removes `item` if it is in this heap. */
  remove(item: T): void {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return;
    const last = this.items.pop() as T; // non-empty: `item` is in it
    item.heapIndex = -1;
    if (last === item) return;
    this.items[i] = last;
    last.heapIndex = i;
    this.update(last);
  }

  /** Restores the order after `item`'s key changed. */
  update(item: T): void {
    this.up(item.heapIndex);
    this.down(item.heapIndex);
  }

  private up(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.at(i), this.at(parent))) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < this.items.length && this.before(this.at(left), this.at(first))) first = left;
      if (right < this.items.length && this.before(this.at(right), this.at(first))) first = right;
      if (first === i) return;
      this.swap(i, first);
      i = first;
    }
  }

  private at(i: number): T {
    return this.items[i] as T; // callers stay within bounds
  }

  private swap(i: number, j: number): void {
    const a = this.at(i);
    const b = this.at(j);
    this.items[i] = b;
    this.items[j] = a;
    a.heapIndex = j;
    b.heapIndex = i;
  }
}
