// Bundle-size check (min+gzip, rxjs external), part of `npm test`. Run after `npm run build`.
//
// Two kinds of rows:
// - the shipped bundles (dist/bundle, every export kept), and
// - size probes (dist/size, built from scripts/size-probes/*.ts): what a brand's bundler keeps of the
//   ESM build for one import line, i.e. what a page really downloads for that use.
// Each row has a `limit`, a ratchet: today's size plus a little headroom; growth past it fails the
// run (lower it when a row shrinks). Rows with a `goal` also say whether the performance issue's
// budget is met and by how much it is missed — printed on every run, not failing it until met:
// createCallClient ≤ 12 KB (10 KB stretch). The README's
// "Bundle size" section explains the numbers.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const KB = 1024;

const rows = [
  { file: 'dist/bundle/lp-call-streams.umd.js', what: 'UMD bundle, every export', limit: 26 * KB },
  { file: 'dist/bundle/lp-call-streams.esm.js', what: 'ESM bundle, every export', limit: 25.5 * KB },
  { file: 'dist/size/call-client.js', what: 'import { createCallClient, unauthenticated }', limit: 22.5 * KB, goal: 12 * KB },
  { file: 'dist/size/no-connection.js', what: 'everything but the connection (own socket)', limit: 12 * KB },
  { file: 'dist/size/dialogs.js', what: 'import { decode, callCore, callStreams } (the call core over your own socket)', limit: 9.5 * KB },
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
    (r) => `size: ${formatKb(r.gzip).padStart(8)} gz ${formatKb(r.min).padStart(8)} min  ${r.what.padEnd(50)} ratchet ${formatKb(r.limit)} ${r.ok ? 'ok' : 'OVER'}${goalText(r)}`,
  );
}

function main(root = path.join(__dirname, '..')) {
  const missing = rows.filter((row) => !fs.existsSync(path.join(root, row.file)));
  if (missing.length > 0) {
    console.error(`size: missing ${missing.map((row) => row.file).join(', ')}; run \`npm run build\` first`);
    return 1;
  }
  const measured = rows.map((row) => {
    const bytes = fs.readFileSync(path.join(root, row.file));
    return { ...row, min: bytes.length, gzip: gzipSize(bytes) };
  });
  const results = evaluate(measured);
  for (const line of report(results)) console.log(line);
  const over = results.filter((r) => !r.ok);
  for (const r of over) {
    console.error(`size: ${r.file} is ${formatKb(r.gzip)} min+gzip, over its ratchet of ${formatKb(r.limit)}: find what grew (npx webpack --config-name size-probes --stats-modules-space 50)`);
  }
  return over.length === 0 ? 0 : 1;
}

module.exports = { rows, gzipSize, evaluate, report, main };

if (require.main === module) process.exitCode = main();
