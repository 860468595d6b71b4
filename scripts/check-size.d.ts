// Types for scripts/check-size.js (a plain Node script, imported by its spec).
export interface SizeRow {
  readonly file: string;
  readonly what: string;
  readonly kind: 'ratchet' | 'budget';
  readonly limit: number;
}
export interface MeasuredRow extends SizeRow {
  readonly min: number;
  readonly gzip: number;
}
export interface CheckedRow extends MeasuredRow {
  readonly ok: boolean;
}
export const rows: readonly SizeRow[];
export const TARGET_BYTES: number;
export function gzipSize(bytes: Uint8Array | string): number;
export function evaluate(measured: readonly MeasuredRow[]): CheckedRow[];
export function report(results: readonly CheckedRow[], target?: number): string[];
export function main(root?: string): number;
