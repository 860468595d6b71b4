/**
 * A reader over one JSON object that remembers the first failure ("sticky"), so a decoder can read
 * all its fields in one expression and check `fields.fail` once at the end.
 *
 * Each reader takes the field's value AND its key: the caller reads `value['key']` itself, with a
 * literal key, so V8 keeps one inline cache per field. (Reading `obj[key]` here, with `key` a
 * variable, made one megamorphic load for every field of every object: most of the decoder's cost.)
 * The key only names the path of a failure.
 *
 * Required readers return a placeholder (`''`, `0`, `[]`) after a failure; the placeholder is never
 * seen because the decoder returns `fields.fail` instead. Optional readers treat `null` like absent.
 * Lists isolate failure: a bad element is dropped into the frame's `issues`, not a failure here.
 */
import { at, type ElementDecoder, Fail, isNumber, isObject, type Issues, MAX_EPOCH_MS, readId, readInteger, readList, readTimestamp, type Read } from './read';
import type { Json, JsonObject } from './types';

export class Fields {
  /** The first failure, if any. */
  fail: Fail | undefined = undefined;

  constructor(
    private readonly path: string,
    /** The frame's issues, handed to list and nested decoders. */
    readonly issues: Issues,
  ) {}

  /** Path of `key` inside this object. */
  pathOf(key: string): string {
    return at(this.path, key);
  }

  /** Records `r` if it failed; returns its value (or `fallback` on failure). */
  take<T>(r: Read<T>, fallback: T): T {
    if (r instanceof Fail) {
      this.fail ??= r;
      return fallback;
    }
    return r;
  }

  private missing(key: string, expected: string): void {
    this.fail ??= new Fail(this.pathOf(key), expected);
  }

  string(v: Json | undefined, key: string): string {
    if (typeof v === 'string') return v;
    this.missing(key, 'string');
    return '';
  }

  optString(v: Json | undefined, key: string): string | undefined {
    if (typeof v === 'string' || v === undefined) return v;
    if (v !== null) this.missing(key, 'string');
    return undefined;
  }

  id(v: Json | undefined, key: string): string {
    if (typeof v === 'string' && v.length > 0) return v;
    return this.take(readId(v, this.path, key), '');
  }

  optId(v: Json | undefined, key: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string' && v.length > 0) return v;
    return this.take(readId(v, this.path, key), undefined);
  }

  timestamp(v: Json | undefined, key: string): number {
    if (typeof v === 'number' && v >= 0 && v <= MAX_EPOCH_MS) return v;
    return this.take(readTimestamp(v, this.path, key), 0);
  }

  optTimestamp(v: Json | undefined, key: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'number' && v >= 0 && v <= MAX_EPOCH_MS) return v;
    return this.take(readTimestamp(v, this.path, key), undefined);
  }

  integer(v: Json | undefined, key: string, min?: number): number {
    return this.take(readInteger(v, this.path, min, key), 0);
  }

  optInteger(v: Json | undefined, key: string, min?: number): number | undefined {
    if (v === undefined || v === null) return undefined;
    return this.take(readInteger(v, this.path, min, key), undefined);
  }

  /** Any finite number. */
  optNumber(v: Json | undefined, key: string): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (isNumber(v) && Number.isFinite(v)) return v;
    this.missing(key, isNumber(v) ? 'finite number' : 'number');
    return undefined;
  }

  /** A required nested object decoded by `decode`; `undefined` after any failure. */
  nested<T>(v: Json | undefined, key: string, decode: (v: JsonObject, path: string, issues: Issues) => Read<T>): T | undefined {
    if (this.fail !== undefined) return undefined;
    if (isObject(v)) return this.take(decode(v, this.pathOf(key), this.issues), undefined);
    this.missing(key, 'object');
    return undefined;
  }

  /** An optional nested object decoded by `decode`; `null` counts as absent. */
  optNested<T>(v: Json | undefined, key: string, decode: (v: JsonObject, path: string, issues: Issues) => Read<T>): T | undefined {
    if (v === undefined || v === null || this.fail !== undefined) return undefined;
    if (isObject(v)) return this.take(decode(v, this.pathOf(key), this.issues), undefined);
    this.missing(key, 'object');
    return undefined;
  }

  /**
   * A required list (a bare single element allowed); absent fails as `expected array`. A bad
   * element is dropped (see `readList`), `onDrop` hears of it.
   */
  list<S extends Json, T>(
    v: Json | undefined,
    key: string,
    shape: (v: Json | undefined) => v is S,
    shapeName: string,
    decode: ElementDecoder<S, T>,
    onDrop?: (element: Json | undefined) => void,
  ): T[] {
    if (this.fail !== undefined) return [];
    return this.take(readList(v, this.pathOf(key), shape, shapeName, decode, this.issues, onDrop), []);
  }

  /** An optional list (a bare single element allowed); `null` counts as absent. A bad element is dropped. */
  optList<S extends Json, T>(
    v: Json | undefined,
    key: string,
    shape: (v: Json | undefined) => v is S,
    shapeName: string,
    decode: ElementDecoder<S, T>,
  ): T[] | undefined {
    if (v === undefined || v === null || this.fail !== undefined) return undefined;
    return this.take(readList(v, this.pathOf(key), shape, shapeName, decode, this.issues), undefined);
  }
}
