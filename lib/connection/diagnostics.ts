import type { EndCause } from '../transport/reconnect-policy';
import type { Refresh } from '../transport/reconnect-policy';
import type { CloseInfo } from '../transport/websocket-like';
import type { QueueDropReason } from '../rpc/queue';
import type { SocketDiagnostic } from '../transport/socket-link';

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
