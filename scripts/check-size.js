// Size ratchet for the browser library (rxjs external), min+gzip. Run after `npm run build`;
// exits non-zero over budget. The design target is 6 KB (see the README, "Bundle size"); today's
// full feature set measures ~16.5 KB, so this ratchet (18 KB) stops growth while the target is open.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const BUDGET_BYTES = 18 * 1024;
const TARGET_BYTES = 6 * 1024;
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
  console.log(`size: ${name}: ${raw.length} B min, ${gz} B min+gzip (ratchet ${BUDGET_BYTES} B, target ${TARGET_BYTES} B) ${ok ? 'ok' : 'OVER BUDGET'}`);
}
process.exit(failed ? 1 : 0);
