/**
 * A bound on JSON nesting, checked on the text before it is parsed: JSON.parse takes time that
 * grows faster than the depth (a 200,000-deep frame of 400 KB took it most of a second), while
 * LivePerson's frames nest under 10 levels.
 */

/** The deepest nesting of arrays and objects `decode` parses (the frame object itself is level 1). */
export const MAX_JSON_DEPTH = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Whether `text` holds more than `limit` `{` and `[` in all (counted natively, stopping at limit + 1). */
function opensMoreThan(text: string, limit: number): boolean {
  let count = 0;
  for (const open of ['{', '[']) {
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1)) if (++count > limit) return true;
  }
  return false;
}

/**
 * Whether the JSON `text` nests arrays/objects deeper than `maxDepth` (brackets inside strings do
 * not count). Cheap for ordinary frames: a text shorter than 2 × (maxDepth + 1) characters, or
 * with at most `maxDepth` opening brackets, cannot nest deeper and is not scanned; only the rest
 * gets one pass over its characters.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  if (text.length < 2 * (maxDepth + 1) || !opensMoreThan(text, maxDepth)) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string, escapes included.
      for (i++; i < text.length; i++) {
        const s = text.charCodeAt(i);
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return false;
}
