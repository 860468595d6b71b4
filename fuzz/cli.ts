/**
 * `npm run fuzz [-- --seed S] [--cases N] [--case I[,J…]]`: runs seeded fuzz cases over the built
 * library and prints the summary. Env: FUZZ_SEED, FUZZ_CASES. Exit code 1 when anything escaped.
 */
import { runFuzz } from './runner';
import { formatSummary } from './summary';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

function integer(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${text}`);
  return value;
}

async function main(): Promise<void> {
  const seed = integer(option('seed') ?? process.env['FUZZ_SEED'], 'seed') ?? Math.floor(Math.random() * 2 ** 31);
  const cases = integer(option('cases') ?? process.env['FUZZ_CASES'], 'cases') ?? 100_000;
  const only = option('case')?.split(',').map((index) => integer(index, 'case') ?? 0);
  console.log(`fuzz: seed ${seed} (reproduce with --seed ${seed}), ${only === undefined ? `${cases} cases` : `cases ${only.join(', ')}`}`);
  const summary = await runFuzz({
    seed,
    cases,
    ...(only === undefined ? {} : { only }),
    onProgress: (done) => {
      if (done % 10_000 === 0) process.stderr.write(`  ${done} cases…\n`);
    },
  });
  console.log(formatSummary(summary));
  process.exitCode = summary.escapes.length === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
