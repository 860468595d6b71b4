/**
 * Path-aware readers for parsed JSON that return failures as values (never throw).
 *
 * Hot path rules: a failure allocates; success does not (beyond the value itself). Paths are built
 * only when something fails, except the parent path handed down to nested decoders.
 */
import type { DecodeRecovery, Json, JsonObject } from './types';

/** A failed read: where (dotted/indexed path from the frame root) and what was expected there. */
export class Fail {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {}
}

/** A decoded value or the first failure met. */
export type Read<T> = T | Fail;

/** A problem a decoder recovered from: where and what (`fail`), and what it did (`recovery`). */
export interface Issue {
  readonly fail: Fail;
  readonly recovery: DecodeRecovery;
}

/**
 * The issues of one frame being decoded, handed down to every list decoder. Allocates only when
 * something goes wrong (a frame without issues leaves `list` undefined).
 */
export class Issues {
  list: Issue[] | undefined = undefined;

  /** The element at `element` failed (`fail`) and was left out. */
  dropped(fail: Fail, element: string): void {
    (this.list ??= []).push({ fail, recovery: { type: 'dropped', element } });
  }

  /** Something at `fail.path` was not taken as is but handled by a documented rule. */
  recovered(fail: Fail, recovery: DecodeRecovery): void {
    (this.list ??= []).push({ fail, recovery });
  }
}

/** A list element decoder: the element (of the list's shape), its path, the frame's issues. */
export type ElementDecoder<S extends Json, T> = (element: S, path: string, issues: Issues) => Read<T | undefined>;

/** Largest valid epoch-milliseconds value (`new Date(8.64e15)`). */
export const MAX_EPOCH_MS = 8.64e15;

export const EXPECT_TIMESTAMP = 'timestamp (finite number, 0 to 8.64e15 ms)';
export const EXPECT_NON_NEGATIVE_INTEGER = 'non-negative integer';

/** `path.key`, or `key` at the root. */
export function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/**
 * A JSON object (not null, not an array). Values reaching the decoders come from `JSON.parse` (or
 * are typed `Json` already), so an object is a `JsonObject`; this shallow check is all that is needed.
 */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON array (`Array.isArray` alone would narrow to `any[]`). */
export function isArray(value: Json | undefined): value is readonly Json[] {
  return Array.isArray(value);
}

export function isString(value: Json | undefined): value is string {
  return typeof value === 'string';
}

export function isNumber(value: Json | undefined): value is number {
  return typeof value === 'number';
}

/**
 * A failure at `key` inside `path` (or at `path` itself without a key): the path string is only
 * built here, when something failed, never on the success path.
 */
function fail(path: string, key: string | undefined, expected: string): Fail {
  return new Fail(key === undefined ? path : at(path, key), expected);
}

/** An id: a non-empty string, or a finite number (echoed ids are sometimes numbers) as a string. */
export function readId(value: Json | undefined, path: string, key?: string): Read<string> {
  if (typeof value === 'string') return value.length > 0 ? value : fail(path, key, 'non-empty string');
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return fail(path, key, 'string');
}

/** Epoch milliseconds: finite, 0 ≤ t ≤ 8.64e15. */
export function readTimestamp(value: Json | undefined, path: string, key?: string): Read<number> {
  if (typeof value !== 'number') return fail(path, key, 'number');
  return value >= 0 && value <= MAX_EPOCH_MS ? value : fail(path, key, EXPECT_TIMESTAMP);
}

/** A finite integer ≥ `min`. (NaN and ±Infinity fail every comparison below.) */
export function readInteger(value: Json | undefined, path: string, min = -Infinity, key?: string): Read<number> {
  if (typeof value !== 'number') return fail(path, key, 'number');
  if (!Number.isInteger(value)) return fail(path, key, 'finite integer');
  return value >= min ? value : fail(path, key, min === 0 ? EXPECT_NON_NEGATIVE_INTEGER : `integer ≥ ${min}`);
}

/** A non-negative integer (sequence numbers). */
export function readSequence(value: Json | undefined, path: string): Read<number> {
  return readInteger(value, path, 0);
}

/**
 * A list where the protocol allows a single element to arrive bare instead of a one-element array.
 * A bare value of the wrong shape fails as `<path>: expected array`. An element that fails — not
 * of the list's shape (`<path>[i]: expected <shape>`) or not decodable — is left out: recorded in
 * `issues` as dropped, and passed to `onDrop` (so the caller can say which one went missing). One
 * bad element never costs the others. `decode` returning `undefined` drops that element silently
 * (an undocumented variant, tolerated by ignoring it).
 */
export function readList<S extends Json, T>(
  value: Json | undefined,
  path: string,
  shape: (v: Json | undefined) => v is S,
  shapeName: string,
  decode: ElementDecoder<S, T>,
  issues: Issues,
  onDrop?: (element: Json | undefined) => void,
): Read<T[]> {
  const out: T[] = [];
  if (isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: Json | undefined = value[i];
      const elementPath = `${path}[${i}]`;
      const decoded = shape(element) ? decode(element, elementPath, issues) : new Fail(elementPath, shapeName);
      if (decoded instanceof Fail) {
        issues.dropped(decoded, elementPath);
        onDrop?.(element);
      } else if (decoded !== undefined) out.push(decoded);
    }
    return out;
  }
  if (!shape(value)) return new Fail(path, 'array');
  const decoded = decode(value, path, issues);
  if (decoded instanceof Fail) {
    issues.dropped(decoded, path);
    onDrop?.(value);
  } else if (decoded !== undefined) out.push(decoded);
  return out;
}

/** The id at `key` of `value` (an object), or inside its `inner` object; `undefined` if unreadable. Failure path only. */
export function idIn(value: Json | undefined, key: string, inner?: string): string | undefined {
  if (!isObject(value)) return undefined;
  const holder = inner === undefined ? value : value[inner];
  if (!isObject(holder)) return undefined;
  const id = readId(holder[key], '');
  return id instanceof Fail ? undefined : id;
}
