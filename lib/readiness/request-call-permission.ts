import { Observable } from 'rxjs';
import { browserEnvironment, type MediaEnvironment, type MediaStreamLike } from './environment';
import { type CallMode, MEDIA_NEEDED, type MediaKind } from './types';

/** Why `getUserMedia` refused, from the error's `name`. */
export type PermissionFailure = 'permission-denied' | 'no-device' | 'device-busy' | 'insecure-context' | 'no-webrtc' | 'other';

/** The answer to {@link requestCallPermission}. */
export type CallPermissionResult =
  | { readonly outcome: 'granted'; readonly mode: CallMode; readonly kinds: readonly MediaKind[] }
  | {
      readonly outcome: 'failed';
      readonly mode: CallMode;
      readonly kinds: readonly MediaKind[];
      readonly reason: PermissionFailure;
      /** The error's `name` (e.g. `NotAllowedError`), `''` if it had none. */
      readonly errorName: string;
      readonly message: string;
    };

const FAILURES: ReadonlyMap<string, PermissionFailure> = new Map([
  ['NotAllowedError', 'permission-denied'],
  ['PermissionDeniedError', 'permission-denied'], // old Chrome
  ['SecurityError', 'permission-denied'], // e.g. a permissions policy
  ['NotFoundError', 'no-device'],
  ['DevicesNotFoundError', 'no-device'], // old Chrome
  ['OverconstrainedError', 'no-device'],
  ['NotReadableError', 'device-busy'],
  ['TrackStartError', 'device-busy'], // old Chrome
  ['AbortError', 'device-busy'],
]);

/** `name` and `message` of whatever getUserMedia threw or rejected with (a DOMException, usually). */
const describe = (error: unknown): { readonly name: string; readonly message: string } => {
  if (typeof error !== 'object' || error === null) return { name: '', message: '' };
  const name = 'name' in error && typeof error.name === 'string' ? error.name : '';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return { name, message };
};

const stopAll = (stream: MediaStreamLike): void => {
  for (const track of stream.getTracks()) track.stop();
};

/**
 * Asks the browser for the devices `mode` needs — **this prompts** where the permission is not
 * decided yet — and stops every captured track at once. Cold: `getUserMedia` runs on subscribe;
 * emits one {@link CallPermissionResult} and completes; never errors (a refusal is a value). Unsubscribing
 * first drops the answer, but tracks that still arrive are stopped. No timeout: the user may take
 * their time to answer the prompt.
 *
 * ```
 * user answers:  -------a
 * result:        -------(r|)    r: { outcome: 'granted' } or { outcome: 'failed', reason }
 * ```
 *
 * @example
 * import { requestCallPermission } from 'lp-call-streams/readiness';
 * document.querySelector('button')?.addEventListener('click', () => requestCallPermission('VIDEO_CALL').subscribe((r) => log(r.outcome)));
 */
export function requestCallPermission(mode: CallMode, config: { readonly environment?: () => MediaEnvironment } = {}): Observable<CallPermissionResult> {
  const { environment = browserEnvironment } = config;
  const kinds = MEDIA_NEEDED[mode];
  return new Observable<CallPermissionResult>((subscriber) => {
    // After an unsubscribe the subscriber is closed and drops these.
    const answer = (result: CallPermissionResult): void => {
      subscriber.next(result);
      subscriber.complete();
    };
    const fail = (reason: PermissionFailure | undefined, error: unknown): void => {
      const { name, message } = describe(error);
      answer({ outcome: 'failed', mode, kinds, reason: reason ?? FAILURES.get(name) ?? 'other', errorName: name, message });
    };
    const env = environment();
    const mediaDevices = env.navigator?.mediaDevices;
    if (env.isSecureContext === false) fail('insecure-context', undefined);
    else if (typeof mediaDevices?.getUserMedia !== 'function') fail('no-webrtc', undefined);
    else {
      try {
        const pending = mediaDevices.getUserMedia({ audio: true, video: kinds.includes('camera') });
        pending.then(
          (stream) => {
            stopAll(stream);
            answer({ outcome: 'granted', mode, kinds });
          },
          (error: unknown) => fail(undefined, error),
        );
      } catch (error: unknown) {
        fail(undefined, error);
      }
    }
  });
}
