/**
 * The per-dialog rules of the dialog core that need no state: what counts as older, terminal or
 * expired, and why an announced dialog closed. Pure: no rxjs, no clock.
 */
import type { CallDialog, CloseReason } from './types';

/**
 * Clock skew tolerated between LivePerson's servers and the page when telling an expiry from a
 * cancel: an INVITED dialog closing at most this long before its `expiresAt` (by the page's clock)
 * has expired — the server closed it at `expires` by its own clock.
 */
export const EXPIRY_SKEW_MS = 2_000;

/** Where an announced, not yet closed dialog stands (`open`: any other session state). */
export type AnnouncedPhase = 'invited' | 'accepted' | 'open';

/**
 * Where a dialog the core still tracks stands: announced, or `unannounced` — seen only as an
 * invitation already expired on arrival, never announced, and closing silently.
 */
export type LivePhase = AnnouncedPhase | 'unannounced';

/** True when `dialog` has an expiry at or before `now`. */
export function isExpired(dialog: CallDialog, now: number): boolean {
  return dialog.expiresAt !== undefined && dialog.expiresAt <= now;
}

/** True when both timestamps are known and `next` is older: an out-of-order snapshot. */
export function isOlder(next: number | undefined, last: number | undefined): boolean {
  return next !== undefined && last !== undefined && next < last;
}

/** A dialog state that ends it: session `CLOSED` or dialog `CLOSE` (either counts, protocol notes §5.3). */
export function isTerminal(dialog: CallDialog): boolean {
  return dialog.sessionState === 'CLOSED' || dialog.dialogState === 'CLOSE';
}

/**
 * Why a tracked dialog closed, when the dialog itself says so (CLOSED / CLOSE) or vanished.
 * `closing` is the closing snapshot, when there is one: its `notificationKey: cancel_invitation`
 * means cancelled whatever the time; its `expiresAt` (if any) wins over the one seen before.
 */
export function closeReason(phase: LivePhase, last: CallDialog, now: number, closing: CallDialog | undefined, skewMs: number): CloseReason {
  switch (phase) {
    case 'accepted':
      return 'hangup';
    case 'invited': {
      if (closing?.notificationKey === 'cancel_invitation') return 'cancelled';
      const expiresAt = closing?.expiresAt ?? last.expiresAt;
      return expiresAt !== undefined && expiresAt <= now + skewMs ? 'expired' : 'cancelled';
    }
    default:
      return 'unknown';
  }
}
