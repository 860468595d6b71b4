import { defer, from, type Observable } from 'rxjs';

/**
 * The answer of a browser call that returns a promise, as a cold Observable: calls it on subscribe;
 * errors (never completes empty) when the call throws, returns no promise, or the promise rejects.
 */
export function ask<T>(call: () => PromiseLike<T> | undefined): Observable<T> {
  return defer(() => {
    const answer = call();
    if (answer === undefined) throw new TypeError('the browser API is missing');
    return from(answer);
  });
}
