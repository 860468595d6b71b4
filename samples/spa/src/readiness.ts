/**
 * What the invitation banner says about this browser before the visitor accepts (call readiness):
 * e.g. "Your camera is blocked: allow it in the site settings to take the video call."
 */
import { exhaustMap, fromEvent, map, of, switchMap, type Observable } from 'rxjs';
import type { CallInvitation } from 'lp-call-streams';
import { callReadiness, requestCallPermission, type CallReadiness } from 'lp-call-streams/readiness';

/** The banner's sentence for a verdict (`''` when the browser is ready). */
export function readinessText(r: CallReadiness, call: 'video' | 'voice'): string {
  const kinds = 'kinds' in r ? r.kinds.join(' and ') : '';
  const plural = 'kinds' in r && r.kinds.length > 1;
  switch (r.status) {
    case 'ready':
      return '';
    case 'prompt':
      return `Your browser will ask for your ${kinds} when you accept.`;
    case 'unknown':
      return `Your browser may ask for your ${kinds} when you accept.`;
    case 'blocked':
      switch (r.reason) {
        case 'permission-denied':
          return `Your ${kinds} ${plural ? 'are' : 'is'} blocked: allow ${plural ? 'them' : 'it'} in the site settings to take the ${call} call.`;
        case 'no-device':
          return `No ${kinds} found: connect one to take the ${call} call.`;
        case 'no-webrtc':
          return 'This browser cannot take calls: open the page in a current Chrome, Edge, Firefox or Safari.';
        case 'insecure-context':
          return 'Calls need this page over https.';
      }
  }
}

export interface BannerReadiness {
  readonly text: string;
  /** `ready`, `prompt`, `unknown`, or `blocked:<reason>` (for styling and tests); `''` for no call. */
  readonly status: string;
  /** Show the "Allow camera and microphone" button (the browser would ask). */
  readonly canAsk: boolean;
}

const NONE: BannerReadiness = { text: '', status: '', canAsk: false };

/**
 * The readiness of each invitation's call, live (the user changing a permission updates it); clicks
 * on `allow` ask for the permission (the only prompt) and read everything again.
 */
export function bannerReadiness(invitation$: Observable<CallInvitation | undefined>, allow: HTMLButtonElement): Observable<BannerReadiness> {
  return invitation$.pipe(
    switchMap((invitation) => {
      const call = invitation?.kind === 'video' || invitation?.kind === 'voice' ? invitation.kind : undefined;
      if (call === undefined) return of(NONE);
      const mode = call === 'video' ? 'VIDEO_CALL' : 'VOICE_CALL';
      const recheck = fromEvent(allow, 'click').pipe(exhaustMap(() => requestCallPermission(mode)));
      return callReadiness(mode, { recheck }).pipe(
        map((r): BannerReadiness => ({
          text: readinessText(r, call),
          status: r.status === 'blocked' ? `blocked:${r.reason}` : r.status,
          canAsk: r.status === 'prompt' || r.status === 'unknown',
        })),
      );
    }),
  );
}
