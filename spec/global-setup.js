// Jest global setup: a few suites (browser e2e, demo, package exports, size check) run the built
// artifacts. `npm test` builds before jest; for a bare `npx jest` on a fresh checkout this builds once
// when an artifact is missing, and warns when the build is older than the sources.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const artifacts = [
  'dist/cjs/index.js',
  'dist/esm/index.js',
  'dist/bundle/lp-call-streams.umd.js',
  'dist/size/call-client.js',
  'packages/emulator/dist/index.js',
  'packages/emulator/dist/browser/lptag.js',
  'samples/spa/dist/app.js',
].map((file) => path.join(root, file));
const sources = ['lib', 'samples/spa/src', 'packages/emulator/lib'].map((dir) => path.join(root, dir));
// tsc rewrites every output on each build; webpack skips writing a bundle whose content is unchanged,
// so the age of the build is read from tsc's output.
const buildStamp = path.join(root, 'dist/cjs/index.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

module.exports = function globalSetup() {
  const missing = artifacts.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    console.log(`\njest: building first (npm run build); missing ${missing.map((f) => path.relative(root, f)).join(', ')}`);
    const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('jest: `npm run build` failed; the e2e, demo and exports suites need its output');
    return;
  }
  const built = fs.statSync(buildStamp).mtimeMs;
  if (sources.some((dir) => newestMtime(dir) > built)) {
    console.log('\njest: dist/ is older than lib/, samples/spa/src or packages/emulator/lib: the e2e, demo and exports suites run the old build (npm run build)');
  }
};
