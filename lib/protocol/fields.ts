/**
 * A reader over one JSON object that remembers the first failure ("sticky"), so a decoder can read
 * all its fields in one expression and check `fields.fail` once at the end.
 *
 * Required readers return a placeholder (`''`, `0`, `[]`) after a failure; the placeholder is never
 * seen because the decoder returns `fields.fail` instead. Optional readers treat `null` like absent.
 */
import { at, Fail, isNumber, isObject, readId, readInteger, readList, readTimestamp, type Read } from './read';
import type { Json, JsonObject } from './types';

export class Fields {
  /** The first failure, if any. */
  fail: Fail | undefined = undefined;

  constructor(
    private readonly obj: JsonObject,
    private readonly path: string,
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

  string(key: string): string {
    const v = this.obj[key];
    if (typeof v === 'string') return v;
    this.missing(key, 'string');
    return '';
  }

  optString(key: string): string | undefined {
    const v = this.obj[key];
    if (typeof v === 'string' || v === undefined) return v;
    if (v !== null) this.missing(key, 'string');
    return undefined;
  }

  id(key: string): string {
    return this.take(readId(this.obj[key], this.pathOf(key)), '');
  }

  optId(key: string): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    return this.take(readId(v, this.pathOf(key)), undefined);
  }

  timestamp(key: string): number {
    return this.take(readTimestamp(this.obj[key], this.pathOf(key)), 0);
  }

  optTimestamp(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    return this.take(readTimestamp(v, this.pathOf(key)), undefined);
  }

  integer(key: string, min?: number): number {
    return this.take(readInteger(this.obj[key], this.pathOf(key), min), 0);
  }

  optInteger(key: string, min?: number): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    return this.take(readInteger(v, this.pathOf(key), min), undefined);
  }

  /** Any finite number. */
  optNumber(key: string): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (isNumber(v) && Number.isFinite(v)) return v;
    this.missing(key, isNumber(v) ? 'finite number' : 'number');
    return undefined;
  }

  /** A JSON object kept as is. */
  optObject(key: string): JsonObject | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return undefined;
    if (isObject(v)) return v;
    this.missing(key, 'object');
    return undefined;
  }

  /** A required nested object decoded by `decode`; `undefined` after any failure. */
  nested<T>(key: string, decode: (v: JsonObject, path: string) => Read<T>): T | undefined {
    if (this.fail !== undefined) return undefined;
    const v = this.obj[key];
    if (isObject(v)) return this.take(decode(v, this.pathOf(key)), undefined);
    this.missing(key, 'object');
    return undefined;
  }

  /** An optional nested object decoded by `decode`; `null` counts as absent. */
  optNested<T>(key: string, decode: (v: JsonObject, path: string) => Read<T>): T | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || this.fail !== undefined) return undefined;
    if (isObject(v)) return this.take(decode(v, this.pathOf(key)), undefined);
    this.missing(key, 'object');
    return undefined;
  }

  /** A required list (a bare single element allowed); absent fails as `expected array`. */
  list<S extends Json, T>(key: string, shape: (v: Json | undefined) => v is S, shapeName: string, decode: (v: S, path: string) => Read<T | undefined>): T[] {
    if (this.fail !== undefined) return [];
    return this.take(readList(this.obj[key], this.pathOf(key), shape, shapeName, decode), []);
  }

  /** An optional list (a bare single element allowed); `null` counts as absent. */
  optList<S extends Json, T>(
    key: string,
    shape: (v: Json | undefined) => v is S,
    shapeName: string,
    decode: (v: S, path: string) => Read<T | undefined>,
  ): T[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || this.fail !== undefined) return undefined;
    return this.take(readList(v, this.pathOf(key), shape, shapeName, decode), undefined);
  }
}
