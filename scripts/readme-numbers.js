#!/usr/bin/env node
// `npm run readme:numbers` (after `npm run build`): writes what `npm pack --dry-run --json` says of both
// packages (packed size, unpacked size, files) into the README between
// `<!-- package-size:start -->` and `<!-- package-size:end -->`. `--check` writes nothing and exits 1
// when the README's block is stale (spec/build/packed-readmes.spec.ts runs the same check).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { markedBlock } = require('./readme-block');

const ROOT = path.join(__dirname, '..');
const START = '<!-- package-size:start -->';
const END = '<!-- package-size:end -->';
/** Sizes may drift this much (a small change in lib/) before the block counts as stale; file counts may not. */
const TOLERANCE = 0.02;

/** `npm pack --dry-run --json` of both packages: [{ name, size, unpackedSize, entryCount, files: [{ path }] }]. */
function packDryRun(root = ROOT) {
  if (!fs.existsSync(path.join(root, 'dist', 'cjs', 'index.js'))) throw new Error('readme-numbers: no dist/: run `npm run build` first');
  const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', './', './packages/emulator'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`readme-numbers: npm pack failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Bytes as npm prints them (1 kB = 1000 B). */
function formatBytes(bytes) {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`;
}

/** The block's lines for `packs`. */
function render(packs) {
  const rows = packs.map((p) => `| \`${p.name}\` | ${formatBytes(p.size)} | ${formatBytes(p.unpackedSize)} | ${p.entryCount} |`);
  return ['| package | packed | unpacked | files |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const { read: readBlock, write: writeBlock } = markedBlock(START, END, 'readme-numbers');

const BYTES = /^([\d.]+) (kB|MB)$/;
const bytesOf = (text) => {
  const match = BYTES.exec(text.trim());
  return match === null ? NaN : Number(match[1]) * (match[2] === 'MB' ? 1e6 : 1e3);
};

/** Why the README's block does not describe `packs` (empty when it does, within TOLERANCE for sizes). */
function staleness(block, packs) {
  if (block === undefined) return ['the README has no package-size block'];
  const rows = new Map(
    block
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells[1]?.startsWith('`'))
      .map((cells) => [cells[1].replace(/`/g, ''), cells.slice(2, 5)]),
  );
  const problems = [];
  if (rows.size !== packs.length) problems.push(`${rows.size} rows for ${packs.length} packages`);
  for (const pack of packs) {
    const row = rows.get(pack.name);
    if (row === undefined) {
      problems.push(`no row for ${pack.name}`);
      continue;
    }
    const [packed, unpacked, files] = row;
    if (Number(files) !== pack.entryCount) problems.push(`${pack.name}: ${files} files in the README, ${pack.entryCount} packed`);
    for (const [what, text, bytes] of [['packed', packed, pack.size], ['unpacked', unpacked, pack.unpackedSize]]) {
      const said = bytesOf(text);
      if (!(Math.abs(said - bytes) <= bytes * TOLERANCE)) problems.push(`${pack.name}: ${what} ${text} in the README, ${formatBytes(bytes)} packed`);
    }
  }
  return problems;
}

function main(argv = process.argv.slice(2), root = ROOT) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const packs = packDryRun(root);
  if (argv.includes('--check')) {
    const problems = staleness(readBlock(readme), packs);
    for (const problem of problems) console.error(`readme-numbers: ${problem}`);
    if (problems.length > 0) console.error('readme-numbers: stale; run `npm run readme:numbers`');
    return problems.length === 0 ? 0 : 1;
  }
  fs.writeFileSync(readmePath, writeBlock(readme, render(packs)));
  console.log(`readme-numbers: README package sizes written\n${render(packs)}`);
  return 0;
}

module.exports = { packDryRun, formatBytes, render, readBlock, writeBlock, staleness, TOLERANCE, main };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((arg) => arg !== '--check');
  if (argv.includes('--help') || unknown.length > 0) {
    (unknown.length > 0 && !argv.includes('--help') ? console.error : console.log)(
      `${unknown.length > 0 && !argv.includes('--help') ? `readme-numbers: unknown argument ${unknown[0]}\n` : ''}Usage: npm run readme:numbers [-- --check]\n\n  (no option)  write the package sizes of npm pack --dry-run into the README\n  --check      write nothing; exit 1 when the README's block is stale`,
    );
    process.exit(argv.includes('--help') ? 0 : 2);
  }
  process.exit(main(argv));
}
