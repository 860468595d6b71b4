// Bundle-size check (min+gzip, rxjs external), part of `npm test`. Run after `npm run build`.
//
// Rows, each measured by one bundler:
// - webpack: the shipped bundles (dist/bundle, every export kept) and the size probes (dist/size,
//   built from scripts/size-probes/*.ts by the repo's webpack setup): what a brand's webpack keeps of
//   the ESM build for one import line, i.e. what a page really downloads for that use;
// - esbuild: the same import line for createCallClient, and the README quickstart, bundled from the
//   published package (dist/esm, through its `exports`) by esbuild (scripts/esbuild-size.js).
// Each row has a `limit`, a ratchet: today's size plus a little headroom; growth past it fails the
// run (lower it when a row shrinks). Rows with a `goal` also say whether the size budget is met and
// by how much it is missed — printed on every run, not failing it. `--write` rewrites the README's
// bundle table (between `<!-- bundle-size:start -->` and `<!-- bundle-size:end -->`); `--check`
// exits 1 when that table is stale (spec/scripts/bundle-table.spec.ts runs the same check).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { esbuildSize } = require('./esbuild-size');
const { markedBlock } = require('./readme-block');

const KB = 1024;
const ROOT = path.join(__dirname, '..');

/** @type {import('./check-size').SizeRow[]} */
const rows = [
  { id: 'umd', bundler: 'webpack', file: 'dist/bundle/lp-call-streams.umd.js', what: 'UMD bundle (`LpCallStreams`): the root, /connection and /readiness', limit: 25.5 * KB },
  { id: 'esm', bundler: 'webpack', file: 'dist/bundle/lp-call-streams.esm.js', what: 'ESM bundle: the root, /connection and /readiness', limit: 25 * KB },
  { id: 'call-client', bundler: 'webpack', file: 'dist/size/call-client.js', what: '`import { createCallClient, unauthenticated }`', limit: 21.5 * KB, goal: 12 * KB },
  {
    id: 'call-client-esbuild',
    bundler: 'esbuild',
    entry: "export { createCallClient, unauthenticated } from 'lp-call-streams';",
    what: '`import { createCallClient, unauthenticated }`',
    limit: 23.2 * KB,
    goal: 12 * KB,
  },
  { id: 'quickstart-esbuild', bundler: 'esbuild', file: 'samples/quickstart/quickstart.ts', what: 'the README quickstart', limit: 23.6 * KB, goal: 13 * KB },
  { id: 'no-connection', bundler: 'webpack', file: 'dist/size/no-connection.js', what: 'everything but the connection (own socket): the core, its views and commands, adapters', limit: 12 * KB },
  { id: 'dialogs', bundler: 'webpack', file: 'dist/size/dialogs.js', what: '`import { decode, callCore, callStreams }` (the call core over your own socket)', limit: 9.5 * KB },
];

