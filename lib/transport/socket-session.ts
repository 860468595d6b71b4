/**
 * The socket session: the life of ONE socket (open, InitConnection gate, keep-alive, close and its
 * cause). Not the call core (lib/core/): the connection core (lib/connection/core.ts) runs one
 * socket session per attempt and reconnects between them.
 */
import {
  catchError,
  concat,
  defer,
  EMPTY,
  filter,
  finalize,
  ignoreElements,
  map,
  merge,
  type Observable,
  of,
  type SchedulerLike,
  share,
  switchMap,
  take,
  takeUntil,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { RequestError, RequestTimeoutError } from '../errors';
import { initConnection } from '../protocol';
import { decodeError } from '../protocol/decode-error';
import { Fail } from '../protocol/read';
import type { ClientPropertiesHeader, DecodeResult } from '../protocol/types';
import type { Link } from '../rpc/link';
import { exchange, sendRequest } from '../rpc/request';
import { ResponseDecodeError } from '../rpc/response-decode-error';
import { clampScheduler } from '../scheduling/clamp-scheduler';
import { CloseCode } from './close-codes';
import { frameSize } from './frame-size';
import { INBOUND_SLICE_MS, inSlices } from './in-slices';
import { keepAlive, type KeepAliveConfig } from './keep-alive';
import type { AttemptEnd, EndCause } from './reconnect-policy';
import { type CloseOnTeardown, fromWebSocket, type SocketClosed, type SocketEvent, type SocketMessage, type SocketOpened } from './socket';
import { createSocketLink, type SocketDiagnostic } from './socket-link';
import type { CloseInfo, WebSocketFactory } from './websocket-like';

/** One socket's configuration (the connection core gives it per attempt). */
export interface SocketSessionConfig {
  readonly factory: WebSocketFactory;
  readonly url: string;
  /**
   * The token for InitConnection: the socket opens at once and the handshake waits for it (the
   * first value is used; an error ends the socket session with that error, closing the socket).
   */
  readonly token$: Observable<string>;
  readonly generation: number;
  readonly attempt: number;
  readonly clientProperties: ClientPropertiesHeader;
  readonly handshakeTimeoutMs: number;
  readonly maxInboundFrameSize: number;
  /** Text frame → typed frame (`decode`, or the call client's `decodeCallFrame`). Total. */
  readonly decodeFrame: (text: string) => DecodeResult;
  readonly keepAlive: KeepAliveConfig;
  readonly scheduler: SchedulerLike;
  readonly closeOnTeardown: CloseOnTeardown;
  readonly report: (diagnostic: SocketDiagnostic) => void;
}

/** What one socket goes through: `handshaking`, `open` (with its link), and always a final `ended`. */
export type SocketSessionEvent =
  | { readonly type: 'handshaking'; readonly attempt: number; readonly generation: number }
  | { readonly type: 'open'; readonly link: Link }
  | { readonly type: 'ended'; readonly end: AttemptEnd };

const isOpened = (event: SocketEvent): event is SocketOpened => event.type === 'open';
const isMessage = (event: SocketEvent): event is SocketMessage => event.type === 'message';
const isClosed = (event: SocketEvent): event is SocketClosed => event.type === 'close';

/**
 * One socket, from creation to close, as a cold Observable: opens it (while the token is still on
 * its way), sends InitConnection as soon as both are there (and nothing else) until its 200, then
 * exposes a {@link Link} and runs the GetClock keep-alive. Ends with one `ended` event carrying the
 * close and its cause, then completes. Opening and the InitConnection answer each have
 * `handshakeTimeoutMs` (cause `handshake-timeout`, close 4001). Unsubscribing closes the socket
 * (code from `closeOnTeardown`, 1000 by default).
 *
 * The socket session owns the only subscription to the socket: the link's `frame$` is a view fed by it,
 * so no outside subscriber can keep a socket alive.
 */
export function runSocketSession(config: SocketSessionConfig): Observable<SocketSessionEvent> {
  return defer(() => {
    const { generation, scheduler, report, maxInboundFrameSize: limit } = config;
    // As the socket delivers them: what proves it alive.
    const arrival$ = fromWebSocket(config.factory, config.url, config.closeOnTeardown).pipe(share());
    // What the socket session works on: the same events, in order, in slices that yield to the event loop.
    const socket$ = arrival$.pipe(inSlices(INBOUND_SLICE_MS, scheduler), share());
    const closeEvent$ = socket$.pipe(filter(isClosed), take(1));
    const { link, activity$, attach, deliver, end } = createSocketLink(generation, report);
    let cause: EndCause = { type: 'socket-closed' };
    let openedAt: number | undefined;

    // Proof of life for the keep-alive: every inbound frame, decodable or not, when it arrives and when
    // its slice comes (a reply that arrived is still alive news while the frames before it are worked on).
    const message$ = merge(arrival$, socket$).pipe(filter(isMessage));
    const inbound$ = socket$.pipe(
      filter(isMessage),
      tap(({ data }) => {
        // Measured before anything reads the payload: an oversized frame is never parsed.
        const size = frameSize(data);
        if (size !== undefined && size > limit) {
          report({ type: 'frame-too-large', generation, size, limit });
          return;
        }
        // A binary frame is refused as it is, in the decoders' own words.
        const result: DecodeResult = typeof data === 'string' ? config.decodeFrame(data) : { ok: false, error: decodeError(new Fail('', 'text frame (string)'), '') };
        // What decoding dropped or adjusted inside a frame it still delivered: reported first.
        for (const error of result.ok ? result.issues : [result.error]) report({ type: 'decode-error', generation, error });
        if (result.ok) deliver(result.frame);
      }),
      ignoreElements(),
    );

    const afterOpen = (open: SocketOpened): Observable<SocketSessionEvent> => {
      attach(open);
      const abort = (why: EndCause, code: number, reason: string): Observable<never> => {
        cause = why;
        open.close(code, reason);
        return EMPTY;
      };
      const init$ = config.token$.pipe(
        take(1),
        map((jwt) => initConnection(link.nextId(), { jwt, clientProperties: config.clientProperties })),
      );
      const probe = (): Observable<unknown> => sendRequest(link, 'GetClock', undefined, { timeoutMs: undefined, scheduler });
      const live$ = defer(() => {
        openedAt = scheduler.now();
        return concat(
          of<SocketSessionEvent>({ type: 'open', link }),
          keepAlive(activity$, message$, probe, config.keepAlive, scheduler).pipe(
            switchMap(() => abort({ type: 'keep-alive-timeout' }, CloseCode.KEEP_ALIVE_TIMEOUT, 'keep-alive timeout')),
          ),
        );
      });
      return concat(
        of<SocketSessionEvent>({ type: 'handshaking', attempt: config.attempt, generation }),
        init$.pipe(
          switchMap((init) =>
            exchange(link, init, { timeoutMs: config.handshakeTimeoutMs, scheduler }).pipe(
              // The code decides; a 200 with an odd body still opens the gate.
              catchError((error: unknown) => {
                if (error instanceof ResponseDecodeError) return of(error);
                if (error instanceof RequestTimeoutError) return abort({ type: 'handshake-timeout' }, CloseCode.HANDSHAKE_TIMEOUT, 'InitConnection timed out');
                if (error instanceof RequestError) {
                  return abort({ type: 'handshake-rejected', code: error.code }, CloseCode.HANDSHAKE_REJECTED, `InitConnection rejected (${error.code})`);
                }
                return EMPTY; // ConnectionLostError: the close event ends the socket session
              }),
            ),
          ),
          switchMap(() => live$),
        ),
      );
    };

    const body$ = socket$.pipe(filter(isOpened), take(1), switchMap(afterOpen), takeUntil(closeEvent$));

    // The last event: the link learns the close first (its pending requests fail with the code).
    const ended = ({ code, reason, wasClean }: CloseInfo): SocketSessionEvent => {
      end({ code, reason });
      const openedForMs = openedAt === undefined ? undefined : scheduler.now() - openedAt;
      return { type: 'ended', end: { close: { code, reason, wasClean }, cause, openedForMs } };
    };

    const events$ = merge(inbound$, body$, closeEvent$.pipe(map(ended))).pipe(share());
    // A socket that neither opens nor closes within the handshake timeout (the upgrade unanswered: a
    // half-open link while connecting, where no keep-alive runs yet) is given up: the session ends
    // as a handshake timeout, and the teardown closes the socket.
    const notOpened$ = timer(config.handshakeTimeoutMs, clampScheduler(scheduler)).pipe(
      map(() => {
        cause = { type: 'handshake-timeout' };
        return ended({ code: CloseCode.HANDSHAKE_TIMEOUT, reason: 'the socket did not open in time', wasClean: false });
      }),
      takeUntil(events$), // the first event: handshaking (it opened) or ended (it closed)
    );

    return merge(events$, notOpened$).pipe(
      takeWhile((event) => event.type !== 'ended', true),
      // After a close event, or torn down before one (then pending requests learn our close code).
      finalize(() => end(config.closeOnTeardown())),
    );
  });
}
