import { defer, EMPTY, filter, finalize, map, merge, type Observable, type SchedulerLike, take, throwError, timeout } from 'rxjs';
import { ConnectionLostError, RequestError, RequestTimeoutError } from '../errors';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { buildRequest, decodeResponseBody, isResponse } from '../protocol';
import type { RequestBodies, RequestFrame, RequestType, ResponseBodies, ResponseFrame } from 'lp-call-streams/protocol';
import type { Link } from './link';
import { ResponseDecodeError } from './response-decode-error';

/** A successful (`code` < 400) response with its body decoded for the request type. */
export interface TypedResponse<T extends RequestType> {
  readonly reqId: string;
  readonly code: number;
  readonly body: ResponseBodies[T];
}

export interface ExchangeOptions {
  /** Give up after this long (RequestTimeoutError). `undefined`: wait as long as the socket lives. */
  readonly timeoutMs: number | undefined;
  readonly scheduler: SchedulerLike;
}

function toTyped<T extends RequestType>(type: T, response: ResponseFrame): TypedResponse<T> {
  if (response.code >= 400) throw new RequestError(type, response.code, response.body);
  const decoded = decodeResponseBody(type, response.body);
  if (!decoded.ok) throw new ResponseDecodeError(type, response.code, decoded.error.message);
  return { reqId: response.reqId, code: response.code, body: decoded.value };
}

/**
 * Sends `frame` on `link` and emits its typed response: listen, then send, `take(1)`, `timeout`.
 * The subscription is the pending request — unsubscribing forgets it, nothing is kept elsewhere.
 *
 * Errors: `RequestError` (code ≥ 400), `RequestTimeoutError`, `ConnectionLostError` (the socket died
 * first, or was already dead), `ResponseDecodeError` (a 2xx body of the wrong shape).
 *
 * ```
 * frame$:  ---r---        (r answers the frame's id)
 * result:  ---(r|)
 * closed$: --c            → result: --#  (ConnectionLostError)
 * ```
 */
export function exchange<T extends RequestType>(link: Link, frame: RequestFrame<T>, options: ExchangeOptions): Observable<TypedResponse<T>> {
  return defer(() => {
    const { timeoutMs } = options;
    const response$ = link.frame$.pipe(filter((response): response is ResponseFrame => isResponse(response) && response.reqId === frame.id));
    const lost$ = link.closed$.pipe(
      map((close) => {
        throw new ConnectionLostError(frame.type, close.code);
      }),
    );
    const send$ = defer(() => {
      link.send(frame);
      return EMPTY;
    });
    const answered$ = merge(response$, lost$, send$).pipe(take(1));
    const timed$ =
      timeoutMs === undefined
        ? answered$
        : answered$.pipe(
            timeout({
              first: timeoutMs,
              scheduler: clampScheduler(options.scheduler),
              with: () => throwError(() => new RequestTimeoutError(frame.type, timeoutMs)),
            }),
          );
    return timed$.pipe(
      map((response) => toTyped(frame.type, response)),
      finalize(() => link.forget(frame.id)),
    );
  });
}

/** Builds a request with the link's next id and {@link exchange}s it. */
export function sendRequest<T extends RequestType>(link: Link, type: T, body: RequestBodies[T], options: ExchangeOptions): Observable<TypedResponse<T>> {
  return defer(() => exchange(link, buildRequest(link.nextId(), type, body), options));
}
