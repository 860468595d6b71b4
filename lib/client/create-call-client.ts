import { asyncScheduler, defer, ignoreElements, merge, share, throwError, type Observable } from 'rxjs';
import { createConnection } from '../connection/create-connection';
import { callScreenContainer } from '../dom/call-screen-container';
import { fromSessionError, fromSessionResume } from '../lptag/call-events';
import { createDiagnosticSink } from '../lptag/diagnostics';
import { publishLpCoBrowse, type LpCoBrowseConfig } from '../lptag/publish-lpcobrowse';
import { createCallCoreHub } from '../session/call-core-hub';
import type { SessionPorts } from '../session/ports';
import { callStreams } from './call-streams';
import { callCommand } from './commands';
import { clientDiagnostics } from './diagnostics';
import type { CallClient, CallClientConfig } from './types';
import { validateClientConfig } from './validate-config';
import { clampScheduler } from '../scheduling/clamp-scheduler';

const defaultLpTag = (): unknown => (globalThis as { lpTag?: unknown }).lpTag;

/**
 * Creates the call client: the composition root that wires the connection, the lpTag adapter, the
 * call-screen container and the call core (dialog tracker + call session + effects). The only
 * place that picks defaults (`globalThis.WebSocket`, `window.lpTag`, `document`, `asyncScheduler`).
 * It holds no call rule: those live in the session's pure transition.
 *
 * No I/O until something subscribes. Subscribing to any stream (but `diagnostic$`) connects and runs
 * the call core — it publishes `cobrowseOffered` on an invitation, holds the container while the
 * call is accepted or active, answers `sessionResume` with `sliderOpened`. The last unsubscribe
 * closes the socket with 1000, unbinds every lpTag listener and removes the container.
 *
 * Every call stream is derived from the call core, so it reaches a host only after the session
 * applied the event: a command issued inside any handler finds the session already knowing it.
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const client = createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } });
 * client.invitation$.subscribe((invitation) => {
 *   if (invitation.isCall && confirm(`Take the ${invitation.kind} call?`)) client.accept(invitation).subscribe();
 * });
 */
export function createCallClient(config: CallClientConfig): CallClient {
  validateClientConfig(config);
  // Every timer of the client runs on it: clamped to what timers hold (lib/scheduling).
  const scheduler = clampScheduler(config.scheduler ?? asyncScheduler);
  const lpTag = config.lpTag ?? defaultLpTag;

  const connection = createConnection({
    ...config.connection,
    accountId: config.accountId,
    auth: config.auth,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    scheduler,
    ...(config.webSocketFactory === undefined ? {} : { webSocketFactory: config.webSocketFactory }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  });

  const lpTagDiagnostics = createDiagnosticSink();
  const lpTagConfig = {
    scheduler,
    onDiagnostic: lpTagDiagnostics.report,
    ...(config.lpTagWaitMs === undefined ? {} : { waitMs: config.lpTagWaitMs }),
  };
  const { visitor } = config;
  const publishConfig: LpCoBrowseConfig = { ...lpTagConfig, ...visitor, visitorName: visitor.name };

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

  const ports: SessionPorts = {
    publish: (request) => publishLpCoBrowse(lpTag, request, publishConfig),
    callScreen: config.callScreen ?? callScreen,
  };
  const hub = createCallCoreHub(
    {
      frame$: connection.subscribeConversations(),
      resume$: fromSessionResume(lpTag, lpTagConfig),
      sessionError$: fromSessionError(lpTag, lpTagConfig),
    },
    ports,
    {
      scheduler,
      ...(config.autoOffer === undefined ? {} : { autoOffer: config.autoOffer }),
      ...(config.expirySkewMs === undefined ? {} : { expirySkewMs: config.expirySkewMs }),
    },
  );
  const streams = callStreams(hub.step$);
  const now = (): number => scheduler.now();

  return {
    // The core first: a host peeking another stream inside the first connection$ value finds the client running.
    connection$: merge(hub.step$.pipe(ignoreElements()), connection.state$),
    dialog$: streams.dialog$,
    invitation$: streams.invitation$,
    accepted$: streams.accepted$,
    closed$: streams.closed$,
    error$: streams.sessionError$,
    resume$: streams.resume$,
    session$: streams.session$,
    diagnostic$: clientDiagnostics(connection.diagnostic$, lpTagDiagnostics.diagnostic$).pipe(share()),
    accept: (invitation) => callCommand(hub, 'accept', invitation, now),
    decline: (invitation) => callCommand(hub, 'decline', invitation, now),
    offer: (invitation) => callCommand(hub, 'offer', invitation, now),
    connection: {
      state$: connection.state$,
      notification$: connection.notification$,
      diagnostic$: connection.diagnostic$,
      connect: () => connection.connect(),
      request: (type, body, options) => connection.request(type, body, options),
      subscribeConversations: (body) => connection.subscribeConversations(body),
      messagingEvents: (dialogId, conversationId, options) => connection.messagingEvents(dialogId, conversationId, options),
    },
  };
}
