import { asyncScheduler, combineLatest, defer, distinctUntilChanged, EMPTY, map, type Observable, of, type SchedulerLike, startWith, switchMap } from 'rxjs';
import { decideReadiness, mediaReading, supportBlock, webRtcSupport } from './decide';
import { deviceListing } from './device-listing';
import { browserEnvironment, type MediaEnvironment } from './environment';
import { permissionState } from './permission-state';
import { type CallMode, type CallReadiness, MEDIA_NEEDED, type MediaReadings } from './types';

/** How long one browser query (a permission, the device list) may take before it counts as unknown. */
export const DEFAULT_READINESS_TIMEOUT_MS = 3000;

/** Options of {@link callReadiness}. */
export interface CallReadinessConfig {
  /** The globals to read, called once per subscription. Default: the page's own (`browserEnvironment`). */
  readonly environment?: () => MediaEnvironment;
  /** Runs the timeouts. Default `asyncScheduler`. */
  readonly scheduler?: SchedulerLike;
  /** Per browser query. Default {@link DEFAULT_READINESS_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /**
   * Each value re-reads everything (permissions and devices), e.g. after
   * `requestCallPermission(mode)` where the Permissions API cannot report the change itself.
   */
  readonly recheck?: Observable<unknown>;
}

const sameReadiness = (a: CallReadiness, b: CallReadiness): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether this browser can take a call of `mode` (`VOICE_CALL`: microphone; `VIDEO_CALL`: camera +
 * microphone) before the consumer accepts it — **without prompting**. Cold: on subscribe it reads
 * WebRTC support, queries the Permissions API for each needed kind and lists the devices; it emits a
 * new verdict when the user changes a permission (PermissionStatus `change`), when devices come or
 * go (`devicechange`) and on every `recheck`, only when the verdict changed. Never errors: a missing
 * or failing browser API is part of the value (`unknown`, or a `blocked` reason). An insecure page or
 * one without WebRTC gets one `blocked` value and completes. Teardown removes every listener.
 *
 * ```
 * permission (camera):  p-----------g-----    p: prompt, g: granted (user allowed it in site settings)
 * devicechange:         ------x-----------    (camera unplugged and plugged back: same verdict)
 * result:               P-----------R-----    P: { status: 'prompt', kinds: ['camera'] }, R: { status: 'ready' }
 * ```
 *
 * @example
 * import { callReadiness } from 'lp-call-streams/readiness';
 * callReadiness('VIDEO_CALL').subscribe((r) => {
 *   if (r.status === 'blocked' && r.reason === 'permission-denied') render(`Your ${r.kinds.join(' and ')} is blocked: allow it to take the video call`);
 * });
 */
export function callReadiness(mode: CallMode, config: CallReadinessConfig = {}): Observable<CallReadiness> {
  const { environment = browserEnvironment, scheduler = asyncScheduler, timeoutMs = DEFAULT_READINESS_TIMEOUT_MS, recheck = EMPTY } = config;
  return defer(() => {
    const env = environment();
    const support = webRtcSupport(env);
    if (supportBlock(support)) return of(decideReadiness(mode, support, {}));
    const kinds = MEDIA_NEEDED[mode];
    const permissions$ = combineLatest(kinds.map((kind) => permissionState(env.navigator?.permissions, kind, scheduler, timeoutMs)));
    // A permission change also changes what enumerateDevices shows (labels): list again after each.
    const read$ = permissions$.pipe(
      switchMap((states) =>
        deviceListing(env.navigator?.mediaDevices, scheduler, timeoutMs).pipe(
          map((devices) => {
            const media: MediaReadings = Object.fromEntries(kinds.map((kind, i) => [kind, mediaReading(states[i] ?? 'unsupported', devices[kind])]));
            return decideReadiness(mode, support, media);
          }),
        ),
      ),
    );
    return recheck.pipe(
      startWith(undefined),
      switchMap(() => read$),
      distinctUntilChanged(sameReadiness),
    );
  });
}
