import { type Observable, race, switchMap, take } from 'rxjs';
import type { CallClient } from 'lp-call-streams';

/** Your integration: each call is accepted on the first Accept click, or declined on Decline. */
export function answerCalls(client: CallClient, accept$: Observable<unknown>, decline$: Observable<unknown>): Observable<unknown> {
  return client.invitation$.pipe(
    switchMap((invitation) =>
      race(
        accept$.pipe(take(1), switchMap(() => client.accept(invitation))),
        decline$.pipe(take(1), switchMap(() => client.decline(invitation))),
      ),
    ),
  );
}
