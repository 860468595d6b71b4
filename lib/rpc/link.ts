import type { Observable } from 'rxjs';
import type { InboundFrame, RequestFrame } from '../protocol/types';

/**
 * One live, handshaken socket as the request layer sees it. A new socket is a new `Link`; a dead
 * link never sends again, so nothing meant for an old socket can leak into a new one.
 */
export interface Link {
  /** 1 for the first socket of a connection, 2 for the next, … (for diagnostics). */
  readonly generation: number;
  /** Decoded inbound frames of this socket (hot); completes when the socket is gone. */
  readonly frame$: Observable<InboundFrame>;
  /** Emits once when the socket is gone (replays to late subscribers), then completes. */
  readonly closed$: Observable<{ readonly code: number; readonly reason: string }>;
  /** A request id unique on this socket. */
  nextId(): string;
  /** Sends if this socket is still open; returns whether it did. Records the id as awaiting a response. */
  send(frame: RequestFrame): boolean;
  /** The caller stopped waiting for `id` (timeout, unsubscribe): a later response is unexpected. */
  forget(id: string): void;
}
