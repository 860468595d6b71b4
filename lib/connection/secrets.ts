/**
 * The tokens a connection was handed, so their exact strings can be redacted from outside text
 * (a server's close reason, an error body, an auth provider's error) even when they are opaque.
 */

/** The last tokens remembered (an old token echoed after a refresh is still caught). */
const KEPT = 8;

/** The tokens a connection knows of, newest last. */
export interface Secrets {
  /** Remembers a token handed to the connection. */
  add(secret: string): void;
  /** The tokens to redact. */
  list(): readonly string[];
}

/** A bounded set of the connection's tokens. */
export function createSecrets(): Secrets {
  let kept: readonly string[] = [];
  return {
    add: (secret) => {
      if (kept.includes(secret)) return;
      kept = [...kept, secret].slice(-KEPT);
    },
    list: () => kept,
  };
}
