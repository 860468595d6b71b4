/**
 * The close codes the emulator's consumer sockets use (a module of its own, so the public types
 * never reach for `ws`).
 */

/** Close code for "fresh token required" (protocol notes §3). */
export const CLOSE_TOKEN = 4401;
/** Close code of the idle timeout (LP documents the timeout, not the code). */
export const CLOSE_IDLE = 1000;
/**
 * Close code for a socket whose client stopped reading: more than `limits.maxQueuedBytes` waited to be
 * sent (1008, Policy Violation; the reason names the limit). The library reconnects with backoff.
 */
export const CLOSE_BACKLOG = 1008;
