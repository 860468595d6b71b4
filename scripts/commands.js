// The npm scripts that take arguments (run through scripts/args.js): each one's usage, the arguments it
// takes, the build steps it needs (npm scripts) and what it runs.
'use strict';
const { requireSource } = require('./ts-source');

const BENCH_SECTIONS = ['throughput', 'latency', 'memory', 'ready', 'scale', 'bundle'];
const MUTATE_FOLDERS = ['protocol', 'dialog', 'core', 'rpc'];

const COMMANDS = {
  bench: {
    name: 'npm run bench',
    usage: `
Usage: npm run bench [-- <section>…]

Builds dist/cjs, dist/esm and the emulator, then runs the benchmarks, each section in a process of its own, and
writes bench/results.json; after a run of every section it rewrites the README's Performance table.
About 3–5 minutes on two cores.

  <section>   only these (results.json keeps the others): ${BENCH_SECTIONS.join(', ')}
  --help      this text`,
    positional: (arg) => (BENCH_SECTIONS.includes(arg) ? undefined : `unknown section ${arg}; one of ${BENCH_SECTIONS.join(', ')}`),
    build: ['build:cjs', 'build:esm', 'build:emulator'],
    run: ['--expose-gc', 'bench/run.mjs'],
  },
  start: {
    name: 'npm start',
    usage: undefined, // the emulator CLI's, read from its source
    check: (args) => {
      const parsed = emulatorCli().parseCliArgs(args, process.env);
      return parsed.ok ? undefined : parsed.error;
    },
    build: ['build:start'],
    run: ['scripts/start.js'],
  },
  flood: {
    name: 'npm run flood',
    usage: `
Usage: npm run flood

Builds dist/cjs and the emulator, then floods one createCallClient over a loopback WebSocket with
notifications (10,000/s for 5 s) and reports event-loop lag, reconnects and delivery. Settings are
environment variables: FLOOD_RATE, FLOOD_SECONDS, FLOOD_IDLE_MS, FLOOD_DEADLINE_MS, FLOOD_DRAIN_MS,
FLOOD_CLIENT=raw (the baseline), FLOOD_LIB=<dist/cjs/index.js of another build>, FLOOD_DEBUG=1.

  --help      this text`,
    build: ['build:cjs', 'build:emulator'],
    run: ['bench/flood.mjs'],
  },
  fuzz: {
    name: 'npm run fuzz',
    usage: `
Usage: npm run fuzz [-- --seed <n>] [--cases <n>] [--case <i>[,<j>…]]

Builds dist/cjs and the fuzzer, then runs seeded fuzz cases (decode, the dialog streams, a whole
client) and prints the summary; exit 1 when anything escaped. Also FUZZ_SEED, FUZZ_CASES.

  --seed <n>        the seed (default: random, printed)
  --cases <n>       how many cases (default 100000)
  --case <i,j,…>    only these cases (to reproduce one)
  --help            this text`,
    options: { '--seed': 'value', '--cases': 'value', '--case': 'value' },
    build: ['build:fuzz'],
    run: ['dist/fuzz/cli.js'],
  },
  chaos: {
    name: 'npm run chaos',
    usage: `
Usage: npm run chaos [-- --from <jest-results.json>]

Runs the chaos suite (spec/chaos: call steps × faults over real sockets against the emulator) and
prints its matrices as Markdown tables and one line of totals; exit 1 when a scenario failed.

  --from <file>   summarise a saved run (npx jest spec/chaos --json --outputFile=<file>) instead
  --help          this text`,
    options: { '--from': 'value' },
    build: [],
    run: ['scripts/chaos-summary.js'],
  },
  mutate: {
    name: 'npm run mutate',
    usage: `
Usage: npm run mutate [-- <folder>…] [stryker options] [-- <any stryker option>]

StrykerJS over lib/<folder> with its specs, one folder at a time, incrementally (stryker/README.md),
then a score per folder. Not part of npm test; a full run takes minutes to an hour per folder.

  <folder>              ${MUTATE_FOLDERS.join(', ')} (default: all four)
  --force               ignore the incremental file: test every mutant
  --concurrency <n>     test runners at once (default 2)
  --logLevel <level>    stryker's log level (info, debug, …)
  --timeoutMS <ms>      per-mutant timeout over the dry run's time
  --dryRunOnly          run the tests once, no mutants
  -- <options>          anything after a second -- goes to stryker unread
  --help                this text`,
    options: { '--force': 'flag', '--concurrency': 'value', '--logLevel': 'value', '--timeoutMS': 'value', '--dryRunOnly': 'flag' },
    positional: (arg) => (MUTATE_FOLDERS.includes(arg.replace(/^lib\//, '').replace(/\/$/, '')) ? undefined : `unknown folder ${arg}; one of ${MUTATE_FOLDERS.join(', ')}`),
    build: [],
    run: ['scripts/mutate.js'],
  },
  demo: {
    name: 'npm run demo',
    usage: `
Usage: npm run demo

Builds dist/cjs and the emulator, then runs a scripted call in the terminal against the emulator
(a declined voice call, an accepted video call through a socket drop) and prints the streams as a
timeline; exit 0 when the whole flow happened.

  --help      this text`,
    build: ['build:cjs', 'build:emulator'],
    run: ['scripts/demo.js'],
  },
};

let cli;
/** The emulator CLI's parser and usage, from its TypeScript source (nothing is built yet). */
function emulatorCli() {
  cli ??= requireSource('packages/emulator/lib/cli-args.ts');
  return cli;
}

Object.defineProperty(COMMANDS.start, 'usage', { get: () => emulatorCli().CLI_USAGE.replace('lp-call-streams-emulator [options]', 'npm start -- [options]'), enumerable: true });

module.exports = { COMMANDS, BENCH_SECTIONS, MUTATE_FOLDERS };
