/**
 * The plausibility rule for a COBROWSE dialog's `expires` (epoch seconds on the wire). Pure: no
 * clock. The reference time is the dialog's own `creationTs` (else its `metaDataLastUpdateTs`),
 * the server's clock, stable across the snapshots of one dialog, so every snapshot of a dialog
 * reads its expiry the same way.
 */
import { Fail, MAX_EPOCH_MS } from './read';
import type { ExpiresRule } from './types';

/** Below this, `expires` is epoch seconds (dates up to the year 5138); from here on, epoch milliseconds. */
export const EXPIRES_MS_FROM = 1e11;
/** How far from its dialog's reference time an expiry may lie, either way: one day. */
export const EXPIRES_HORIZON_MS = 86_400_000;

/** An `expires` the rule did not take as is: what it became (`atMs`) and why. Allocated only then. */
export class ExpiresAdjustment {
  constructor(
    readonly atMs: number | undefined,
    readonly rule: ExpiresRule,
    /** What was expected instead (for the diagnostic). */
    readonly expected: string,
  ) {}

  /** The diagnostic's failure at `path`. */
  failAt(path: string): Fail {
    return new Fail(path, this.expected);
  }
}

const EPOCH_SECONDS = 'epoch seconds (a positive finite number)';

/**
 * `expires` (a number from the wire) as epoch milliseconds, or the adjustment the rule made:
 *
 * 1. not finite, or ≤ 0 → ignored (no client-side expiry);
 * 2. below {@link EXPIRES_MS_FROM} → epoch seconds (× 1000, rounded); up to 8.64e15 → read as epoch
 *    milliseconds (`read-as-ms`); beyond → ignored;
 * 3. with a reference time: more than {@link EXPIRES_HORIZON_MS} after it → clamped to reference +
 *    one day (`clamped`); more than that before it → ignored.
 *
 * For instance (an internal function: not importable from the package):
 * ```text
 * expiresAt(1.5e9, undefined);        // 1_500_000_000_000
 * expiresAt(1.5e12, 1.5e12 - 60_000); // ExpiresAdjustment { atMs: 1.5e12, rule: 'read-as-ms' }
 * ```
 */
export function expiresAt(expires: number, referenceMs: number | undefined): number | ExpiresAdjustment {
  if (!(expires > 0) || expires === Infinity) return new ExpiresAdjustment(undefined, 'ignored', EPOCH_SECONDS);
  const asMs = expires >= EXPIRES_MS_FROM;
  if (asMs && expires > MAX_EPOCH_MS) return new ExpiresAdjustment(undefined, 'ignored', `${EPOCH_SECONDS}, or epoch milliseconds up to 8.64e15`);
  const atMs = Math.round(asMs ? expires : expires * 1000);
  if (referenceMs !== undefined) {
    if (atMs > referenceMs + EXPIRES_HORIZON_MS) return new ExpiresAdjustment(referenceMs + EXPIRES_HORIZON_MS, 'clamped', 'an expiry at most 1 day after the dialog was created');
    if (atMs < referenceMs - EXPIRES_HORIZON_MS) return new ExpiresAdjustment(undefined, 'ignored', 'an expiry at most 1 day before the dialog was created');
  }
  return asMs ? new ExpiresAdjustment(atMs, 'read-as-ms', 'epoch seconds (a value this large is read as epoch milliseconds)') : atMs;
}

/** Just the milliseconds of {@link expiresAt} (`undefined` when ignored). */
export function expiresAtMs(expires: number, referenceMs: number | undefined): number | undefined {
  const at = expiresAt(expires, referenceMs);
  return at instanceof ExpiresAdjustment ? at.atMs : at;
}
