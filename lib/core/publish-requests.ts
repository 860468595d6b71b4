import { catchError, concatMap, connect, defer, EMPTY, endWith, filter, ignoreElements, map, of, takeUntil, type Observable, type OperatorFunction } from 'rxjs';
import { PublishError } from '../errors';
import type { CallPublish, EffectOutcome } from './types';

const dialogIdOf = (request: CallPublish): string | undefined => ('dialog' in request ? request.dialog.dialogId : undefined);

/** The resumed call, which `sliderOpened` belongs to (no dialog id can be equal to it). */
const RESUMED_CALL = Symbol('resumed call');

/** Which call a request belongs to: its dialog, or the resumed call (`sliderOpened`). */
const callOf = (request: CallPublish): string | symbol => dialogIdOf(request) ?? RESUMED_CALL;

/** The outcome event of a failed publish; the error is narrowed, never rethrown. */
function failed(request: CallPublish, error: unknown): EffectOutcome {
  return {
    type: 'publish-failed',
    event: request.event,
    dialogId: dialogIdOf(request),
    field: error instanceof PublishError ? error.field : undefined,
    message: error instanceof Error ? error.message : 'publish failed',
  };
}

/**
 * Runs publish requests through `publish` and emits each outcome (`published`
 * on completion, `publish-failed` on error: errors are values, the stream lives on).
 *
 * One call's publishes run one at a time, in order. A request for another call (another dialog, or
 * `sliderOpened` of a resumed call) drops what the previous call still had in flight or queued, so
 * no call's publish can ever wait behind another's.
 *
 * ```
 * request: -a---b--|         a, b: same call
 * publish:  (|)  #           (b fails)
 * result:  -P---F--|         P: published, F: publish-failed
 *
 * request: -a-x----|         a: call 1 (publish never completes), x: call 2
 * publish:  ^-!              (a is dropped when x arrives)
 * result:  ---X----|         X: x published
 * ```
 */
export function publishRequests(publish: (request: CallPublish) => Observable<unknown>): OperatorFunction<CallPublish, EffectOutcome> {
  return (request$) =>
    defer(() => {
      let epoch = 0;
      let call: string | symbol | undefined;
      const publishOne = (request: CallPublish): Observable<EffectOutcome> =>
        publish(request).pipe(
          ignoreElements(),
          endWith<EffectOutcome>({ type: 'published', event: request.event, dialogId: dialogIdOf(request) }),
          catchError((error: unknown) => of(failed(request, error))),
        );
      return request$.pipe(
        map((request) => {
          if (callOf(request) !== call) {
            call = callOf(request);
            epoch += 1;
          }
          return { request, epoch };
        }),
        connect((tagged$) =>
          tagged$.pipe(
            concatMap(({ request, epoch: mine }) =>
              mine !== epoch ? EMPTY : publishOne(request).pipe(takeUntil(tagged$.pipe(filter((next) => next.epoch !== mine)))),
            ),
          ),
        ),
      );
    });
}
