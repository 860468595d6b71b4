// Size budget: the browser library (rxjs external) must stay within 6 KB min+gzip.
// Run after `npm run build`; exits non-zero over budget.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_BYTES = 6 * 1024;
const files = ['lp-call-streams.umd.js', 'lp-call-streams.esm.js'];
let failed = false;
for (const name of files) {
  const file = path.join(__dirname, '..', 'dist', 'bundle', name);
  if (!fs.existsSync(file)) {
    console.error(`size: ${file} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
  const raw = fs.readFileSync(file);
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  const ok = gz <= BUDGET_BYTES;
  failed ||= !ok;
  console.log(`size: ${name}: ${raw.length} B min, ${gz} B min+gzip (budget ${BUDGET_BYTES} B) ${ok ? 'ok' : 'OVER BUDGET'}`);
}
process.exit(failed ? 1 : 0);
