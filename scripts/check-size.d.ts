// Types for scripts/check-size.js (a plain Node script, imported by its specs).
export interface SizeRow {
  readonly id: string;
  readonly bundler: 'webpack' | 'esbuild';
  /** webpack: the built file; esbuild: a module to bundle (else `entry`). */
  readonly file?: string;
  /** esbuild: an import line to bundle. */
  readonly entry?: string;
  readonly what: string;
  /** The ratchet: growth past it fails the run. */
  readonly limit: number;
  /** The size budget: reported as met or not, never failing the run. */
  readonly goal?: number;
}
export interface MeasuredRow extends SizeRow {
  readonly min: number;
  readonly gzip: number;
  readonly byFolder?: Readonly<Record<string, number>>;
}
export interface CheckedRow extends MeasuredRow {
  readonly ok: boolean;
  readonly goalMet: boolean | undefined;
}
export const rows: readonly SizeRow[];
export function gzipSize(bytes: Uint8Array | string): number;
export function evaluate(measured: readonly MeasuredRow[]): CheckedRow[];
export function report(results: readonly CheckedRow[]): string[];
export function measure(root?: string): Promise<MeasuredRow[]>;
export function renderTable(results: readonly CheckedRow[]): string;
export function staleness(block: string | undefined, results: readonly CheckedRow[]): string[];
export function readBlock(readme: string): string | undefined;
export function main(argv?: readonly string[], root?: string): Promise<number>;
