/**
 * A binary min-heap whose items know their own position, so an item can be removed or re-keyed in
 * O(log n): what the dialog core needs for "the next invitation to expire" when invitations are
 * accepted, closed or re-sent with a new expiry long before they are due.
 */

/** An item of a {@link Heap}: `heapIndex` is the heap's bookkeeping (-1: not in it). */
export interface HeapItem {
  heapIndex: number;
}

export interface Heap<T extends HeapItem> {
  /** The first item, without removing it. O(1). */
  peek(): T | undefined;
  /** Adds `item`, or restores the order after its key changed if it is in already. */
  put(item: T): void;
  /** Removes `item` if it is in. */
  remove(item: T): void;
  size(): number;
}

/** A min-heap ordered by `before(a, b)` (true when `a` comes first). */
export function createHeap<T extends HeapItem>(before: (a: T, b: T) => boolean): Heap<T> {
  const items: T[] = [];
  const at = (i: number): T => items[i] as T; // callers stay within bounds
  const place = (item: T, i: number): void => {
    items[i] = item;
    item.heapIndex = i;
  };
  /** Moves the item at `i` up or down to where it belongs. */
  const settle = (i: number): void => {
    const item = at(i);
    let hole = i;
    while (hole > 0 && before(item, at((hole - 1) >> 1))) {
      place(at((hole - 1) >> 1), hole);
      hole = (hole - 1) >> 1;
    }
    for (;;) {
      const left = 2 * hole + 1;
      const child = left + 1 < items.length && before(at(left + 1), at(left)) ? left + 1 : left;
      if (child >= items.length || !before(at(child), item)) break;
      place(at(child), hole);
      hole = child;
    }
    place(item, hole);
  };

  return {
    peek: () => items[0],
    put(item) {
      if (items[item.heapIndex] !== item) place(item, items.length);
      settle(item.heapIndex);
    },
    remove(item) {
      const i = item.heapIndex;
      if (items[i] !== item) return;
      const last = items.pop() as T; // non-empty: `item` is in it
      item.heapIndex = -1;
      if (last === item) return;
      place(last, i);
      settle(i);
    },
    size: () => items.length,
  };
}
