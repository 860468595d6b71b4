// Types for scripts/check-size.js (a plain Node script, imported by its spec).
export interface SizeRow {
  readonly file: string;
  readonly what: string;
  /** The ratchet: growth past it fails the run. */
  readonly limit: number;
  /** A budget from the performance issue: reported as met or not, never failing the run. */
  readonly goal?: number;
}
export interface MeasuredRow extends SizeRow {
  readonly min: number;
  readonly gzip: number;
}
export interface CheckedRow extends MeasuredRow {
  readonly ok: boolean;
  readonly goalMet: boolean | undefined;
}
export const rows: readonly SizeRow[];
export function gzipSize(bytes: Uint8Array | string): number;
export function evaluate(measured: readonly MeasuredRow[]): CheckedRow[];
export function report(results: readonly CheckedRow[]): string[];
export function main(root?: string): number;
