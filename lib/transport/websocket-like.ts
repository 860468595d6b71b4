/**
 * The ~10-line structural socket interface the transport needs. The browser `WebSocket`, jsdom's and
 * the `ws` package's `WebSocket` all satisfy it, so any of them can be returned by a
 * {@link WebSocketFactory} without an adapter.
 */

/** Handler type checked bivariantly, so DOM handlers (`(ev: MessageEvent) => any`) fit. */
/** An event handler property of a socket (bivariant, as DOM handler properties are). */
export type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** What the transport reads from a `message` event. */
export interface MessageEventLike {
  readonly data: unknown;
}

/** What the transport reads from a `close` event. */
export interface CloseEventLike {
  readonly code: number;
  readonly reason: string;
  readonly wasClean?: boolean;
}

/** The subset of `WebSocket` the transport uses (handler properties, not `addEventListener`). */
export interface WebSocketLike {
  /** 0 CONNECTING, 1 OPEN, 2 CLOSING, 3 CLOSED. */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<MessageEventLike> | null;
  onclose: Handler<CloseEventLike> | null;
  onerror: Handler<unknown> | null;
}

/**
 * Creates a socket for a URL. The URL never carries a token.
 *
 * @example
 * import { WebSocket } from 'ws';
 * import type { WebSocketFactory } from 'lp-call-streams/connection';
 * const webSocketFactory: WebSocketFactory = (url) => new WebSocket(url);
 */
export type WebSocketFactory = (url: string) => WebSocketLike;

/** `readyState` values, as in the WebSocket standard. */
export const ReadyState = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;

/** How a socket ended: the close event's fields, or ones the transport made up for a local failure. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
}

interface WebSocketConstructorLike {
  new (url: string): WebSocketLike;
}

function isConstructor(value: unknown): value is WebSocketConstructorLike {
  return typeof value === 'function';
}

/**
 * The platform's `globalThis.WebSocket` as a factory, resolved when called (never at import time).
 * Returns `undefined` where there is none (Node 20): pass `(url) => new WebSocket(url)` from `ws`.
 */
export function globalWebSocketFactory(): WebSocketFactory | undefined {
  const ctor: unknown = Reflect.get(globalThis, 'WebSocket');
  if (!isConstructor(ctor)) return undefined;
  return (url) => new ctor(url);
}
