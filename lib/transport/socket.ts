import { Observable } from 'rxjs';
import { CloseCode } from './close-codes';
import { ReadyState, type CloseInfo, type WebSocketFactory, type WebSocketLike } from './websocket-like';

/** The socket is open: `send` writes to it, `close` ends it with a code (and emits `close`). */
export interface SocketOpened {
  readonly type: 'open';
  /** Writes if this socket is still the current, open one; returns whether it did. */
  readonly send: (text: string) => boolean;
  /** Closes with `code` and emits the `close` event at once (a half-open socket may never answer). */
  readonly close: (code: number, reason: string) => void;
}
export interface SocketMessage {
  readonly type: 'message';
  readonly data: unknown;
}
export interface SocketClosed extends CloseInfo {
  readonly type: 'close';
}
export type SocketEvent = SocketOpened | SocketMessage | SocketClosed;

/** How to close on unsubscribe; read at teardown time. */
export type CloseOnTeardown = () => { readonly code: number; readonly reason: string };

const normalClose: CloseOnTeardown = () => ({ code: CloseCode.NORMAL, reason: 'client closed' });
const noop = (): void => undefined;

/**
 * One socket as a cold Observable: each subscription creates a socket, emits `open`, `message`s and
 * finally one `close`, then completes. Unsubscribing closes the socket with 1000 (not 1005).
 *
 * Events of a socket that is no longer current (closed by us, or after teardown) are ignored, and its
 * `error` events never throw (they are always followed by `close`).
 *
 * ```
 * subscribe ──open──message──message──close|
 * ```
 */
export function fromWebSocket(factory: WebSocketFactory, url: string, closeOnTeardown: CloseOnTeardown = normalClose): Observable<SocketEvent> {
  return new Observable<SocketEvent>((subscriber) => {
    const closed = (info: CloseInfo): void => {
      subscriber.next({ type: 'close', ...info });
      subscriber.complete();
    };
    let socket: WebSocketLike;
    try {
      socket = factory(url);
    } catch (error: unknown) {
      closed({ code: CloseCode.ABNORMAL, reason: `socket could not be created: ${error instanceof Error ? error.message : 'unknown error'}`, wasClean: false });
      return undefined;
    }
    let current = true;

    /** Stops listening: later events of this socket are ignored (the stale-socket guard). */
    const detach = (): void => {
      current = false;
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      // `ws` throws on an 'error' event with no listener (e.g. close() while CONNECTING).
      socket.onerror = noop;
    };
    const opened: SocketOpened = {
      type: 'open',
      send: (text) => {
        if (!current || socket.readyState !== ReadyState.OPEN) return false;
        socket.send(text);
        return true;
      },
      close: (code, reason) => {
        if (!current) return;
        detach(); // first: a close event that `close` fires at once is stale
        socket.close(code, reason);
        closed({ code, reason, wasClean: false });
      },
    };

    socket.onopen = () => {
      if (current) subscriber.next(opened);
    };
    socket.onmessage = (event) => {
      if (current) subscriber.next({ type: 'message', data: event.data });
    };
    socket.onclose = (event) => {
      if (!current) return;
      detach();
      closed({ code: event.code, reason: event.reason, wasClean: event.wasClean ?? false });
    };
    socket.onerror = noop;

    return () => {
      if (!current) return;
      detach();
      // Still CONNECTING or OPEN.
      if (socket.readyState <= ReadyState.OPEN) {
        const { code, reason } = closeOnTeardown();
        socket.close(code, reason);
      }
    };
  });
}
