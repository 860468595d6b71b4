import { catchError, map, type Observable, of, type SchedulerLike, startWith, switchMap, timeout } from 'rxjs';
import type { PermissionsLike, PermissionStatusLike } from './environment';
import { ask } from './ask';
import { listenTo } from './listen';
import type { MediaKind } from './types';
import { clampScheduler } from '../scheduling/clamp-scheduler';

/** What the Permissions API says about one kind; `unsupported`: it cannot say (use a fallback). */
export type PermissionApiState = 'granted' | 'denied' | 'prompt' | 'unsupported';

const readState = (status: PermissionStatusLike): PermissionApiState => {
  const state: unknown = status.state;
  return state === 'granted' || state === 'denied' || state === 'prompt' ? state : 'unsupported';
};

/**
 * The permission state of `kind` from `navigator.permissions.query({ name: kind })`, then again on
 * every `change` of that PermissionStatus (the user flipping it in the site settings). Never errors:
 * no API, a rejected query (browsers that do not know the name reject it with a TypeError), a
 * throwing one, one that does not answer within `timeoutMs`, or a state we do not know all give
 * `unsupported`. Never prompts.
 *
 * ```
 * query answers:    --g                (g: PermissionStatus, state 'granted')
 * change (denied):  ------c
 * result:           --g---d-           (teardown removes the change listener)
 * ```
 */
export function permissionState(permissions: PermissionsLike | undefined, kind: MediaKind, scheduler: SchedulerLike, timeoutMs: number): Observable<PermissionApiState> {
  if (typeof permissions?.query !== 'function') return of('unsupported');
  return ask(() => permissions.query?.({ name: kind })).pipe(
    timeout({ first: timeoutMs, scheduler: clampScheduler(scheduler) }),
    switchMap((status) => listenTo(status, 'change').pipe(startWith(undefined), map(() => readState(status)))),
    catchError(() => of('unsupported' as const)),
  );
}
