// Types for scripts/commands.js (a plain Node script, imported by its spec).
export interface CommandSpec {
  /** How the usage names it: `npm run bench`, `npm start`. */
  readonly name: string;
  readonly usage: string;
  /** Options it takes: a flag, or an option with a value. */
  readonly options?: Readonly<Record<string, 'flag' | 'value'>>;
  /** Why a word is not an argument it takes (undefined: it is). */
  readonly positional?: (arg: string) => string | undefined;
  /** A check of its own instead of options and positional. */
  readonly check?: (args: readonly string[]) => string | undefined;
  /** npm scripts to run first. */
  readonly build: readonly string[];
  /** What `node` runs, before the arguments. */
  readonly run: readonly string[];
}
export const COMMANDS: Readonly<Record<'bench' | 'start' | 'flood' | 'fuzz' | 'chaos' | 'mutate' | 'demo', CommandSpec>>;
export const BENCH_SECTIONS: readonly string[];
export const MUTATE_FOLDERS: readonly string[];
