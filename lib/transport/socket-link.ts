import { type Observable, ReplaySubject, Subject } from 'rxjs';
import { encode } from '../protocol';
import type { DecodeError, InboundFrame } from 'lp-call-streams/protocol';
import type { Link } from '../rpc/link';
import type { SocketOpened } from './socket';

/** What one socket noticed but survived (part of the connection's `diagnostic$`). */
export type SocketDiagnostic =
  /**
   * An inbound frame could not be decoded (dropped whole; the stream lives on), or — with
   * `error.recovery` — one element of it was dropped or an `expires` adjusted, and the rest was delivered.
   */
  | { readonly type: 'decode-error'; readonly generation: number; readonly error: DecodeError }
  /** A response nobody waits for (late after a timeout, or never asked). */
  | { readonly type: 'unexpected-response'; readonly generation: number; readonly reqId: string; readonly code: number }
  /**
   * An inbound frame over `maxInboundFrameSize` was dropped unparsed; the stream lives on. `size` is its
   * length in characters (UTF-16 code units); nothing of its payload is kept.
   */
  | { readonly type: 'frame-too-large'; readonly generation: number; readonly size: number; readonly limit: number }
  /** A well-formed frame of a kind a consumer does not expect (e.g. a `req` from the server). */
  | { readonly type: 'unexpected-frame'; readonly generation: number; readonly frameKind: string };

/** The {@link Link} of one socket, plus the controls its socket session drives it with. */
export interface SocketLink {
  readonly link: Link;
  /** Emits on every frame sent (the keep-alive's "outbound activity"). */
  readonly activity$: Observable<void>;
  /** The socket opened: sends may go out from now on. */
  readonly attach: (opened: SocketOpened) => void;
  /** Hands an inbound frame to the link's listeners, reporting unexpected responses and frames first. */
  readonly deliver: (frame: InboundFrame) => void;
  /** The socket is gone (`close` is what the link's `closed$` reports); completes everything. */
  readonly end: (close: { readonly code: number; readonly reason: string }) => void;
}

/**
 * Creates the link of one socket. Its `frame$` is a view fed by the socket session, so no outside
 * subscriber can keep a socket alive; ids are unique per socket; a dead link never sends. The
 * subjects are handed out typed as Observables, without `asObservable()`: a link never leaves the
 * library (the connection passes on only what it pipes from them).
 */
export function createSocketLink(generation: number, report: (diagnostic: SocketDiagnostic) => void): SocketLink {
  const frameSubject$ = new Subject<InboundFrame>();
  const closedSubject$ = new ReplaySubject<{ readonly code: number; readonly reason: string }>(1);
  const activitySubject$ = new Subject<void>();
  // Ids sent on this socket whose response has not arrived: only to tell unexpected responses apart.
  const awaiting = new Set<string>();
  let opened: SocketOpened | undefined;
  let counter = 0;

  const link: Link = {
    generation,
    frame$: frameSubject$,
    closed$: closedSubject$,
    nextId: () => String(counter++),
    send: (frame) => {
      if (opened === undefined) return false;
      awaiting.add(frame.id); // before sending: a synchronous answer must find it
      const sent = opened.send(encode(frame));
      if (sent) activitySubject$.next();
      else awaiting.delete(frame.id);
      return sent;
    },
    forget: (id) => {
      awaiting.delete(id);
    },
  };

  return {
    link,
    activity$: activitySubject$,
    attach: (open) => {
      opened = open;
    },
    deliver: (frame) => {
      if (frame.kind === 'resp' && !awaiting.delete(frame.reqId)) report({ type: 'unexpected-response', generation, reqId: frame.reqId, code: frame.code });
      if (frame.kind === 'unknown') report({ type: 'unexpected-frame', generation, frameKind: frame.frameKind });
      frameSubject$.next(frame);
    },
    end: (close) => {
      closedSubject$.next(close); // ignored if it already ended: the first close wins
      closedSubject$.complete();
      frameSubject$.complete();
      activitySubject$.complete();
    },
  };
}
