// `npm run mutate [-- <folder>...] [stryker options] [-- any stryker option]`: StrykerJS over lib/protocol, lib/dialog,
// lib/core and lib/rpc, one folder at a time (stryker/<folder>.config.mjs), incrementally, then a
// score per folder. Not part of `npm test`. Extra `--options` are passed to every stryker run.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { COMMANDS, MUTATE_FOLDERS: all } = require('./commands');

const root = path.join(__dirname, '..');

/** Folders (words before a `--`), and stryker's options: the known ones with their values, and all after `--`. */
function split(args) {
  const folders = [];
  const options = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      options.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-')) folders.push(arg.replace(/^lib\//, '').replace(/\/$/, ''));
    else {
      options.push(arg);
      if (COMMANDS.mutate.options[arg] === 'value' && args[i + 1] !== undefined) options.push(args[(i += 1)]);
    }
  }
  return { folders, options };
}

const { folders: named, options } = split(process.argv.slice(2));
const unknown = named.filter((folder) => !all.includes(folder));
if (unknown.length > 0) {
  console.error(`mutate: unknown folder ${unknown.join(', ')}; one of ${all.join(', ')}`);
  process.exit(2);
}
const folders = named.length > 0 ? named : all;

/** Mutation score (killed + timeout) / (valid mutants) of a stryker JSON report, in percent. */
function score(report) {
  let detected = 0;
  let valid = 0;
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (['Killed', 'Timeout'].includes(mutant.status)) detected += 1;
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(mutant.status)) valid += 1;
    }
  }
  return { detected, valid, percent: valid === 0 ? 100 : (100 * detected) / valid };
}

const rows = [];
let failed = false;
for (const folder of folders) {
  const started = Date.now();
  const run = spawnSync('npx', ['stryker', 'run', `stryker/${folder}.config.mjs`, ...options], { cwd: root, stdio: 'inherit' });
  const minutes = ((Date.now() - started) / 60000).toFixed(1);
  if (run.status !== 0) {
    failed = true;
    rows.push(`${folder.padEnd(9)} stryker failed (exit ${run.status}) after ${minutes} min`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(path.join(root, `reports/mutation/${folder}.json`), 'utf8'));
  const { detected, valid, percent } = score(report);
  rows.push(`${folder.padEnd(9)} ${percent.toFixed(2).padStart(6)} %  (${detected}/${valid} detected, ${minutes} min)`);
}
console.log(`\nmutation score per folder (reports/mutation/<folder>.html):\n${rows.join('\n')}`);
process.exit(failed ? 1 : 0);
