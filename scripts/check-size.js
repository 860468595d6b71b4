// Bundle-size check (min+gzip, rxjs external), part of `npm test`. Run after `npm run build`.
//
// Two kinds of rows:
// - the shipped bundles (dist/bundle, every export kept), and
// - size probes (dist/size, built from scripts/size-probes/*.ts): what a brand's bundler keeps of the
//   ESM build for one import line, i.e. what a page really downloads for that use.
// Each row has a `limit`: a ratchet (today's size plus a little headroom; growth fails the run) or a
// budget. The README's "Bundle size" section explains the numbers and the open 6 KB target.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const KB = 1024;
/** The design target for the whole library (issue "Samples, builds and e2e"); printed, not yet met. */
const TARGET_BYTES = 6 * KB;

const rows = [
  { file: 'dist/bundle/lp-call-streams.umd.js', what: 'UMD bundle, every export', kind: 'ratchet', limit: 21 * KB },
  { file: 'dist/bundle/lp-call-streams.esm.js', what: 'ESM bundle, every export', kind: 'ratchet', limit: 21 * KB },
  { file: 'dist/size/call-client.js', what: 'import { createCallClient, unauthenticated }', kind: 'ratchet', limit: 18 * KB },
  { file: 'dist/size/no-connection.js', what: 'everything but the connection (own socket)', kind: 'ratchet', limit: 9.5 * KB },
  { file: 'dist/size/dialogs.js', what: 'import { decode, callDialogs, partitionDialogs }', kind: 'budget', limit: TARGET_BYTES },
];

/** min+gzip size of some bytes, gzip level 9 (what a CDN serves). */
function gzipSize(bytes) {
  return zlib.gzipSync(bytes, { level: 9 }).length;
}

/** Evaluates rows against measured sizes: pure, so the rules are testable without a build. */
function evaluate(measured) {
  return measured.map((row) => ({ ...row, ok: row.gzip <= row.limit }));
}

function formatKb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

function report(results, target = TARGET_BYTES) {
  const lines = results.map(
    (r) =>
      `size: ${formatKb(r.gzip).padStart(8)} gz ${formatKb(r.min).padStart(8)} min  ${r.what.padEnd(50)} ${r.kind} ${formatKb(r.limit)} ${r.ok ? 'ok' : 'OVER'}`,
  );
  const whole = results.find((r) => r.file.endsWith('.umd.js'));
  if (whole !== undefined) {
    lines.push(
      `size: target for the whole library ${formatKb(target)}: ${whole.gzip <= target ? 'met' : `not met (${formatKb(whole.gzip)}, see README "Bundle size")`}`,
    );
  }
  return lines;
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
    console.error(`size: ${r.file} is ${formatKb(r.gzip)} min+gzip, over its ${r.kind} of ${formatKb(r.limit)}: find what grew (npx webpack --config-name size-probes --stats-modules-space 50)`);
  }
  return over.length === 0 ? 0 : 1;
}

module.exports = { rows, TARGET_BYTES, gzipSize, evaluate, report, main };

if (require.main === module) process.exitCode = main();
