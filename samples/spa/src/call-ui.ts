/**
 * The call UI: session state, the incoming-call banner (accept, decline, countdown to expiry) and
 * the errors. The call screen container itself is created by the library (see `main.ts`).
 */
import {
  asyncScheduler,
  catchError,
  distinctUntilChanged,
  EMPTY,
  exhaustMap,
  filter,
  fromEvent,
  ignoreElements,
  map,
  merge,
  of,
  shareReplay,
  Subscription,
  switchMap,
  takeWhile,
  timer,
  withLatestFrom,
  type Observable,
} from 'rxjs';
import { CallIntentError, type CallClient, type CallInvitation, type CallState, type ClosedCall } from 'lp-call-streams';
import { byTestId, messageOf, showStatus } from './dom';
import { bannerReadiness } from './readiness';
import { describeState } from './streams-log';

/** The invitation the visitor can answer now (session `invited` or `offered`), if any. */
const answerable = (state: CallState): CallInvitation | undefined =>
  (state.status === 'invited' || state.status === 'offered') && state.dialog.isCall ? state.dialog : undefined;

/** Whole seconds left until `expiresAt`, every second, down to 0. */
const countdown = (expiresAt: number | undefined): Observable<string> =>
  expiresAt === undefined
    ? of('–')
    : timer(0, 1000).pipe(
        map(() => Math.max(0, Math.ceil((expiresAt - asyncScheduler.now()) / 1000))),
        takeWhile((seconds) => seconds > 0, true),
        map((seconds) => String(seconds)),
      );

export function mountCallUi(client: CallClient): Subscription {
  const sessionText = byTestId('session-state', HTMLOutputElement);
  const banner = byTestId('invitation-banner', HTMLDivElement);
  const bannerText = byTestId('invitation-text', HTMLParagraphElement);
  const countdownText = byTestId('invitation-countdown', HTMLSpanElement);
  const errorText = byTestId('call-error', HTMLParagraphElement);
  const readinessText = byTestId('invitation-readiness', HTMLParagraphElement);
  const allowButton = byTestId('allow-media', HTMLButtonElement);

  const invitation$ = client.session$.pipe(
    map(answerable),
    distinctUntilChanged((a, b) => a?.dialogId === b?.dialogId),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  /** Clicks on `testId` run `command` for the current invitation; its failure comes out as text. */
  const answer = (testId: string, command: (invitation: CallInvitation) => Observable<CallState>): Observable<string> =>
    fromEvent(byTestId(testId, HTMLButtonElement), 'click').pipe(
      withLatestFrom(invitation$),
      map(([, invitation]) => invitation),
      filter((invitation) => invitation !== undefined),
      exhaustMap((invitation) =>
        command(invitation).pipe(
          ignoreElements(),
          // A call that failed is told below (error$, closed$): the command's own error would repeat it.
          catchError((error: unknown) => (error instanceof CallIntentError && error.reason === 'call-failed' ? EMPTY : of(messageOf(error)))),
        ),
      ),
    );

  const error$ = merge(
    answer('accept-call', (invitation) => client.accept(invitation)),
    answer('decline-call', (invitation) => client.decline(invitation)),
    client.error$.pipe(map(({ id, message }) => (message === '' ? id : `${id}: ${message}`))),
    // A call that failed here for a reason of its own (no call screen, a refused publish).
    client.closed$.pipe(
      filter((call): call is Extract<ClosedCall, { readonly reason: 'failed' }> => call.reason === 'failed' && call.failure.type !== 'session-error'),
      map((call) => call.failure.message),
    ),
    invitation$.pipe(
      filter((invitation) => invitation !== undefined),
      map(() => ''),
    ),
  );

  const subscription = new Subscription();
  subscription.add(client.session$.subscribe((state) => showStatus(sessionText, state.status, describeState(state))));
  subscription.add(
    invitation$.subscribe((invitation) => {
      banner.hidden = invitation === undefined;
      banner.dataset['kind'] = invitation?.kind ?? '';
      bannerText.textContent = invitation === undefined ? '' : `Incoming ${invitation.kind} call`;
    }),
  );
  subscription.add(invitation$.pipe(switchMap((invitation) => (invitation === undefined ? of('–') : countdown(invitation.expiresAt)))).subscribe((text) => (countdownText.textContent = text)));
  subscription.add(error$.subscribe((message) => (errorText.textContent = message)));
  subscription.add(
    bannerReadiness(invitation$, allowButton).subscribe(({ text, status, canAsk }) => {
      showStatus(readinessText, status, text);
      allowButton.hidden = !canAsk;
    }),
  );
  return subscription;
}
