import { RequestError } from '../errors';
import { redact, redactDeep } from '../redact';
import type { EndCause } from '../transport/reconnect-policy';
import type { Refresh } from '../transport/reconnect-policy';
import type { CloseInfo } from '../transport/websocket-like';
import type { QueueDropReason } from '../rpc/queue';
import type { SocketDiagnostic } from '../transport/socket-link';

export { redact, redactDeep } from '../redact';

/**
 * Everything the connection noticed but survived, as values (never thrown, never an error of a
 * shared stream). No diagnostic ever contains a JWT.
 */
export type ConnectionDiagnostic =
  /** Of one socket: an undecodable or oversized frame, an unexpected response or frame (see `transport/socket-link.ts`). */
  | SocketDiagnostic
  /** A socket (or the attempt to get one) ended, and what happens next. */
  | {
      readonly type: 'disconnected';
      readonly cause: EndCause;
      readonly close: CloseInfo;
      /** How long the link had been open; `undefined` if the handshake never completed. */
      readonly openedForMs: number | undefined;
      readonly next:
        | { readonly type: 'reconnect'; readonly attempt: number; readonly delayMs: number; readonly refresh: Refresh }
        | { readonly type: 'terminal'; readonly reason: 'auth' | 'gave-up' | 'config' | 'client' };
    }
  /** A queued command was not sent (its Observable errored with `QueueError`). */
  | { readonly type: 'queue-drop'; readonly requestType: string; readonly reason: QueueDropReason }
  /** A (re-)subscription failed on the current socket; it is issued again on the next one. */
  | { readonly type: 'subscription-failed'; readonly requestType: string; readonly message: string };

/** A short, redacted description of an unknown error (its `cause` chain is left out). */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
  return redact(text, secrets);
}

/**
 * `error` with outside text redacted: a `RequestError` is rebuilt with its (server-chosen) body
 * redacted, so its message, `body` and stack hold no token. Other errors carry only our own text.
 */
export function redactError(error: unknown, secrets: readonly string[] = []): unknown {
  if (!(error instanceof RequestError)) return error;
  const body = redactDeep(error.body, secrets);
  return JSON.stringify(body) === JSON.stringify(error.body) ? error : new RequestError(error.requestType, error.code, body);
}
