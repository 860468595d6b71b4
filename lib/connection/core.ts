import { catchError, concat, defer, filter, ignoreElements, map, merge, type Observable, of, type SchedulerLike, shareReplay, switchMap, tap, throwError, timeout } from 'rxjs';
import { type AuthProvider, fromJwtSource, type JwtReason, type JwtRequest } from '../auth/auth';
import { resolveSocketUrl } from '../auth/domain-api';
import { HttpError, type FetchLike } from '../auth/http';
import type { ClientPropertiesHeader, DecodeResult } from '../protocol/types';
import type { Link } from '../rpc/link';
import type { KeepAliveConfig } from '../transport/keep-alive';
import { type AttemptContext, reconnectLoop, type ReconnectNotice } from '../transport/reconnect';
import type { AttemptEnd, EndCause, ReconnectPolicy } from '../transport/reconnect-policy';
import type { CloseOnTeardown } from '../transport/socket';
import { runSocketSession, type SocketSessionEvent } from '../transport/socket-session';
import type { WebSocketFactory } from '../transport/websocket-like';
import { type ConnectionDiagnostic, describeError } from './diagnostics';
import type { Secrets } from './secrets';
import type { ConnectionState } from './types';

/** The connection at one moment: its state and, when open, the link to send on. */
export interface CoreSnapshot {
  readonly state: ConnectionState;
  readonly link: Link | undefined;
}

/** Everything the core needs, with defaults already applied. */
export interface CoreConfig {
  readonly accountId: string;
  readonly auth: AuthProvider;
  readonly socketUrl: string | undefined;
  readonly domainApi: string;
  readonly fetch: FetchLike | undefined;
  readonly factory: WebSocketFactory;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly policy: ReconnectPolicy;
  readonly keepAlive: KeepAliveConfig;
  readonly handshakeTimeoutMs: number;
  readonly tokenTimeoutMs: number;
  readonly clientProperties: ClientPropertiesHeader;
  /** Frames longer than this are dropped unparsed (`frame-too-large`). */
  readonly maxInboundFrameSize: number;
  /** Text frame → typed frame: `decode`, or the call client's `decodeCallFrame`. */
  readonly decodeFrame: (text: string) => DecodeResult;
  readonly closeOnTeardown: CloseOnTeardown;
  readonly report: (diagnostic: ConnectionDiagnostic) => void;
  /** Every token obtained is remembered here, to be redacted from outside text. */
  readonly secrets: Secrets;
}

type AttemptEvent = SocketSessionEvent | { readonly type: 'connecting'; readonly attempt: number };

/** A failure before any socket existed, tagged with the step that failed. */
class SetupError extends Error {
  override readonly name = 'SetupError';
  constructor(
    readonly stage: 'endpoint-error' | 'token-error',
    readonly original: unknown,
  ) {
    super(stage);
  }
}

/** An end without a socket (lookup or token failure): close code 0 says "no socket was involved". */
const localEnd = (cause: EndCause, reason: string): SocketSessionEvent => ({
  type: 'ended',
  end: { close: { code: 0, reason, wasClean: false }, cause, openedForMs: undefined },
});

/**
 * The connection loop as a cold Observable of snapshots: endpoint → socket and token in parallel →
 * handshake → open, then the reconnect policy decides. Per subscription it keeps the resolved URL, the token
 * (reused on plain reconnects; refreshed after 4401/4407) and a socket generation counter.
 */
