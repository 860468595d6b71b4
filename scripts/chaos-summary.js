#!/usr/bin/env node
// `npm run chaos`: runs the chaos suite (spec/chaos: call steps × faults over real sockets against the
// emulator) and prints its matrices as Markdown tables (one per describe block) — one row per call
// step, one column per fault, each cell the scenarios that passed out of those run and how they
// ended (close reason) — then
// one line of totals for the README's Reliability table. Exits 1 when a scenario failed (a known bug
// left as `test.failing` is counted apart and does not fail the run).
//
//   node scripts/chaos-summary.js                 run jest, then summarise
//   node scripts/chaos-summary.js --from r.json   summarise a run saved with `npx jest spec/chaos --json --outputFile=r.json`
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The scenario titles of spec/chaos: `[step | fault | move] → ending`.
const SCENARIO = /^\[(?<step>[^|]+) \| (?<fault>[^|]+) \| (?<move>[^\]]+)\] → (?<ending>.+)$/;

function runJest() {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-')), 'result.json');
  const started = Date.now();
  const run = spawnSync('npx', ['jest', 'spec/chaos', '--json', `--outputFile=${output}`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!fs.existsSync(output)) {
    console.error(`chaos: jest wrote no results (exit ${run.status})`);
    process.exit(1);
  }
  return { result: JSON.parse(fs.readFileSync(output, 'utf8')), wallMs: Date.now() - started };
}

function load() {
  const at = process.argv.indexOf('--from');
  if (at === -1) return runJest();
  return { result: JSON.parse(fs.readFileSync(path.resolve(process.argv[at + 1]), 'utf8')), wallMs: undefined };
}

const { result, wallMs } = load();
const assertions = result.testResults.flatMap((file) => file.assertionResults);
const scenarios = [];
const others = [];
for (const assertion of assertions) {
  const match = SCENARIO.exec(assertion.title);
  if (match === null) others.push(assertion);
  // A `test.failing` scenario is a known library bug: it "passes" while the bug is there.
  else
    scenarios.push({
      ...match.groups,
      group: assertion.ancestorTitles.join(' › '),
      status: assertion.failing === true ? 'known-bug' : assertion.status,
      ms: assertion.duration ?? 0,
      title: assertion.title,
    });
}

const unique = (values) => [...new Set(values)];
const cell = (here) => {
  if (here.length === 0) return '—';
  const passed = here.filter((s) => s.status === 'passed').length;
  const known = here.filter((s) => s.status === 'known-bug').length;
  const endings = unique(here.map((s) => s.ending)).join(', ');
  return `${passed === here.length ? '✓' : '✗'} ${passed}/${here.length} → ${endings}${known > 0 ? ` (${known} known bug)` : ''}`;
};

// One table per describe block: rows are steps, columns faults.
for (const group of unique(scenarios.map((s) => s.group))) {
  const mine = scenarios.filter((s) => s.group === group);
  const steps = unique(mine.map((s) => s.step));
  const faults = unique(mine.map((s) => s.fault));
  console.log(`${group} (${mine.length} scenarios; moves: ${unique(mine.map((s) => s.move)).join(' / ')})`);
  console.log('');
  console.log(`| step \\ fault | ${faults.join(' | ')} |`);
  console.log(`|---|${faults.map(() => '---').join('|')}|`);
  for (const step of steps) console.log(`| ${step} | ${faults.map((fault) => cell(mine.filter((s) => s.step === step && s.fault === fault))).join(' | ')} |`);
  console.log('');
}

const passed = scenarios.filter((s) => s.status === 'passed');
const knownBugs = scenarios.filter((s) => s.status === 'known-bug');
const failed = scenarios.filter((s) => s.status !== 'passed' && s.status !== 'known-bug');
const slowest = [...scenarios].sort((a, b) => b.ms - a.ms)[0];
console.log(
  `chaos: ${scenarios.length} scenarios (${unique(scenarios.map((s) => s.step)).length} call steps, ${unique(scenarios.map((s) => s.fault)).length} faults), ` +
    `${passed.length} passed, ${failed.length} failed, ${knownBugs.length} known bugs (test.failing); ` +
    `checks per scenario: end state, invitation shown once (never when cancelled before it could be), closed$ once with its reason, accepted$ at most once, no stream ended, nothing unhandled, ` +
    `re-auth only on a refused token, half-open noticed by the keep-alive, a socket that never opens given up, backoff while the server is away, leave closes with 1000; ` +
    `slowest ${slowest === undefined ? '—' : `${slowest.ms} ms`}` +
    (wallMs === undefined ? '' : `, jest wall time ${(wallMs / 1000).toFixed(1)} s`),
);
for (const scenario of failed) console.log(`  failed: ${scenario.title}`);
for (const scenario of knownBugs) console.log(`  known bug: ${scenario.title}`);
const otherFailed = others.filter((a) => a.status !== 'passed' && a.status !== 'pending');
for (const assertion of otherFailed) console.log(`  failed (not a scenario): ${assertion.fullName}`);
process.exit(failed.length + otherFailed.length === 0 && result.numFailedTestSuites === 0 ? 0 : 1);
