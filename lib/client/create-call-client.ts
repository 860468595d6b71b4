import {
  asyncScheduler,
  defer,
  filter,
  ignoreElements,
  map,
  merge,
  share,
  shareReplay,
  Subject,
  switchMap,
  take,
  throwError,
  type Observable,
} from 'rxjs';
import { createConnection } from '../connection/create-connection';
import { callDialogs } from '../dialog/call-dialogs';
import { partitionDialogs } from '../dialog/partition-dialogs';
import { callScreenContainer } from '../dom/call-screen-container';
import { fromSessionError, fromSessionResume } from '../lptag/call-events';
import type { LpTagDiagnostic } from '../lptag/diagnostics';
import { publishLpCoBrowse, type LpCoBrowseConfig } from '../lptag/publish-lpcobrowse';
import type { CallState } from '../session/call-state';
import type { SessionPorts, SessionPublishRequest } from '../session/ports';
import { runCallSession } from '../session/run-call-session';
import type { SessionEvent, SessionIntent } from '../session/session-event';
import { sessionCommand } from './session-commands';
import type { CallClient, CallClientConfig, ClientDiagnostic } from './types';

const defaultLpTag = (): unknown => (globalThis as { lpTag?: unknown }).lpTag;

/**
 * Creates the call client: the composition root that wires the connection, the dialog streams, the
 * lpTag adapter, the call-screen container and the call session. The only place that picks
 * defaults (`globalThis.WebSocket`, `window.lpTag`, `document`, `asyncScheduler`).
 *
 * No I/O until something subscribes. Subscribing to any stream (but `diagnostic$`) connects and runs
 * the call session — it publishes `cobrowseOffered` on an invitation, holds the container while the
 * call is accepted or active, answers `sessionResume` with `sliderOpened`. The last unsubscribe
 * closes the socket with 1000, unbinds every lpTag listener and removes the container.
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const client = createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } });
 * client.invitation$.pipe(filter((i) => i.isCall)).subscribe((invitation) => showBanner(invitation));
 * acceptButton.onclick = () => client.accept(invitation).subscribe();
 */
export function createCallClient(config: CallClientConfig): CallClient {
  const scheduler = config.scheduler ?? asyncScheduler;
  const lpTag = config.lpTag ?? defaultLpTag;
  const autoOffer = config.autoOffer ?? true;

  const connection = createConnection({
    ...config.connection,
    accountId: config.accountId,
    auth: config.auth,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    scheduler,
    ...(config.webSocketFactory === undefined ? {} : { webSocketFactory: config.webSocketFactory }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  });

  // Private inputs; only their Observables (or nothing) leave this function.
  const lpTagDiagnosticSubject$ = new Subject<LpTagDiagnostic>();
  const intentSubject$ = new Subject<SessionIntent>();
  const declinedSubject$ = new Subject<string>();
  const offerSubject$ = new Subject<string>();

  const lpTagConfig = {
    scheduler,
    onDiagnostic: (diagnostic: LpTagDiagnostic) => lpTagDiagnosticSubject$.next(diagnostic),
    ...(config.lpTagWaitMs === undefined ? {} : { waitMs: config.lpTagWaitMs }),
  };
  const { visitor } = config;
  const publishConfig: LpCoBrowseConfig = { ...lpTagConfig, ...visitor, visitorName: visitor.name };

  const streams = partitionDialogs(connection.subscribeConversations().pipe(callDialogs({ scheduler, declined$: declinedSubject$ })));
  const errorShared$ = fromSessionError(lpTag, lpTagConfig).pipe(share());
  const resumeShared$ = fromSessionResume(lpTag, lpTagConfig).pipe(share());

  const publish = (request: SessionPublishRequest): Observable<unknown> =>
    request.event === 'cobrowseOffered' && !autoOffer
      ? offerSubject$.pipe(
          filter((dialogId) => dialogId === request.dialog.dialogId),
          take(1),
          switchMap(() => publishLpCoBrowse(lpTag, request, publishConfig)),
        )
      : publishLpCoBrowse(lpTag, request, publishConfig);

  const callScreen = (): Observable<unknown> =>
    defer(() => {
      const doc = config.document ?? (globalThis as { document?: Document }).document;
      if (doc === undefined) return throwError(() => new Error('no document: pass `document` in the client config to create the call screen'));
      const { parent, loadingText } = config.container ?? {};
      const parentElement = typeof parent === 'function' ? parent() : parent;
      return callScreenContainer(doc, {
        ...(parentElement == null ? {} : { parent: parentElement }),
        ...(loadingText === undefined ? {} : { loadingText }),
      });
    });

  const ports: SessionPorts = { publish, callScreen: config.callScreen ?? callScreen };
  const sessionEvent$: Observable<SessionEvent> = merge(
    streams.dialog$.pipe(map((event): SessionEvent => ({ type: 'dialog', event }))),
    intentSubject$,
    errorShared$.pipe(map(({ id, message }): SessionEvent => ({ type: 'session-error', id, message }))),
    resumeShared$.pipe(map(({ replayed }): SessionEvent => ({ type: 'resume', replayed }))),
  );
  const session$ = sessionEvent$.pipe(runCallSession(ports), shareReplay({ bufferSize: 1, refCount: true }));

  // Every public stream keeps the session running while subscribed: an invitation seen by the host
  // is always known to the session that accept() talks to.
  const runningSession$ = session$.pipe(ignoreElements());
  const live = <T>(stream$: Observable<T>): Observable<T> => merge(stream$, runningSession$);

  const send = (dialogId: string, intent: SessionIntent | undefined): void => {
    if (intent === undefined) {
      offerSubject$.next(dialogId);
      return;
    }
    // The session first (it publishes cobrowseDeclined), then the dialog closes as `declined`.
    intentSubject$.next(intent);
    if (intent.type === 'decline') declinedSubject$.next(dialogId);
  };
  const now = (): number => scheduler.now();

  const diagnostic$: Observable<ClientDiagnostic> = merge(
    connection.diagnostic$.pipe(map((diagnostic): ClientDiagnostic => ({ source: 'connection', diagnostic }))),
    lpTagDiagnosticSubject$.pipe(map((diagnostic): ClientDiagnostic => ({ source: 'lptag', diagnostic }))),
  ).pipe(share());

  return {
    connection$: live(connection.state$),
    dialog$: live(streams.dialog$).pipe(shareReplay({ bufferSize: 1, refCount: true })),
    invitation$: live(streams.invitation$),
    accepted$: live(streams.accepted$),
    closed$: live(streams.closed$),
    error$: live(errorShared$),
    resume$: live(resumeShared$),
    session$,
    diagnostic$,
    accept: (invitation) => sessionCommand(session$, 'accept', invitation, now, send),
    decline: (invitation) => sessionCommand(session$, 'decline', invitation, now, send),
    offer: (invitation): Observable<CallState> =>
      autoOffer ? session$.pipe(take(1)) : sessionCommand(session$, 'offer', invitation, now, send),
    connection,
  };
}