export function runCore(config: CoreConfig): Observable<CoreSnapshot> {
  return defer(() => {
    let socketUrl = config.socketUrl;
    let jwt: string | undefined;
    let pendingReason: JwtReason | undefined;
    let generation = 0;

    const url$ = defer(() => {
      if (socketUrl !== undefined) return of(socketUrl);
      if (config.fetch === undefined) throw new Error('no fetch available for the Domain API: pass `fetch` or `endpoint.socketUrl`');
      return resolveSocketUrl(config.fetch, config.domainApi, config.accountId).pipe(tap((url) => (socketUrl = url)));
    });

    const token$ = defer(() => {
      if (pendingReason === undefined && jwt !== undefined) return of(jwt);
      const request: JwtRequest = { reason: pendingReason ?? 'initial', accountId: config.accountId, domainApi: config.domainApi, fetch: config.fetch };
      return fromJwtSource(() => config.auth.jwt(request)).pipe(
        timeout({ first: config.tokenTimeoutMs, scheduler: config.scheduler }),
        tap((token) => {
          config.secrets.add(token);
          jwt = token;
          pendingReason = undefined;
        }),
      );
    });

    const attempt = (context: AttemptContext): Observable<AttemptEvent> => {
      if (context.refresh !== 'none') {
        pendingReason = context.refresh === 'token' ? 'expired' : 'identity';
        jwt = undefined;
      }
      // The token is fetched while the socket opens (time to ready: max of the two, not the sum).
      const attemptToken$ = token$.pipe(
        catchError((error: unknown) => throwError(() => new SetupError('token-error', error))),
        shareReplay({ bufferSize: 1, refCount: true }),
      );
      const socketSession$ = (url: string): Observable<SocketSessionEvent> => {
        generation += 1;
        return merge(attemptToken$.pipe(ignoreElements()), runSocketSession({ ...config, url, token$: attemptToken$, generation, attempt: context.attempt }));
      };
      return concat(
        of<AttemptEvent>({ type: 'connecting', attempt: context.attempt }),
        url$.pipe(
          catchError((error: unknown) => throwError(() => new SetupError('endpoint-error', error))),
          switchMap((url) => socketSession$(url)),
          catchError((error: unknown) => {
            const stage = error instanceof SetupError ? error.stage : 'endpoint-error';
            const original = error instanceof SetupError ? error.original : error;
            const message = describeError(original, config.secrets.list());
            const status = original instanceof HttpError && original.status > 0 ? { status: original.status } : {};
            return of(localEnd({ type: stage, message, ...status }, stage === 'token-error' ? 'no token' : 'endpoint lookup failed'));
          }),
        ),
      );
    };

    const endOf = (event: AttemptEvent): AttemptEnd | undefined => (event.type === 'ended' ? event.end : undefined);

    return reconnectLoop(attempt, endOf, config).pipe(
      tap((event) => {
        if (event.type === 'reconnecting' || event.type === 'terminal') config.report(disconnected(event));
      }),
      map((event) => toSnapshot(event)),
      filter((snapshot): snapshot is CoreSnapshot => snapshot !== undefined),
    );
  });
}

function disconnected(notice: ReconnectNotice): ConnectionDiagnostic {
  const { cause, close, openedForMs } = notice.end;
  return notice.type === 'reconnecting'
    ? { type: 'disconnected', cause, close, openedForMs, next: { type: 'reconnect', attempt: notice.attempt, delayMs: notice.delayMs, refresh: notice.refresh } }
    : { type: 'disconnected', cause, close, openedForMs, next: { type: 'terminal', reason: notice.reason === 'stop' ? 'client' : notice.reason } };
}

function toSnapshot(event: AttemptEvent | ReconnectNotice): CoreSnapshot | undefined {
  switch (event.type) {
    case 'connecting':
      return { state: { status: 'connecting', attempt: event.attempt }, link: undefined };
    case 'handshaking':
      return { state: { status: 'handshaking', attempt: event.attempt, generation: event.generation }, link: undefined };
    case 'open':
      return { state: { status: 'open', generation: event.link.generation }, link: event.link };
    case 'ended':
      return undefined; // the notice that follows says what comes next
    case 'reconnecting': {
      const { close, cause } = event.end;
      return {
        state: { status: 'reconnecting', attempt: event.attempt, delayMs: event.delayMs, lastClose: { code: close.code, reason: close.reason }, cause: cause.type },
        link: undefined,
      };
    }
    case 'terminal':
      return { state: { status: 'closed', reason: event.reason === 'stop' ? 'client' : event.reason }, link: undefined };
  }
}
