/**
 * The close codes the emulator's consumer sockets use (a module of its own, so the public types
 * never reach for `ws`).
 */

/** Close code for "fresh token required" (protocol notes §3). */
export const CLOSE_TOKEN = 4401;
/** Close code of the idle timeout (LP documents the timeout, not the code). */
export const CLOSE_IDLE = 1000;
