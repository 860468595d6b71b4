/**
 * The emulator's bounds: how much it stores and queues, so a runaway or hostile client cannot grow
 * it without end. Each refusal names the limit it hit and the option that sets it.
 */

/** Caps on what the emulator keeps (see the README's "Security" section). */
export interface EmulatorLimits {
  /** Stored messaging events per conversation (default 1,000). Over it: a 400 response / a 409 for the agent. */
  maxMessagesPerConversation: number;
  /**
   * Bytes of stored messaging events per conversation (default 512 KiB), so a replay of a whole
   * conversation stays one frame well under the client's 1 MiB inbound cap.
   */
  maxConversationBytes: number;
  /** Stored conversations (default 500); when full, the oldest DELETEd one is forgotten, else a 400. */
  maxConversations: number;
  /** Conversation plus messaging-event subscriptions per socket (default 100). Over it: a 400 response. */
  maxSubscriptionsPerSocket: number;
  /** Bytes queued for a socket that is not reading (default 8 MiB). Over it: closed with {@link CLOSE_BACKLOG}. */
  maxQueuedBytes: number;
  /** Unexpired tokens issued (default 10,000; expired ones are forgotten). Over it: signup is a 503. */
  maxTokens: number;
}

/**
 * The caps when `limits` leaves them out, fit for a developer machine: stored messages take at most
 * maxConversations × maxConversationBytes (256 MiB), a socket's queue at most 8 MiB.
 */
export const DEFAULT_LIMITS: Readonly<EmulatorLimits> = {
  maxMessagesPerConversation: 1_000,
  maxConversationBytes: 512 * 1024,
  maxConversations: 500,
  maxSubscriptionsPerSocket: 100,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxTokens: 10_000,
};

/** Deepest JSON nesting a frame or an HTTP body may have (LivePerson's own frames nest under 10). */
export const MAX_JSON_DEPTH = 64;

/**
 * The longest invitation lifetime, in ms: one day. The library takes an `expires` more than a day after
 * the dialog's creation for a mistake and clamps it to that day with a diagnostic (its `expires`
 * rule, lib/protocol/expires.ts), so the emulator never sends one.
 */
export const MAX_INVITATION_TTL_MS = 86_400_000;

/** Why an invitation lifetime (`expiresInMs`, `invitationTtlMs`) gives an `expires` the client would not take as sent, or undefined. */
export function invitationTtlRefusal(name: string, ms: number): string | undefined {
  if (Number.isFinite(ms) && ms >= 1 && ms <= MAX_INVITATION_TTL_MS) return undefined;
  return `${name} must be from 1 to ${MAX_INVITATION_TTL_MS} ms (one day): the client clamps an invitation's expires more than a day after its creation`;
}

/** Fills in the defaults; throws a RangeError naming a cap that is not a positive integer. */
export function resolveLimits(limits: Partial<EmulatorLimits> = {}): EmulatorLimits {
  const resolved = { ...DEFAULT_LIMITS, ...limits };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`limits.${name} must be a positive integer, got ${String(value)}`);
  }
  return resolved;
}

