/**
 * Building `DecodeError` values: a path, what was expected there, and a short redacted excerpt.
 */
import type { Fail, Issue } from './read';
import type { DecodeError, DecodeRecovery, ExpiresRule } from './types';

/** How much of a frame a `DecodeError` shows. */
export const EXCERPT_LENGTH = 200;
/** Replaces secrets in excerpts. */
export const REDACTED = '[redacted]';

// A `"jwt"` (or other token-bearing key) string value, even when cut off before its closing quote.
const SECRET_VALUE = /("(?:jwt|token|id_token|access_token|authCode)"\s*:\s*")(?:[^"\\]|\\.)*"?/gi;
// Bare JWT-looking text anywhere (`eyJ` is base64url for `{"`), including a truncated tail.
const JWT_TEXT = /eyJ[A-Za-z0-9_\-.=]*/g;

/**
 * The first {@link EXCERPT_LENGTH} characters of `text` with JWTs redacted. Redaction runs on a
 * window a little longer than the excerpt so a token cut at the window's edge is still caught.
 */
export function excerptOf(text: string): string {
  const window = text.length > EXCERPT_LENGTH * 4 ? text.slice(0, EXCERPT_LENGTH * 4) : text;
  const redacted = window.replace(SECRET_VALUE, `$1${REDACTED}"`).replace(JWT_TEXT, REDACTED);
  return redacted.length > EXCERPT_LENGTH ? redacted.slice(0, EXCERPT_LENGTH) : redacted;
}

/** `"<path>: <expected>"`; the root is shown as `(frame)`. */
export function messageOf(path: string, expected: string): string {
  return `${path === '' ? '(frame)' : path}: expected ${expected}`;
}

/** A `DecodeError` for a failure found in `text`. */
export function decodeError(fail: Fail, text: string): DecodeError {
  return {
    kind: 'decode-error',
    path: fail.path,
    expected: `expected ${fail.expected}`,
    message: messageOf(fail.path, fail.expected),
    excerpt: excerptOf(text),
  };
}

const EXPIRES_RULE_TEXT: { readonly [R in ExpiresRule]: string } = {
  'read-as-ms': 'read as epoch milliseconds',
  ignored: 'ignored: no client-side expiry',
  clamped: "clamped to 1 day after the dialog's creation",
};

function recoveryText(recovery: DecodeRecovery): string {
  return recovery.type === 'dropped' ? `dropped ${recovery.element}` : EXPIRES_RULE_TEXT[recovery.rule];
}

/**
 * A `DecodeError` for an issue of a frame that was still delivered: `message` says what was done,
 * e.g. `body.changes[0]….dialogs[1].metaData.sessionState: expected string (dropped body.changes[0]….dialogs[1])`.
 * `excerpt` is the frame's (computed once per frame by the caller).
 */
export function issueError(issue: Issue, excerpt: string): DecodeError {
  const { fail, recovery } = issue;
  return {
    kind: 'decode-error',
    path: fail.path,
    expected: `expected ${fail.expected}`,
    message: `${messageOf(fail.path, fail.expected)} (${recoveryText(recovery)})`,
    excerpt,
    recovery,
  };
}
