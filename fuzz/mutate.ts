/**
 * Mutations of valid frames: structural ones on the JSON tree (field deletions, type swaps,
 * out-of-range numbers, huge strings, `__proto__`/`constructor` keys, deep nesting) and textual
 * ones on its text (truncation, number literals JSON cannot hold, stray characters).
 *
 * Deep nesting and huge strings are spliced into the text (JSON.stringify would recurse, and
 * building them as objects costs more than the case itself): the tree holds a sentinel string.
 */
import type { Json, JsonObject } from 'lp-call-streams/protocol';
import type { Rand } from './rand';
import { deepText, randomJsonText } from './texts';

/** A place in the tree: an object member or an array element. */
interface Slot {
  readonly parent: { [key: string]: Json } | Json[];
  readonly key: string | number;
}

type Mutable = { [key: string]: Json } | Json[];

function isContainer(value: Json): value is Mutable {
  return typeof value === 'object' && value !== null;
}

/** Every slot of the tree (depth-first). The tree is small (a frame), so recursion is fine. */
function slots(root: Mutable, out: Slot[] = []): Slot[] {
  const keys: (string | number)[] = Array.isArray(root) ? root.map((_, i) => i) : Object.keys(root);
  for (const key of keys) {
    out.push({ parent: root, key });
    const child = (root as Record<string | number, Json>)[key];
    if (child !== undefined && isContainer(child)) slots(child, out);
  }
  return out;
}

/** A fresh copy (the constant lists below must never be mutated by a later mutation). */
function fresh(value: Json): Json {
  return typeof value === 'object' && value !== null ? (JSON.parse(JSON.stringify(value)) as Json) : value;
}

function set(slot: Slot, value: Json): void {
  if (Array.isArray(slot.parent)) slot.parent[Number(slot.key)] = value;
  else Object.defineProperty(slot.parent, String(slot.key), { value, enumerable: true, configurable: true, writable: true });
}

function remove(slot: Slot): void {
  if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
  else delete slot.parent[String(slot.key)];
}

const SWAPS: readonly Json[] = [null, true, false, 0, -1, '', 'x', [], {}, [null], { a: 1 }, 'OPEN', 'CLOSED'];
const NUMBERS: readonly Json[] = [1e16, -1e16, 8.64e12 + 1, 8.64e15 + 1, -1, -0, 0.5, 2 ** 31, 2 ** 53 + 1, 1e308, Number.MAX_VALUE, Number.MIN_VALUE];
const NUMBER_STRINGS: readonly Json[] = ['NaN', 'Infinity', '-Infinity', '1e16', '1.5e9', '', ' 1', '0x10', 'null'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const ODD_STRINGS: readonly Json[] = ['\u0000', '\ud800', '\udfff\ud800', '<img src=x onerror=alert(1)>', '${x}', '%s%n', 'eyJhbGciOiJub25lIn0.e30.', '\u202e', '\n\r\t'];

/** Splices done after stringify: sentinel string → raw JSON text. */
export type Splices = Map<string, string>;

/** Applies one random structural mutation to `root` (in place). Returns its name. */
export function mutateTree(r: Rand, root: JsonObject, splices: Splices, budget: number): string {
  const all = slots(root);
  if (all.length === 0) return 'none';
  const slot = r.pick(all);
  switch (r.int(10)) {
    case 0:
      remove(slot);
      return 'delete';
    case 1:
      set(slot, fresh(r.pick(SWAPS)));
      return 'type-swap';
    case 2:
      set(slot, r.pick(NUMBERS));
      return 'out-of-range-number';
    case 3:
      set(slot, r.pick(NUMBER_STRINGS));
      return 'number-as-string';
    case 4: {
      const target = isContainer(slot.parent) && !Array.isArray(slot.parent) ? slot.parent : (root);
      set({ parent: target, key: r.pick(PROTO_KEYS) }, fresh(r.pick<Json>([{ polluted: true }, null, 'x', [], { toString: 1 }])));
      return 'proto-key';
    }
    case 5: {
      const sentinel = `@@fuzz-splice-${splices.size}@@`;
      splices.set(`"${sentinel}"`, `"${'x'.repeat(Math.min(budget, r.logInt(1 << 20)))}"`);
      set(slot, sentinel);
      return 'huge-string';
    }
    case 6: {
      const sentinel = `@@fuzz-splice-${splices.size}@@`;
      splices.set(`"${sentinel}"`, deepText(r, Math.min(Math.floor(budget / 6), r.logInt(200_000))));
      set(slot, sentinel);
      return 'deep-nesting';
    }
    case 7:
      set(slot, r.pick(ODD_STRINGS));
      return 'odd-string';
    case 8:
      set(slot, JSON.parse(randomJsonText(r)) as Json);
      return 'random-json';
    default: {
      const value = (slot.parent as Record<string | number, Json>)[slot.key];
      if (Array.isArray(slot.parent) && value !== undefined) slot.parent.push(fresh(value)); // a duplicate element
      else if (value !== undefined) set(slot, [value]); // a bare value as a one-element list, or the reverse
      return 'duplicate-or-wrap';
    }
  }
}

/** The frame's text with the splices applied. */
export function stringify(root: JsonObject, splices: Splices): string {
  let text = JSON.stringify(root);
  for (const [sentinel, raw] of splices) text = text.replace(sentinel, () => raw);
  return text;
}

/** Applies one random textual mutation. Returns the new text and the mutation's name. */
export function mutateText(r: Rand, text: string): { readonly text: string; readonly name: string } {
  const at = r.int(text.length + 1);
  switch (r.int(5)) {
    case 0:
      return { text: text.slice(0, at), name: 'truncated' };
    case 1: {
      // A number literal JSON.parse turns into ±Infinity, or one out of every range.
      const literal = r.pick(['1e400', '-1e400', '1e16', '-0', '0.0000001', '123456789012345678901234567890']);
      return { text: text.replace(/(?<=:)-?\d+(\.\d+)?(e[+-]?\d+)?/i, literal), name: 'number-literal' };
    }
    case 2:
      return { text: text.slice(0, at) + r.pick(['"', '{', '[', ']', '}', ',', '\\', '\u0000', '\ud800']) + text.slice(at), name: 'stray-char' };
    case 3:
      return { text: text.slice(0, at) + text.slice(at + r.range(1, 20)), name: 'cut-out' };
    default:
      return { text: text.replace(/"dialogId":/, '"dialogId":"dup","dialogId":'), name: 'duplicate-key' };
  }
}
