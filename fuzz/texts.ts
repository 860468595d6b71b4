/** Texts that are not frames: random text, binary-ish code units, random JSON, deep nesting. */
import fc from 'fast-check';
import type { Rand } from './rand';

/** `depth` levels of arrays or objects (or a mix), valid JSON unless `unclosed`. */
export function deepText(r: Rand, depth: number, unclosed = false): string {
  const [open, close] = r.pick([
    ['[', ']'],
    ['{"a":', '}'],
    ['[{"x":', '}]'],
  ] as const);
  const levels = open === '[{"x":' ? Math.ceil(depth / 2) : depth;
  return open.repeat(levels) + (open === '[' ? '' : '1') + (unclosed ? '' : close.repeat(levels));
}

/** Random code units, including NUL, lone surrogates and control characters. */
export function binaryText(r: Rand, length: number): string {
  const units = new Uint16Array(length);
  for (let i = 0; i < length; i++) units[i] = r.chance(0.5) ? r.int(0x80) : r.int(0x10000);
  let text = '';
  for (let i = 0; i < length; i += 4096) text += String.fromCharCode(...units.subarray(i, i + 4096));
  return text;
}

/** Random JSON text (any value, including a frame-shaped object). */
export function randomJsonText(r: Rand): string {
  return JSON.stringify(r.sample(fc.jsonValue({ maxDepth: 4 })));
}

const ALPHABETS = ['abcdefghijklmnopqrstuvwxyz0123456789 ', '{}[]":,\\ntrue false null 0123456789.eE+-', 'äöü€漢字👋\u200b\u202e\ufeff'];

/** Random text over a few alphabets (prose, JSON punctuation, non-ASCII): up to 200 code units. */
export function randomText(r: Rand): string {
  const alphabet = [...r.pick(ALPHABETS)];
  let text = '';
  for (let n = r.int(200); n > 0; n--) text += r.pick(alphabet);
  return text;
}
