import { asyncScheduler, defer, ignoreElements, map, merge, share, Subject, throwError, type Observable } from 'rxjs';
import { openConnection } from '../connection/create-connection';
import { decodeCallFrame } from '../protocol/decode-call-frame';
import { callCommand } from '../core/command';
import { callCore } from '../core/call-core';
import { runCallEffects, type CallPorts } from '../core/effects';
import { callStreams } from '../core/streams';
import type { CallInput } from '../core/types';
import { callScreenContainer } from '../dom/call-screen-container';
import { fromSessionError, fromSessionResume } from '../lptag/call-events';
import { createDiagnosticSink } from '../lptag/diagnostics';
import { publishLpCoBrowse, type LpCoBrowseConfig } from '../lptag/publish-lpcobrowse';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { clientDiagnostics } from './diagnostics';
import type { CallClient, CallClientConfig } from './types';
import { validateClientConfig } from './validate-config';

const defaultLpTag = (): unknown => (globalThis as { lpTag?: unknown }).lpTag;

/**
 * Creates the call client: the composition root. It picks the defaults (`globalThis.WebSocket`,
 * `window.lpTag`, `document`, `asyncScheduler`) and wires the public operators — the README's
 * "Compose your own client" recipe, plus config checks and diagnostics. It holds no call rule:
 * every one lives in the call core's step (`callCore`).
 *
 * ```text
 * connection.subscribeConversations() ─► callCore({ inputs }) ─► runCallEffects(ports) ─► callStreams
 *                      lpTag resume / sessionError, commands, effect outcomes ─► inputs ◄┘
 * ```
 *
 * No I/O until something subscribes. Subscribing to any stream (but `diagnostic$`) connects and runs
 * the core — it publishes `cobrowseOffered` on an invitation, holds the container while the call is
 * accepted, joined or on, answers `sessionResume` with `sliderOpened`. The last unsubscribe closes
 * the socket with 1000, unbinds every lpTag listener and removes the container.
 *
 * Every call stream is a view of the core's steps, so it reaches a host only after the core applied
 * the event: a command issued inside any handler finds the core already knowing it.
 *
 * @example
 * import { createCallClient, unauthenticated } from 'lp-call-streams';
 * const client = createCallClient({ accountId: '12345678', auth: unauthenticated(), visitor: { name: 'Jane' } });
 * client.invitation$.subscribe((invitation) => {
 *   if (confirm(`Take the ${invitation.kind} call?`)) client.accept(invitation).subscribe();
 * });
 */
export function createCallClient(config: CallClientConfig): CallClient {
  validateClientConfig(config);
  // Every timer of the client runs on it: clamped to what timers hold (lib/scheduling).
  const scheduler = clampScheduler(config.scheduler ?? asyncScheduler);
  const lpTag = config.lpTag ?? defaultLpTag;

  // The call path's decoder by default: what the core reads, checked and copied; the rest left as it came (lib/protocol).
  const connection = openConnection(
    {
      ...config.connection,
      accountId: config.accountId,
      auth: config.auth,
      ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
      scheduler,
      ...(config.webSocketFactory === undefined ? {} : { webSocketFactory: config.webSocketFactory }),
      ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    },
    config.connection?.decodeFrame ?? decodeCallFrame,
  );

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
  const ports: CallPorts = {
    publish: (request) => publishLpCoBrowse(lpTag, request, publishConfig),
    callScreen: config.callScreen ?? callScreen,
  };

  // Commands and effect outcomes, fed back into the core (private: the core's only loop).
  const inputSubject$ = new Subject<CallInput>();
  const dispatch = (input: CallInput): void => inputSubject$.next(input);
  const calls = callStreams(
    connection.subscribeConversations().pipe(
      callCore({
        scheduler,
        ...(config.autoOffer === undefined ? {} : { autoOffer: config.autoOffer }),
        ...(config.expirySkewMs === undefined ? {} : { expirySkewMs: config.expirySkewMs }),
        inputs: merge(
          fromSessionResume(lpTag, lpTagConfig).pipe(map((resume): CallInput => ({ type: 'resume', resume }))),
          fromSessionError(lpTag, lpTagConfig).pipe(map((error): CallInput => ({ type: 'session-error', error }))),
          inputSubject$,
        ),
      }),
      runCallEffects(ports, dispatch),
    ),
  );

  return {
    // The core first: a host peeking another stream inside the first connection$ value finds the client running.
    connection$: merge(calls.step$.pipe(ignoreElements()), connection.state$),
    dialog$: calls.dialog$,
    invitation$: calls.invitation$,
    accepted$: calls.accepted$,
    closed$: calls.closed$,
    error$: calls.error$,
    resume$: calls.resume$,
    session$: calls.session$,
    diagnostic$: clientDiagnostics(connection.diagnostic$, lpTagDiagnostics.diagnostic$).pipe(share()),
    accept: (invitation) => callCommand(calls.step$, dispatch, 'accept', invitation),
    decline: (invitation) => callCommand(calls.step$, dispatch, 'decline', invitation),
    offer: (invitation) => callCommand(calls.step$, dispatch, 'offer', invitation),
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
