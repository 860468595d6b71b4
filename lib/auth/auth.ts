import { defer, from, isObservable, map, type Observable, of, shareReplay, switchMap, take, throwIfEmpty } from 'rxjs';
import { defaultDomainApi, httpScheme, lookupService } from './domain-api';
import { fetchJson, type FetchLike, globalFetch, HttpError, stringField } from './http';

/**
 * Why the connection asks for a token:
 * - `initial`: the first connect (later reconnects reuse the token they got);
 * - `expired`: the server closed with 4401 — the token must be fresh;
 * - `identity`: the server closed with 4407 — the unauthenticated identity must be extended.
 */
export type JwtReason = 'initial' | 'expired' | 'identity';

/** What a provider is told when asked for a token. */
export interface JwtRequest {
  /** Why a token is asked for. */
  readonly reason: JwtReason;
  /** The account the connection is for. */
  readonly accountId: string;
  /** The Domain API the connection uses (for IdP lookups). */
  readonly domainApi: string;
  /** The connection's `fetch`, if any. */
  readonly fetch: FetchLike | undefined;
}

/** A token now, later, or as an Observable (its first value is used). */
export type JwtSource = string | Promise<string> | Observable<string>;

/**
 * Supplies the LivePerson consumer JWT for InitConnection. It is asked on the first connect and
 * after 4401 / 4407 closes — never periodically, so a healthy socket is never torn down for a refresh.
 *
 * @example
 * import { createConnection } from 'lp-call-streams/connection';
 * createConnection({ accountId, auth: { jwt: () => fetchMyJwt() } });
 */
export interface AuthProvider {
  /** A token for the socket (a fresh one when `request.reason` says the last one was refused). */
  jwt(request: JwtRequest): JwtSource;
}

/** A {@link JwtSource} as a cold Observable of one token (errors if it yields none). */
export function fromJwtSource(source: () => JwtSource): Observable<string> {
  return defer(() => {
    const value = source();
    return isObservable(value) ? value : typeof value === 'string' ? of(value) : from(value);
  }).pipe(
    take(1),
    throwIfEmpty(() => new Error('the auth provider completed without a token')),
  );
}

/** Options shared by the IdP-backed providers. */
export interface IdpOptions {
  /** Overrides the connection's `fetch`. */
  readonly fetch?: FetchLike;
  /** Skip the Domain API lookup of `idp` and use this host. */
  readonly idpHost?: string;
}

/** The IdP of a request: the `fetch` to call it with and its host (looked up once per Domain API and account). */
interface Idp {
  readonly fetchFn: FetchLike;
  readonly host$: Observable<string>;
}

function idp(request: JwtRequest, options: IdpOptions, cache: Map<string, Observable<string>>): Idp {
  const fetchFn = options.fetch ?? request.fetch ?? globalFetch();
  if (fetchFn === undefined) throw new Error('no fetch available: pass `fetch` in the connection config');
  if (options.idpHost !== undefined) return { fetchFn, host$: of(options.idpHost) };
  const key = `${request.domainApi}|${request.accountId}`;
  const cached = cache.get(key) ?? lookupService(fetchFn, request.domainApi, request.accountId, 'idp').pipe(shareReplay({ bufferSize: 1, refCount: false }));
  cache.set(key, cached);
  return { fetchFn, host$: cached };
}

/** `POST {scheme}://{idp}/api/account/{accountId}/{path}` (scheme of the Domain API): the LP JWT of the answer. */
function postToIdp(request: JwtRequest, { fetchFn, host$ }: Idp, path: 'signup' | 'authenticate', init: Parameters<FetchLike>[1], secrets?: readonly string[]): Observable<string> {
  return host$.pipe(
    take(1),
    switchMap((host) => {
      const url = `${httpScheme(request.domainApi || defaultDomainApi)}://${host}/api/account/${encodeURIComponent(request.accountId)}/${path}`;
      return fetchJson(fetchFn, url, init, secrets).pipe(
        map((body) => {
          const jwt = stringField(body, 'jwt') ?? stringField(body, 'token');
          if (jwt === undefined) throw new HttpError(url, 0, 'the IdP answer has no jwt');
          return jwt;
        }),
      );
    }),
  );
}

/**
 * Unauthenticated consumer: looks up `idp` through the Domain API and signs up
 * (`POST https://{idp}/api/account/{accountId}/signup`). A refresh (4401 / 4407) signs up again,
 * which yields a new consumer identity. LivePerson documents signup as a demo method; use
 * {@link authenticated} in production.
 */
export function unauthenticated(options: IdpOptions = {}): AuthProvider {
  const hosts = new Map<string, Observable<string>>();
  return { jwt: (request) => postToIdp(request, idp(request, options, hosts), 'signup', { method: 'POST' }) };
}

/**
 * Authenticated consumer: exchanges a brand auth code (or brand-signed JWT) for an LP JWT
 * (`POST https://{idp}/api/account/{accountId}/authenticate` with `{ authCode }`). `getAuthCode` is
 * asked again on every refresh.
 */
export function authenticated(getAuthCode: (reason: JwtReason) => JwtSource, options: IdpOptions = {}): AuthProvider {
  const hosts = new Map<string, Observable<string>>();
  return {
    jwt: (request) => {
      const access = idp(request, options, hosts);
      return fromJwtSource(() => getAuthCode(request.reason)).pipe(
        switchMap((authCode) =>
          postToIdp(request, access, 'authenticate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ authCode }) }, [authCode]),
        ),
      );
    },
  };
}
