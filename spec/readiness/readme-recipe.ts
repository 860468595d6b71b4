import { callReadiness, requestCallPermission, type CallReadiness } from 'lp-call-streams/readiness';
import { shareReplay, Subject, type Subscription, switchMap } from 'rxjs';

/** What the invitation banner says about this browser ('' when there is nothing to say). */
export function readinessText(r: CallReadiness): string {
  const kinds = 'kinds' in r ? r.kinds.join(' and ') : '';
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
          return `Your ${kinds} is blocked: allow it in the site settings to take the call.`;
        case 'no-device':
          return `No ${kinds} found: connect one to take the call.`;
        case 'no-webrtc':
          return 'This browser cannot take calls: open the page in a current Chrome, Edge, Firefox or Safari.';
        case 'insecure-context':
          return 'Calls need this page over https.';
      }
  }
}

/** Keeps `banner` and an "Allow camera and microphone" button in step with the browser. */
export function showVideoReadiness(banner: HTMLElement, allowButton: HTMLButtonElement): Subscription {
  const allowClicks = new Subject<void>(); // private to this function
  allowButton.onclick = () => allowClicks.next();
  // The prompt happens only on that click. Where the Permissions API cannot report the answer
  // itself (Firefox without the camera/microphone names, older Safari), read everything again after it.
  const readiness$ = callReadiness('VIDEO_CALL', {
    recheck: allowClicks.pipe(switchMap(() => requestCallPermission('VIDEO_CALL'))),
  }).pipe(shareReplay({ bufferSize: 1, refCount: true })); // one watch, however many subscribers
  return readiness$.subscribe((r) => {
    banner.textContent = readinessText(r);
    allowButton.hidden = r.status !== 'prompt' && r.status !== 'unknown';
  });
}
