// Shared StrykerJS settings; each <folder>.config.mjs mutates one lib/ folder against its own specs.
// Run them with `npm run mutate` (all) or `npm run mutate -- <folder>` (see stryker/README.md).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const jestConfig = require('../jest.config.js');

/**
 * Stryker config mutating `lib/<folder>` and running only `spec/<folder>` (jest, perTest coverage),
 * with the TypeScript checker discarding mutants that do not compile, in incremental mode.
 * @param {string} folder a folder under lib/ (and spec/)
 * @param {{ testEnvironment?: string }} [options] jest's `node` environment where the folder's specs
 *   need no DOM: about half the time of jsdom per mutant
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(folder, options = {}) {
  return {
    packageManager: 'npm',
    // index.ts only re-exports.
    mutate: [`lib/${folder}/**/*.ts`, ...(existsSync(`lib/${folder}/index.ts`) ? [`!lib/${folder}/index.ts`] : [])],
    testRunner: 'jest',
    jest: {
      projectType: 'custom',
      // The project's jest config, restricted to this folder's specs; no globalSetup (it builds dist/,
      // which none of these specs need, and the sandbox has no dist/).
      config: {
        ...jestConfig,
        globalSetup: null,
        testMatch: [`<rootDir>/spec/${folder}/**/*.spec.ts`],
        ...(options.testEnvironment === undefined ? {} : { testEnvironment: options.testEnvironment }),
      },
      // Per mutant, only the spec files that import the mutated file (jest --findRelatedTests).
      enableFindRelatedTests: true,
    },
    coverageAnalysis: 'perTest',
    // A mutant only reached while modules load (a module-level constant) needs a fresh jest per run
    // with every spec: 60 % of lib/protocol's mutants and 94 % of its time. They are left out of the
    // score ("Ignored"); mutants reached both at load and by a test are still run against those tests.
    ignoreStatic: true,
    checkers: ['typescript'],
    tsconfigFile: 'stryker/tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    incremental: true,
    // Not committed (machine paths, copies of the specs, rewritten by every run): see stryker/README.md.
    incrementalFile: `stryker/incremental/${folder}.json`,
    // Two cores shared with other work: at most two test runners; override with --concurrency.
    concurrency: 2,
    // A loaded machine: be generous before calling a mutant a timeout.
    timeoutMS: 10000,
    dryRunTimeoutMinutes: 15,
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
    htmlReporter: { fileName: `reports/mutation/${folder}.html` },
    jsonReporter: { fileName: `reports/mutation/${folder}.json` },
    thresholds: { high: 90, low: 80, break: null },
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
  };
}
