import { catchError, concatMap, endWith, ignoreElements, of, type Observable, type OperatorFunction } from 'rxjs';
import { PublishError } from '../errors';
import type { SessionPublishRequest } from './ports';
import type { SessionEvent } from './session-event';

/** The outcome event of a failed publish; the error is narrowed, never rethrown. */
function failed(request: SessionPublishRequest, error: unknown): SessionEvent {
  return {
    type: 'publish-failed',
    event: request.event,
    dialogId: 'dialog' in request ? request.dialog.dialogId : undefined,
    field: error instanceof PublishError ? error.field : undefined,
    message: error instanceof Error ? error.message : 'publish failed',
  };
}

/**
 * Runs each publish request in order through `publish` and emits its outcome as a session event
 * (`published` on completion, `publish-failed` on error: errors are values, the stream lives on).
 *
 * ```
 * request: -a---b--|
 * publish:  (|)  #          (b fails)
 * result:  -P---F--|        P: published, F: publish-failed
 * ```
 */
export function publishRequests(publish: (request: SessionPublishRequest) => Observable<unknown>): OperatorFunction<SessionPublishRequest, SessionEvent> {
  return (request$) => request$.pipe(
    concatMap((request) =>
      publish(request).pipe(
        ignoreElements(),
        endWith<SessionEvent>({ type: 'published', event: request.event, dialogId: 'dialog' in request ? request.dialog.dialogId : undefined }),
        catchError((error: unknown) => of(failed(request, error))),
      ),
    ),
  );
}
