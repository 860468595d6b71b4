import { catchError, defer, EMPTY, type Observable, switchMap } from 'rxjs';
import { ConnectionLostError, RequestTimeoutError } from '../errors';
import type { RequestBodies, RequestType } from '../protocol/types';
import type { Link } from '../rpc/link';
import { type ExchangeOptions, sendRequest, type TypedResponse } from '../rpc/request';
import { retryRequest } from '../rpc/retry';

/** What a subscription that survives reconnects needs (its requests' `timeoutMs` and `scheduler`, too). */
export interface SubscriptionDeps extends ExchangeOptions {
  /** The current open link, `undefined` while there is none (distinct values). */
  readonly link$: Observable<Link | undefined>;
  readonly timeoutMs: number;
  /** A (re-)subscribe failed on a link for good; it is tried again on the next link. */
  readonly onFailure: (requestType: string, error: unknown) => void;
}

/** `onLink` on each new link, until the next one (nothing while there is none). */
export function onEveryLink<T>(deps: SubscriptionDeps, onLink: (link: Link) => Observable<T>): Observable<T> {
  return deps.link$.pipe(switchMap((link) => (link === undefined ? EMPTY : onLink(link))));
}

/**
 * A subscribe request on `link`, retried as LivePerson advises (timeouts too: subscribing again is
 * harmless). `body()` is read at each try. Failing for good, it reports through `deps.onFailure` and
 * completes, except when the link died: the next link subscribes anyway.
 */
export function subscribeOn<T extends RequestType>(link: Link, type: T, body: () => RequestBodies[T], deps: SubscriptionDeps): Observable<TypedResponse<T>> {
  return defer(() => sendRequest(link, type, body(), deps)).pipe(
    retryRequest({ scheduler: deps.scheduler, retryAlso: (error) => error instanceof RequestTimeoutError }),
    catchError((error: unknown) => {
      if (!(error instanceof ConnectionLostError)) deps.onFailure(type, error);
      return EMPTY;
    }),
  );
}
