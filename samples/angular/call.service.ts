/**
 * An Angular-style call service: the client's hot streams as service properties for the `async`
 * pipe, cold commands as methods, and `ngOnDestroy` that ends everything. No Angular import: the
 * class has the shape Angular expects, so it works as a provider as is (see samples/README.md).
 */
import { distinctUntilChanged, map, shareReplay, Subject, takeUntil, type Observable } from 'rxjs';
import type { CallClient, CallError, CallInvitation, CallState } from 'lp-call-streams';

/** The invitation waiting for the visitor's answer (`invited`/`offered`), or `undefined`. */
const pendingInvitation = (state: CallState): CallInvitation | undefined =>
  state.status === 'invited' || state.status === 'offered' ? state.dialog : undefined;

/**
 * Wraps a {@link CallClient} for Angular components. Every stream and command is bound to the
 * service's lifetime: `ngOnDestroy` completes them, so the client's last subscriber goes away and
 * it closes the socket (1000), unbinds its lpTag listeners and removes the call screen.
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * // providers: [{ provide: CallService, useFactory: () => new CallService(createCallClient(config)) }]
 * // template:  @if (calls.invitation$ | async; as invitation) { <button (click)="calls.accept(invitation).subscribe()">Answer</button> }
 */
export class CallService {
  private readonly destroySubject$ = new Subject<void>();

  /** The call session; replays the latest state to each component. */
  readonly session$: Observable<CallState>;
  /** The call invitation waiting for an answer, or `undefined` once answered, expired or withdrawn. */
  readonly invitation$: Observable<CallInvitation | undefined>;
  /** Errors LivePerson's call app reported (no camera, agent gone, …), as values. */
  readonly error$: Observable<CallError>;

  constructor(private readonly client: CallClient) {
    this.session$ = client.session$.pipe(takeUntil(this.destroySubject$));
    this.invitation$ = this.session$.pipe(
      map(pendingInvitation),
      distinctUntilChanged((a, b) => a?.dialogId === b?.dialogId),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.error$ = client.error$.pipe(takeUntil(this.destroySubject$));
  }

  /** Accepts: emits `accepting`, then `active`, then completes; errors with `CallIntentError` if refused. */
  accept(invitation: CallInvitation | string): Observable<CallState> {
    return this.client.accept(invitation).pipe(takeUntil(this.destroySubject$));
  }

  /** Declines: emits `declined`, then completes; errors with `CallIntentError` if refused. */
  decline(invitation: CallInvitation | string): Observable<CallState> {
    return this.client.decline(invitation).pipe(takeUntil(this.destroySubject$));
  }

  /** Angular calls this when the injector that made the service is destroyed. */
  ngOnDestroy(): void {
    this.destroySubject$.next();
    this.destroySubject$.complete();
  }
}
