import {
  catchError,
  defer,
  distinctUntilChanged,
  EMPTY,
  endWith,
  filter,
  finalize,
  ignoreElements,
  map,
  merge,
  type Observable,
  of,
  ReplaySubject,
  share,
  shareReplay,
  Subject,
  switchMap,
  take,
  takeUntil,
  takeWhile,
  tap,
  throwError,
} from 'rxjs';
import { exConversations, type SubscriptionDeps } from '../conversations/ex-conversations';
import { messagingDecoder, messagingEvents } from '../conversations/messaging-events';
import { createListingReplay } from '../conversations/listing';
import { createRegistry, keyOf } from '../conversations/registry';
import { ConnectionClosedError } from '../errors';
import { DEFAULT_EX_CONVERSATIONS_FILTER, isNotification } from '../protocol';
import { decode } from '../protocol/decode-frame';
import type { DecodeResult, ExConversationChangeNotification, MessagingEventChange } from '../protocol/types';
import type { Link } from '../rpc/link';
import { createCommandQueue, defaultQueueConfig } from '../rpc/queue';
import { sendRequest } from '../rpc/request';
import { CloseCode } from '../transport/close-codes';
import { DEFAULT_REQUEST_TIMEOUT_MS, resolveCoreConfig } from './config';
import { type CoreSnapshot, runCore } from './core';
import { type ConnectionDiagnostic, describeError, redactDeep, redactError } from './diagnostics';
import { createSecrets } from './secrets';
import type { Connection, ConnectionConfig, ConnectionState } from './types';
import { validateConnectionConfig } from './validate-config';

const idle: ConnectionState = { status: 'idle' };
const closedByClient: CoreSnapshot = { state: { status: 'closed', reason: 'client' }, link: undefined };
const isDefined = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * A resilient LivePerson consumer connection as streams. Does no I/O until something subscribes
 * (`notification$`, `connect()`, `request()`, `subscribeConversations()`, `messagingEvents()`);
 * the last one leaving closes the socket with 1000 and `state$` returns to `idle`.
 *
 * Every socket is gated by InitConnection (ClientProperties with `CO_BROWSE` + `MULTI_DIALOG`, the
 * JWT in a header, never in the URL); GetClock keeps it alive and detects half-open sockets; the
 * close-code-aware policy reconnects (4401 → fresh token, 4407 → identity refresh, else backoff with
 * full jitter); subscriptions are re-issued after every handshake; commands wait in a bounded queue.
 *
 * ```
 * state$: idle─connecting─handshaking─open──────reconnecting─connecting─handshaking─open─…
 * ```
 *
 * @example
 * import { unauthenticated } from 'lp-call-streams';
 * import { createConnection } from 'lp-call-streams/connection';
 * const connection = createConnection({ accountId: '12345678', auth: unauthenticated() });
 * connection.subscribeConversations({ convState: ['OPEN'] }).subscribe((n) => render(n));
 */
export function createConnection(config: ConnectionConfig): Connection {
  return openConnection(config, config.decodeFrame ?? decode);
}

/**
 * {@link createConnection} with the decoder of its frames given apart, so that a caller with its own
 * default (the call client: `decodeCallFrame`) does not bundle `decode`.
 */
