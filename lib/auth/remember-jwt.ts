import { tap } from 'rxjs';
import { fromJwtSource, type AuthProvider } from './auth';

/** The part of `Storage` (`sessionStorage`, `localStorage`) a remembered token needs. */
export interface JwtStorage {
  /** The value stored under `key`, or `null`. */
  getItem(key: string): string | null;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): void;
  /** Forgets `key`. */
  removeItem(key: string): void;
}

/**
 * Keeps the consumer's token across page reloads: the first connect of a page reuses the token
 * stored for this account; a refresh (4401 / 4407) forgets it and stores the new one.
 *
 * Why: with `unauthenticated()`, every page load would otherwise sign up a *new* consumer, so after
 * a reload during a call the page no longer sees its conversation or the resumed call's dialog.
 * Use `sessionStorage` to keep the identity per tab (what a resumed call needs). The token is
 * readable by any script of the page, like every browser-held LivePerson token; it never goes into
 * a URL or a log.
 *
 * @example
 * import { createCallClient, rememberJwt, unauthenticated } from 'lp-call-streams';
 * createCallClient({ accountId, auth: rememberJwt(unauthenticated(), sessionStorage), visitor });
 */
export function rememberJwt(inner: AuthProvider, storage: JwtStorage, key = 'lp-call-streams.jwt'): AuthProvider {
  return {
    jwt: (request) => {
      const slot = `${key}:${request.accountId}`;
      if (request.reason === 'initial') {
        const kept = storage.getItem(slot);
        if (kept !== null && kept !== '') return kept;
      } else {
        storage.removeItem(slot);
      }
      return fromJwtSource(() => inner.jwt(request)).pipe(tap((jwt) => storage.setItem(slot, jwt)));
    },
  };
}
