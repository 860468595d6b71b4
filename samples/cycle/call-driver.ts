/**
 * A Cycle.js driver sketch over the call client, on RxJS instead of xstream: the sink is a stream
 * of commands, the source gives the session, the invitations and per-dialog views. All effects
 * (the socket, lpTag, the call screen) stay in the driver; `main` stays a pure function.
 */
import { catchError, filter, ignoreElements, merge, mergeMap, of, Subject, takeUntil, type Observable } from 'rxjs';
import type { CallClient, CallInvitation, CallState, DialogEvent } from 'lp-call-streams';

/** The dialog a state is about, if known. */
const dialogIdOf = (state: CallState): string | undefined => (state.status === 'idle' ? undefined : state.dialog?.dialogId);

/** What `main` sends to the driver. */
export interface CallCommand {
  readonly type: 'accept' | 'decline' | 'offer';
  readonly dialogId: string;
}

/** A command the session refused (usually with a `CallIntentError`). */
export interface CallCommandFailure {
  readonly command: CallCommand;
  readonly error: Error;
}

/** What the driver gives `main`. Every stream tolerates late subscribers; all end on `dispose()`. */
export interface CallSource {
  /** The call session; replays the latest state. */
  readonly state$: Observable<CallState>;
  readonly invitation$: Observable<CallInvitation>;
  /** Every COBROWSE dialog change; replays the latest. */
  readonly dialog$: Observable<DialogEvent>;
  /** Refused commands, as values. */
  readonly failure$: Observable<CallCommandFailure>;
  /** The session states about one dialog. */
  select(dialogId: string): Observable<CallState>;
  /** Called by Cycle's `run(...)` dispose: disconnects the client. */
  dispose(): void;
}

const execute = (client: CallClient, { type, dialogId }: CallCommand): Observable<CallState> => client[type](dialogId);

/**
 * Makes the driver. From `run()` until `dispose()` it keeps the client connected (so no invitation
 * is missed before `main` subscribes) and executes every command of the sink.
 *
 * ```
 * sink$:     ----a-----x---     a: accept call-1, x: accept of an unknown call
 * state$:    -i-o-c-A------     (replayed to late subscribers)
 * failure$:  ----------f---
 * ```
 *
 * @example
 * import { from } from 'rxjs';
 * import { run } from '@cycle/rxjs-run';
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const callDriver = makeCallDriver(createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } }));
 * // Cycle hands drivers xstream sinks; `from` reads them (xstream is interop-observable). Not tested against @cycle/run.
 * run(main, { call: (sink) => callDriver(from(sink)) });
 */
export function makeCallDriver(client: CallClient): (sink$: Observable<CallCommand>) => CallSource {
  return (sink$) => {
    const disposeSubject$ = new Subject<void>();
    const failureSubject$ = new Subject<CallCommandFailure>();
    const untilDisposed = <T>(stream$: Observable<T>): Observable<T> => stream$.pipe(takeUntil(disposeSubject$));

    const failures$ = sink$.pipe(
      mergeMap((command) =>
        execute(client, command).pipe(
          ignoreElements(),
          catchError((error: unknown) => of<CallCommandFailure>({ command, error: error instanceof Error ? error : new Error(String(error)) })),
        ),
      ),
    );
    // The driver's own subscription: the session (keeps the client connected) and the commands.
    const subscription = untilDisposed(merge(client.session$.pipe(ignoreElements()), failures$)).subscribe((failure) =>
      failureSubject$.next(failure),
    );

    const state$ = untilDisposed(client.session$);
    return {
      state$,
      invitation$: untilDisposed(client.invitation$),
      dialog$: untilDisposed(client.dialog$),
      failure$: failureSubject$.asObservable(),
      select: (dialogId) => state$.pipe(filter((state) => dialogIdOf(state) === dialogId)),
      dispose: () => {
        disposeSubject$.next();
        disposeSubject$.complete();
        subscription.unsubscribe();
        failureSubject$.complete();
      },
    };
  };
}
