// Types for scripts/args.js (a plain Node script, imported by its spec).
import type { CommandSpec } from './commands';
export function checkArgs(spec: CommandSpec, argv: readonly string[]): string | undefined;
export function main(argv: readonly string[]): Promise<number>;
