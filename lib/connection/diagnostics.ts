import type { DecodeError } from '../protocol/types';
import type { EndCause } from '../transport/reconnect-policy';
import type { Refresh } from '../transport/reconnect-policy';
import type { CloseInfo } from '../transport/websocket-like';
import type { QueueDropReason } from '../rpc/queue';

/**
 * Everything the connection noticed but survived, as values (never thrown, never an error of a
 * shared stream). No diagnostic ever contains a JWT.
 */
export type ConnectionDiagnostic =
  /** An inbound frame could not be decoded; the stream lives on. */
  | { readonly type: 'decode-error'; readonly generation: number; readonly error: DecodeError }
  /** A response nobody waits for (late after a timeout, or never asked). */
  | { readonly type: 'unexpected-response'; readonly generation: number; readonly reqId: string; readonly code: number }
  /**
   * An inbound frame over `maxInboundFrameSize` was dropped unparsed; the stream lives on. `size` is its
   * length in characters (UTF-16 code units); nothing of its payload is kept.
   */
  | { readonly type: 'frame-too-large'; readonly generation: number; readonly size: number; readonly limit: number }
  /** A well-formed frame of a kind a consumer does not expect (e.g. a `req` from the server). */
  | { readonly type: 'unexpected-frame'; readonly generation: number; readonly frameKind: string }
  /** A socket (or the attempt to get one) ended, and what happens next. */
  | {
      readonly type: 'disconnected';
      readonly cause: EndCause;
      readonly close: CloseInfo;
      /** How long the link had been open; `undefined` if the handshake never completed. */
      readonly openedForMs: number | undefined;
      readonly next:
        | { readonly type: 'reconnect'; readonly attempt: number; readonly delayMs: number; readonly refresh: Refresh }
        | { readonly type: 'terminal'; readonly reason: 'auth' | 'gave-up' | 'client' };
    }
  /** A queued command was not sent (its Observable errored with `QueueError`). */
  | { readonly type: 'queue-drop'; readonly requestType: string; readonly reason: QueueDropReason }
  /** A (re-)subscription failed on the current socket; it is issued again on the next one. */
  | { readonly type: 'subscription-failed'; readonly requestType: string; readonly message: string };

const jwtPattern = /eyJ[\w-]*\.[\w-]*\.[\w-]*/g;

/** Removes anything JWT-shaped, and the given secrets, from a text meant for a diagnostic or error. */
export function redact(text: string, secrets: readonly string[] = []): string {
  const withoutSecrets = secrets.filter((secret) => secret.length >= 8).reduce((acc, secret) => acc.split(secret).join('[redacted]'), text);
  return withoutSecrets.replace(jwtPattern, '[redacted jwt]');
}

/** A short, redacted description of an unknown error. */
export function describeError(error: unknown, secrets: readonly string[] = []): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : 'unknown error';
  return redact(text, secrets);
}
