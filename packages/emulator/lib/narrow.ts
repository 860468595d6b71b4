/**
 * Small type guards for untrusted JSON (request frames, HTTP bodies). No casts: narrow, then read.
 */
import type { Json, JsonObject } from './json';

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

/** Parses JSON text; `{ ok: false }` when it is not JSON. */
export function parseJson(text: string): { readonly ok: true; readonly value: Json } | { readonly ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return isJson(value) ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
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
