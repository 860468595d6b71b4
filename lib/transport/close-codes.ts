/**
 * Close codes the connection acts on, and the library's own codes (4000–4099) that it uses when it
 * closes a socket itself. See the close-code table in `lib/connection/README.md`.
 */
export const CloseCode = {
  /** Normal closure: we sent it (last unsubscribe or `close()`), or the server did. */
  NORMAL: 1000,
  /** Abnormal closure (no close frame: network drop, server killed the TCP connection). */
  ABNORMAL: 1006,
  /** Server error. */
  INTERNAL_ERROR: 1011,
  /** LivePerson: the (authenticated) token is missing or expired — get a fresh one. */
  TOKEN_EXPIRED: 4401,
  /** LivePerson: the unauthenticated identity must be extended at the IdP. */
  IDENTITY_EXPIRED: 4407,
  /** Ours: GetClock got no reply within the deadline (half-open socket). */
  KEEP_ALIVE_TIMEOUT: 4000,
  /** Ours: the socket did not open, or InitConnection got no reply, in time. */
  HANDSHAKE_TIMEOUT: 4001,
  /** Ours: InitConnection was answered with an error code. */
  HANDSHAKE_REJECTED: 4002,
} as const;
