/**
 * The README's quickstart, type-checked and linted with the rest (`npm test`). The page objects
 * it talks to (buttons, banner, toast) stand for your own UI.
 */
import { catchError, EMPTY, fromEvent, race, switchMap, take, tap } from 'rxjs';
import { createCallClient, rememberJwt, unauthenticated } from 'lp-call-streams';

declare const acceptButton: HTMLButtonElement;
declare const declineButton: HTMLButtonElement;
declare const statusBadge: HTMLElement;
declare function showBanner(kind: string, expiresAt: number | undefined): void;
declare function hideBanner(reason: string): void;
declare function showToast(message: string): void;

// ── README quickstart, verbatim from here ──
const client = createCallClient({
  accountId: '12345678',
  auth: rememberJwt(unauthenticated(), sessionStorage), // same visitor after a reload; or { jwt: () => myBackend.lpJwt() }
  visitor: { name: 'Jane Doe' },                       // ssid/svid come from lp_monitoringSDK (fallbacks configurable)
  container: { parent: () => document.querySelector('#call'), loadingText: 'Connecting your call…' },
});
const accept$ = fromEvent(acceptButton, 'click');
const decline$ = fromEvent(declineButton, 'click');

client.connection$.subscribe((s) => (statusBadge.textContent = s.status));
client.invitation$.pipe(                                                   // one call at a time: each one can be accepted
  tap((invitation) => showBanner(invitation.kind, invitation.expiresAt)),  // cobrowseOffered is already published
  switchMap((invitation) => race(
    accept$.pipe(take(1), tap(() => hideBanner('accepted')), switchMap(() => client.accept(invitation))), // container, cobrowseAccepted; done when the call is on
    decline$.pipe(take(1), switchMap(() => client.decline(invitation))),   // cobrowseDeclined
  ).pipe(
    catchError((error: unknown) => {                                       // CallIntentError: cancelled a moment ago, the call failed, …
      showToast(error instanceof Error ? error.message : String(error));
      return EMPTY;                                                        // later invitations still work
    }),
  )),
).subscribe();
client.closed$.subscribe(({ reason }) => hideBanner(reason));             // hangup | cancelled | expired | failed | …
client.error$.subscribe(({ message }) => showToast(message));            // UNABLE_TO_CONNECT, NO_CAMERA_ACCESS, …
client.diagnostic$.subscribe((d) => console.debug('lp-call-streams', d));
// After a reload during a call, sessionResume is answered for you: container + sliderOpened.