/** min+gzip size of some bytes, gzip level 9 (what a CDN serves). */
function gzipSize(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/** Evaluates rows against measured sizes: pure, so the rules are testable without a build. */
function evaluate(measured) {
  return measured.map((row) => ({ ...row, ok: row.gzip <= row.limit, goalMet: row.goal === undefined ? undefined : row.gzip <= row.goal }));
}

function formatKb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function goalText(r) {
  if (r.goal === undefined) return '';
  return r.goalMet ? `  goal ${formatKb(r.goal)} met` : `  goal ${formatKb(r.goal)} NOT MET (${formatKb(r.gzip - r.goal)} over)`;
}

function report(results) {
  return results.map(
    (r) =>
      `size: ${formatKb(r.gzip).padStart(8)} gz ${formatKb(r.min).padStart(8)} min  ${r.bundler.padEnd(8)} ${r.what.replaceAll('`', '').slice(0, 60).padEnd(60)} ratchet ${formatKb(r.limit)} ${r.ok ? 'ok' : 'OVER'}${goalText(r)}`,
  );
}

/** The rows' inputs that are missing (a webpack row's built file; an esbuild row needs dist/esm). */
function missingInputs(root) {
  const webpackMissing = rows.filter((row) => row.bundler === 'webpack' && !fs.existsSync(path.join(root, row.file))).map((row) => row.file);
  const esbuildMissing = rows.some((row) => row.bundler === 'esbuild') && !fs.existsSync(path.join(root, 'dist', 'esm', 'index.js')) ? ['dist/esm/index.js'] : [];
  return [...webpackMissing, ...esbuildMissing];
}

/** Every row measured (min and min+gzip bytes); esbuild rows also carry their minified bytes by lib/ folder. */
async function measure(root = ROOT) {
  const measured = [];
  for (const row of rows) {
    if (row.bundler === 'webpack') {
      const bytes = fs.readFileSync(path.join(root, row.file));
      measured.push({ ...row, min: bytes.length, gzip: gzipSize(bytes) });
    } else {
      const contents = row.entry ?? fs.readFileSync(path.join(root, row.file), 'utf8');
      const size = await esbuildSize(root, contents, row.entry === undefined ? 'ts' : 'js');
      measured.push({ ...row, min: size.minBytes, gzip: size.gzipBytes, byFolder: size.byFolder });
    }
  }
  return measured;
}

// ─── the README's table ──────────────────────────────────────────────────────────────────────────

const START = '<!-- bundle-size:start -->';
const END = '<!-- bundle-size:end -->';
/** Sizes may drift this much (a small change in lib/) before the table counts as stale. */
const TOLERANCE = 0.02;

/** The README's bundle table for `results` (generated: `npm run size -- --write`). */
function renderTable(results) {
  const lines = [
    '| what | bundler | minified | min+gzip | check |',
    '| --- | --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.what} | ${r.bundler} | ${formatKb(r.min)} | ${formatKb(r.gzip)} | ratchet ${formatKb(r.limit)}${r.goal === undefined ? '' : `; goal ${formatKb(r.goal)}, ${r.goalMet ? 'met' : `**not met** (${formatKb(r.gzip - r.goal)} over)`}`} |`),
  ];
  const byFolder = results.find((r) => r.id === 'call-client-esbuild')?.byFolder;
  if (byFolder !== undefined) {
    const total = Object.values(byFolder).reduce((a, b) => a + b, 0);
    lines.push('', `Where \`createCallClient\`'s minified bytes come from (esbuild's metafile, by lib/ folder): ${Object.entries(byFolder).map(([folder, bytes]) => `${folder} ${formatKb(bytes)} (${Math.round((100 * bytes) / total)} %)`).join(', ')}.`);
  }
  return lines.join('\n');
}

const { read: readBlock, write: writeBlock } = markedBlock(START, END, 'size');

const KB_CELL = /^([\d.]+) KB$/;

/** Why the README's table does not describe `results` (empty when it does, within TOLERANCE). */
function staleness(block, results) {
  if (block === undefined) return ['the README has no bundle-size table'];
  const problems = [];
  const lines = block.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| what') && !line.startsWith('| ---'));
  if (lines.length !== results.length) problems.push(`${lines.length} rows in the README for ${results.length} measured`);
  results.forEach((r, i) => {
    const cells = (lines[i] ?? '').split(' | ').map((cell) => cell.replace(/^\| /, '').trim());
    if (cells[0] !== r.what || cells[1] !== r.bundler) return problems.push(`row ${i + 1}: "${cells[0]}" (${cells[1]}) where ${r.what} (${r.bundler}) was measured`);
    for (const [name, text, bytes] of [['minified', cells[2], r.min], ['min+gzip', cells[3], r.gzip]]) {
      const match = KB_CELL.exec(text ?? '');
      const said = match === null ? NaN : Number(match[1]) * KB;
      if (!(Math.abs(said - bytes) <= Math.max(bytes * TOLERANCE, 0.05 * KB))) problems.push(`${r.what} (${r.bundler}): ${name} ${text} in the README, ${formatKb(bytes)} measured`);
    }
    return undefined;
  });
  return problems;
}

async function main(argv = process.argv.slice(2), root = ROOT) {
  const missing = missingInputs(root);
  if (missing.length > 0) {
    console.error(`size: missing ${missing.join(', ')}; run \`npm run build\` first`);
    return 1;
  }
  const results = evaluate(await measure(root));
  const readmeFile = path.join(root, 'README.md');
  if (argv.includes('--write')) {
    fs.writeFileSync(readmeFile, writeBlock(fs.readFileSync(readmeFile, 'utf8'), renderTable(results)));
    console.log('size: README bundle table rewritten');
  }
  if (argv.includes('--check')) {
    const problems = staleness(readBlock(fs.readFileSync(readmeFile, 'utf8')), results);
    for (const problem of problems) console.error(`size: README bundle table is stale: ${problem} (run \`npm run size -- --write\`)`);
    if (problems.length > 0) return 1;
  }
  for (const line of report(results)) console.log(line);
  const over = results.filter((r) => !r.ok);
  for (const r of over) {
    const how = r.bundler === 'webpack' ? 'npx webpack --config-name size-probes --stats-modules-space 50' : "esbuild's metafile: the by-folder line of `npm run size -- --write`";
    console.error(`size: ${r.what.replaceAll('`', '')} (${r.bundler}) is ${formatKb(r.gzip)} min+gzip, over its ratchet of ${formatKb(r.limit)}: find what grew (${how})`);
  }
  return over.length === 0 ? 0 : 1;
}

module.exports = { rows, gzipSize, evaluate, report, measure, renderTable, staleness, readBlock, main };

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
