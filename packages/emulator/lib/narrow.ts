/**
 * Small type guards for untrusted JSON (request frames, HTTP bodies). No casts: narrow, then read.
 */
import type { Json, JsonObject } from './json';
import { MAX_JSON_DEPTH } from './limits';

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value that JSON.parse could have produced (checked deeply). */
export function isJson(value: unknown): value is Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  return isRecord(value) && Object.values(value).every(isJson);
}

/** A JSON object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return isRecord(value) && isJson(value);
}

/** Parsed JSON, or why not: not JSON at all, or JSON nested deeper than allowed. */
export type ParsedJson = { readonly ok: true; readonly value: Json } | { readonly ok: false; readonly error: 'malformed' | 'too-deep' };

const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether `text` nests arrays/objects deeper than `maxDepth`, found by one pass over the characters
 * (strings skipped) before anything is parsed: a deep document is refused without building it.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (OPENERS.has(c)) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (CLOSERS.has(c)) depth--;
  }
  return false;
}

/** Parses JSON text nested at most `maxDepth` deep (default {@link MAX_JSON_DEPTH}). */
export function parseJson(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  if (nestsDeeperThan(text, maxDepth)) return { ok: false, error: 'too-deep' };
  try {
    const value: unknown = JSON.parse(text);
    return isJson(value) ? { ok: true, value } : { ok: false, error: 'malformed' };
  } catch {
    return { ok: false, error: 'malformed' };
  }
}

/** A non-empty string, or undefined. */
export function nonEmptyString(value: unknown, maxLength = Infinity): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLength ? value : undefined;
}

/** The protocol lets a one-element array be sent as the element itself: always give an array back. */
export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Every element a string, or undefined. */
export function stringList(value: unknown): readonly string[] | undefined {
  const list = asList(value);
  const strings = list.filter((item): item is string => typeof item === 'string');
  return strings.length === list.length ? strings : undefined;
}
