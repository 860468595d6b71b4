import { CloseCode } from './close-codes';
import type { CloseInfo } from './websocket-like';

/** Why a connection attempt ended. */
export type EndCause =
  /** The socket closed (by the server or the network); `close.code` says how. */
  | { readonly type: 'socket-closed' }
  /** GetClock got no reply within the deadline: the socket was half-open. */
  | { readonly type: 'keep-alive-timeout' }
  /** The socket did not open, or InitConnection got no reply, in time. */
  | { readonly type: 'handshake-timeout' }
  /** InitConnection was answered with `code` ≥ 400. */
  | { readonly type: 'handshake-rejected'; readonly code: number }
  /** The auth provider failed to supply a token (message redacted; `status`: the IdP's HTTP status, if it answered). */
  | { readonly type: 'token-error'; readonly message: string; readonly status?: number }
  /** The Domain API lookup failed (message redacted, with the URL; `status`: its HTTP status, if it answered). */
  | { readonly type: 'endpoint-error'; readonly message: string; readonly status?: number };

/** The end of one attempt, as the policy sees it. */
export interface AttemptEnd {
  readonly close: CloseInfo;
  readonly cause: EndCause;
  /** How long the link was open after a successful handshake; `undefined` if it never got there. */
  readonly openedForMs: number | undefined;
  /** True when we closed with 1000 on purpose. */
  readonly byClient?: boolean;
}

/** Tuning of the reconnect policy (`decideReconnect`). All times in milliseconds. */
export interface ReconnectPolicy {
  /** No reconnect waits less than this (except right after an auth refresh). Default 1 000. */
  readonly floorMs: number;
  /**
   * The first backoff ceiling; doubles per failed attempt. Default 5 000: the first attempt after a
   * drop falls anywhere in 1–5 s, so when a server drops every socket at once no 100 ms holds more
   * than a few percent of the reconnects (a 1–2 s spread put ~10 % in one window).
   */
  readonly baseMs: number;
  /** The ceiling never exceeds this. Default 30 000. */
  readonly capMs: number;
  /** A link open at least this long counts as stable: backoff restarts at attempt 1. Default 10 000. */
  readonly stableAfterMs: number;
  /** Consecutive auth rejections (4401/4407/InitConnection 401/403) that end for good. Default 2. */
  readonly maxAuthFailures: number;
  /** Failed attempts in a row before giving up (`closed { reason: 'gave-up' }`). Default Infinity. */
  readonly maxAttempts: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = {
  floorMs: 1_000,
  baseMs: 5_000,
  capMs: 30_000,
  stableAfterMs: 10_000,
  maxAuthFailures: 2,
  maxAttempts: Infinity,
};

/** What the policy remembers between attempts. */
export interface ReconnectState {
  /** Failed attempts in a row (0 after a stable link). */
  readonly attempt: number;
  /** Auth rejections in a row (0 after a stable link, or a backoff close after a handshake). */
  readonly authFailures: number;
}

export const initialReconnectState: ReconnectState = { attempt: 0, authFailures: 0 };

/** What to fetch before the next attempt. */
export type Refresh = 'none' | 'token' | 'identity';

export type ReconnectDecision =
  | { readonly type: 'stop' }
  | { readonly type: 'terminal'; readonly reason: 'auth' | 'gave-up' | 'config' }
  | { readonly type: 'retry'; readonly attempt: number; readonly delayMs: number; readonly refresh: Refresh; readonly next: ReconnectState };

/** Which refresh (if any) an ending asks for: 4401 / InitConnection 401·403 → token, 4407 → identity. */
export function refreshFor({ cause, close }: AttemptEnd): Refresh {
  if (cause.type === 'handshake-rejected') return cause.code === 401 || cause.code === 403 ? 'token' : 'none';
  if (cause.type !== 'socket-closed') return 'none';
  if (close.code === CloseCode.TOKEN_EXPIRED) return 'token';
  if (close.code === CloseCode.IDENTITY_EXPIRED) return 'identity';
  return 'none';
}

/**
 * Exponential backoff with full jitter and a floor: a uniform pick in `[floor, min(cap, base·2^(n-1))]`.
 * `random` returns a number in `[0, 1)`.
 */
export function backoffDelay(attempt: number, policy: ReconnectPolicy, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const span = Math.max(0, ceiling - policy.floorMs);
  return Math.round(policy.floorMs + random() * span);
}

/**
 * A lookup or signup the server answered with 400 / 404: the account (or the endpoint) is wrong,
 * and retrying cannot help. (401/403 of the IdP are auth; 408, 429 and 5xx are worth retrying.)
 */
export function isConfigFailure(cause: EndCause): boolean {
  return (cause.type === 'endpoint-error' || cause.type === 'token-error') && (cause.status === 400 || cause.status === 404);
}

/**
 * The reconnect policy as a pure function: what to do after an attempt ended.
 *
 * - close 1000 by us → `stop`; the Domain API or the IdP answering 400/404 → `terminal config`;
 * - 4401 (or InitConnection 401/403) → refresh the token, reconnect at once;
 *   4407 → refresh the identity, reconnect at once; `maxAuthFailures` in a row → `terminal auth`;
 * - anything else (1006, 1011, timeouts, lookup failures) → backoff, reset after a stable link;
 *   more than `maxAttempts` failures in a row → `terminal gave-up`.
 */
export function decideReconnect(end: AttemptEnd, state: ReconnectState, policy: ReconnectPolicy, random: () => number): ReconnectDecision {
  if (end.byClient === true && end.close.code === CloseCode.NORMAL) return { type: 'stop' };
  if (isConfigFailure(end.cause)) return { type: 'terminal', reason: 'config' };
  const { openedForMs } = end;
  const handshakeSucceeded = openedForMs !== undefined;
  const stable = handshakeSucceeded && openedForMs >= policy.stableAfterMs;
  const attempt = (stable ? 0 : state.attempt) + 1;
  const refresh = refreshFor(end);
  if (refresh !== 'none') {
    // Only a stable link clears the count: a server that accepts InitConnection and then closes
    // with 4401 at once must not cause a reconnect storm.
    const authFailures = (stable ? 0 : state.authFailures) + 1;
    if (authFailures >= policy.maxAuthFailures) return { type: 'terminal', reason: 'auth' };
    return { type: 'retry', attempt, delayMs: 0, refresh, next: { attempt, authFailures } };
  }
  if (attempt > policy.maxAttempts) return { type: 'terminal', reason: 'gave-up' };
  const authFailures = handshakeSucceeded ? 0 : state.authFailures;
  return { type: 'retry', attempt, delayMs: backoffDelay(attempt, policy, random), refresh: 'none', next: { attempt, authFailures } };
}
