import { catchError, defer, from, type Observable, switchMap } from 'rxjs';
import { brand, isBranded } from '../errors';
import { redact } from '../redact';

/** What the library needs from `fetch`: browsers' and Node's global `fetch` both fit. */
export type FetchLike = (
  url: string,
  init?: { readonly method?: string; readonly headers?: Record<string, string>; readonly body?: string },
) => Promise<FetchResponseLike>;

/** What the library reads of a `fetch` response. */
export interface FetchResponseLike {
  /** True for a 2xx status. */
  readonly ok: boolean;
  /** The HTTP status. */
  readonly status: number;
  /** The body, parsed as JSON. */
  json(): Promise<unknown>;
}

/** An HTTP call to the Domain API or the IdP failed. Its `url` and message are redacted (no token, no auth code). */
export class HttpError extends Error {
  /** `'HttpError'`: narrow with `err.name === 'HttpError'` (or `instanceof`). */
  override readonly name = brand(this, 'HttpError');
  /** Also true for a `HttpError` of the package's other build (CommonJS or ES modules). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(this, 'HttpError', value);
  }
  /** The URL called, token-bearing query values redacted. */
  readonly url: string;
  constructor(
    url: string,
    /** HTTP status; 0 when the request itself failed (network) or the body was not what we expected. */
    readonly status: number,
    detail: string,
    /** Exact strings to redact from the message besides JWTs (e.g. the auth code sent). */
    secrets: readonly string[] = [],
  ) {
    super(redact(`${url}: ${detail}`, secrets));
    this.url = redact(url, secrets);
  }
}

/** The platform `fetch`, if any, resolved when called. */
export function globalFetch(): FetchLike | undefined {
  return typeof globalThis.fetch === 'function' ? (url, init) => globalThis.fetch(url, init) : undefined;
}

/**
 * One HTTP call as a cold Observable (`defer(() => from(fetch(...)))`): emits the JSON body of a
 * 2xx response, errors with `HttpError` otherwise (never with the response body; `secrets`, e.g.
 * the auth code sent, are redacted from its message).
 */
export function fetchJson(fetchFn: FetchLike, url: string, init?: Parameters<FetchLike>[1], secrets: readonly string[] = []): Observable<unknown> {
  return defer(() => from(fetchFn(url, init))).pipe(
    // A request that never got an answer (server down, DNS, CORS): say where it went.
    catchError((error: unknown) => {
      throw new HttpError(url, 0, `no answer (${error instanceof Error ? error.message : String(error)}): is a server running at this address?`, secrets);
    }),
    switchMap((response) => {
      if (!response.ok) throw new HttpError(url, response.status, `HTTP ${response.status}`, secrets);
      return from(response.json());
    }),
  );
}

/** Reads a string field from an unknown JSON value. */
export function stringField(value: unknown, field: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found: unknown = Reflect.get(value, field);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
