// Types for scripts/readme-numbers.js (a plain Node script, imported by its spec).
export interface PackedFile {
  readonly path: string;
  readonly size: number;
}
/** One package of `npm pack --dry-run --json`. */
export interface Pack {
  readonly name: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly PackedFile[];
}
export const TOLERANCE: number;
export function packDryRun(root?: string): Pack[];
export function formatBytes(bytes: number): string;
export function render(packs: readonly Pack[]): string;
export function readBlock(readme: string): string | undefined;
export function writeBlock(readme: string, block: string): string;
export function staleness(block: string | undefined, packs: readonly Pack[]): string[];
export function main(argv?: readonly string[], root?: string): number;