export function openConnection(config: ConnectionConfig, decodeFrame: (text: string) => DecodeResult): Connection {
  validateConnectionConfig(config);
  const requestTimeoutMs = config.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;

  const stateSubject$ = new ReplaySubject<ConnectionState>(1);
  const diagnosticSubject$ = new Subject<ConnectionDiagnostic>();
  const closeSubject$ = new Subject<void>();
  let terminal = false;
  let closeRequested = false;
  let closeWith: { readonly code: number; readonly reason: string } = { code: CloseCode.NORMAL, reason: 'client closed' };
  stateSubject$.next(idle);
  // The boundary where outside text (close reasons, error bodies, frames) enters public values:
  // every diagnostic, state and request error is redacted here (see the connection README).
  const secrets = createSecrets();

  const report = (diagnostic: ConnectionDiagnostic): void => {
    if (!terminal) diagnosticSubject$.next(redactDeep(diagnostic, secrets.list()));
  };
  const settle = (state: ConnectionState): void => {
    if (terminal) return;
    stateSubject$.next(redactDeep(state, secrets.list()));
    if (state.status !== 'closed') return;
    terminal = true;
    stateSubject$.complete();
    diagnosticSubject$.complete();
  };

  const coreConfig = resolveCoreConfig(config, report, () => closeWith, secrets, decodeFrame);
  const { scheduler } = coreConfig;

  const core$: Observable<CoreSnapshot> = defer(() =>
    closeRequested
      ? of(closedByClient)
      : runCore(coreConfig).pipe(takeUntil(closeSubject$), endWith(closedByClient)),
  ).pipe(
    takeWhile((snapshot) => snapshot.state.status !== 'closed', true),
    tap((snapshot) => settle(snapshot.state)),
    finalize(() => settle(idle)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  const link$: Observable<Link | undefined> = core$.pipe(
    map((snapshot) => snapshot.link),
    distinctUntilChanged(),
  );
  const openLink$ = link$.pipe(filter(isDefined));

  const queue = createCommandQueue({ ...defaultQueueConfig, ...config.queue }, scheduler, (requestType, reason) =>
    report({ type: 'queue-drop', requestType, reason }),
  );

  const subscriptionDeps: SubscriptionDeps = {
    link$,
    timeoutMs: requestTimeoutMs,
    scheduler,
    onFailure: (requestType, error) => report({ type: 'subscription-failed', requestType, message: describeError(error) }),
  };
  const messagingDeps = { ...subscriptionDeps, changesOf: messagingDecoder((generation, error) => report({ type: 'decode-error', generation, error })) };
  const conversationRegistry = createRegistry<ExConversationChangeNotification>(createListingReplay);
  const messagingRegistry = createRegistry<MessagingEventChange>();

  const notification$ = link$.pipe(
    switchMap((link) => (link === undefined ? EMPTY : link.frame$.pipe(filter(isNotification)))),
    share(),
  );

  const state$ = stateSubject$.asObservable();

  return {
    state$,
    notification$,
    diagnostic$: diagnosticSubject$.asObservable(),
    connect: () => merge(state$, core$.pipe(ignoreElements())),
    request: (type, body, options) =>
      defer(() => {
        // Resolve the link: now if open, else through the bounded queue.
        const ready$ = core$.pipe(
          take(1),
          switchMap((snapshot) => {
            if (snapshot.link !== undefined) return of(snapshot.link);
            const { state } = snapshot;
            if (state.status === 'closed') return throwError(() => new ConnectionClosedError(state.reason));
            return queue.wait(openLink$, type);
          }),
        );
        const response$ = ready$.pipe(switchMap((link) => sendRequest(link, type, body, { timeoutMs: options?.timeoutMs ?? requestTimeoutMs, scheduler })));
        // Holding core$ keeps the socket open while the request is pending.
        return merge(core$.pipe(ignoreElements()), response$).pipe(
          take(1),
          catchError((error: unknown) => throwError(() => redactError(error, secrets.list()))),
        );
      }),
    subscribeConversations: (body) => conversationRegistry.get(keyOf(body ?? DEFAULT_EX_CONVERSATIONS_FILTER), () => exConversations(body, subscriptionDeps)),
    messagingEvents: (dialogId, conversationId, options) =>
      messagingRegistry.get(keyOf([dialogId, conversationId ?? null]), () =>
        messagingEvents({ dialogId, ...(conversationId === undefined ? {} : { conversationId }), ...(options?.fromSeq === undefined ? {} : { fromSeq: options.fromSeq }) }, messagingDeps),
      ),
    close: (code = CloseCode.NORMAL, reason = 'client closed') => {
      if (terminal) return;
      closeRequested = true;
      closeWith = { code, reason };
      closeSubject$.next();
      settle(closedByClient.state);
    },
  };
}
