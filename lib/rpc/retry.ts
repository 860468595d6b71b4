import { defer, type MonoTypeOperatorFunction, type Observable, retry, type SchedulerLike, throwError, timer, asyncScheduler } from 'rxjs';
import { RequestError } from '../errors';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** LivePerson's retry guidance as options (all times in ms). */
export interface RetryRequestConfig {
  /** Waits before each retry of a 5xx response; its length is the number of retries. Default `[5000, 10000, 15000]`. */
  readonly serverErrorDelaysMs: readonly number[];
  /** Wait before retry n of a 429 is `n × rateLimitDelayMs` (never under 1 s). Default 1 000. */
  readonly rateLimitDelayMs: number;
  /** Retries of 429 responses. Default 5. */
  readonly maxRateLimitRetries: number;
  /** Also retry other errors this predicate accepts (e.g. timeouts for idempotent requests), after `rateLimitDelayMs`. */
  readonly retryAlso?: (error: unknown) => boolean;
  readonly scheduler: SchedulerLike;
}

export const defaultRetryRequestConfig: RetryRequestConfig = {
  serverErrorDelaysMs: [5_000, 10_000, 15_000],
  rateLimitDelayMs: 1_000,
  maxRateLimitRetries: 5,
  scheduler: asyncScheduler,
};

/** Retries so far, per kind of error. */
interface RetryCounts {
  rateLimited: number;
  serverErrors: number;
  other: number;
}

/** Which count a retry of `error` adds to (a RequestError that is retried is a 429 or a 5xx). */
const countOf = (error: unknown): keyof RetryCounts => (error instanceof RequestError ? (error.code === 429 ? 'rateLimited' : 'serverErrors') : 'other');

/** How long to wait before the next retry of `error`, or `undefined` to give up. Pure. */
export function retryDelayFor(error: unknown, counts: Readonly<RetryCounts>, config: RetryRequestConfig): number | undefined {
  if (error instanceof RequestError) {
    if (error.code === 429) {
      return counts.rateLimited < config.maxRateLimitRetries ? Math.max(1_000, config.rateLimitDelayMs * (counts.rateLimited + 1)) : undefined;
    }
    if (error.code >= 500) return config.serverErrorDelaysMs[counts.serverErrors];
    return undefined; // other 4xx: fix the request, retrying will not help
  }
  return config.retryAlso?.(error) === true && counts.other < config.serverErrorDelaysMs.length ? Math.max(1_000, config.rateLimitDelayMs) : undefined;
}

/**
 * Opt-in retry for `request()` following LivePerson's guidance: 429 → wait ≥ 1 s (growing);
 * 5xx → 3 retries after 5, 10 and 15 s; other 4xx → no retry. Resubscribes the (cold) request,
 * so each retry is a new request with a new id.
 *
 * ```
 * source:  #              (RequestError 503), then on retry: ---r|
 * result:  ---- 5 s ---------r|
 * ```
 *
 * @example
 * import { retryRequest } from 'lp-call-streams/connection';
 * connection.request('GetClock', undefined).pipe(retryRequest()).subscribe((response) => render(response.body));
 */
export function retryRequest<T>(config: Partial<RetryRequestConfig> = {}): MonoTypeOperatorFunction<T> {
  const full: RetryRequestConfig = { ...defaultRetryRequestConfig, ...config };
  return (source: Observable<T>) =>
    defer(() => {
      const counts: RetryCounts = { rateLimited: 0, serverErrors: 0, other: 0 };
      return source.pipe(
        retry({
          delay: (error: unknown) => {
            const delayMs = retryDelayFor(error, counts, full);
            if (delayMs === undefined) return throwError(() => error);
            counts[countOf(error)] += 1;
            return timer(delayMs, clampScheduler(full.scheduler));
          },
        }),
      );
    });
}
