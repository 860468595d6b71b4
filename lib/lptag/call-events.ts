import { map, type Observable } from 'rxjs';
import type { CallResume } from '../core/types';
import { decodeCallError, type CallError } from './call-error';
import type { LpTagConfig } from './diagnostics';
import { fromLpTagEvent } from './from-lptag-event';
import type { LpTagSource } from './lptag-like';

/** The LivePerson call app's own lpTag app name (events it fires for the page). */
export const CALL_APP = 'cobrowse';

export type { CallResume } from '../core/types';

/**
 * `cobrowse` / `sessionError` as typed {@link CallError} values. A malformed payload is still a
 * value (`id: 'UNKNOWN'` or `message: ''`) plus an `lptag-invalid-payload` diagnostic; never an error.
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import { fromSessionError } from 'lp-call-streams';
 * fromSessionError(() => window.lpTag, { scheduler: asyncScheduler }).subscribe(({ id, message }) => render(`${id}: ${message}`));
 */
export function fromSessionError(source: LpTagSource, config: LpTagConfig): Observable<CallError> {
  return fromLpTagEvent(source, CALL_APP, 'sessionError', { ...config, replay: false }).pipe(
    map(({ data }) => {
      const { error, problems } = decodeCallError(data);
      if (problems.length > 0) config.onDiagnostic?.({ type: 'lptag-invalid-payload', app: CALL_APP, event: 'sessionError', problems });
      return error;
    }),
  );
}

/**
 * `cobrowse` / `sessionResume`, replaying one that fired before subscribe (the call app may fire it
 * before this library loads). React by (re)creating the call container and publishing `sliderOpened`.
 *
 * @example
 * import { asyncScheduler } from 'rxjs';
 * import { fromSessionResume } from 'lp-call-streams';
 * fromSessionResume(() => window.lpTag, { scheduler: asyncScheduler }).subscribe(({ replayed }) => render(replayed));
 */
export function fromSessionResume(source: LpTagSource, config: LpTagConfig): Observable<CallResume> {
  return fromLpTagEvent(source, CALL_APP, 'sessionResume', { ...config, replay: true }).pipe(
    map(({ data, replayed }) => ({ replayed, data })),
  );
}
