/** The expiry heap, on hand-picked shapes: sifting down must follow the smaller child. */
import { createHeap } from '../../lib/dialog/heap';

interface Item {
  heapIndex: number;
  readonly key: number;
}

/** A heap of items with `keys`, put in that order; returns it and the items. */
function heapOf(keys: readonly number[]) {
  const heap = createHeap<Item>((a, b) => a.key < b.key);
  const items = keys.map((key) => ({ heapIndex: -1, key }));
  for (const item of items) heap.put(item);
  return { heap, items };
}

/** Removes the first item until empty: the keys in the order they came out. */
function drain(heap: ReturnType<typeof heapOf>['heap']): number[] {
  const out: number[] = [];
  for (let first = heap.peek(); first !== undefined; first = heap.peek()) {
    out.push(first.key);
    heap.remove(first);
  }
  return out;
}

describe('createHeap', () => {
  it('after removing the first item, the smaller of two children moves up (the right one here)', () => {
    const { heap } = heapOf([1, 3, 2, 4, 5]);
    heap.remove(heap.peek() as Item);
    expect(heap.peek()?.key).toBe(2);
  });

  it('hands out every key in ascending order, whichever child is smaller at each level', () => {
    const keys = [5, 9, 1, 7, 3, 8, 2, 6, 4, 0];
    expect(drain(heapOf(keys).heap)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
