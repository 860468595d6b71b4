// Bundle sizes, min+gzip (level 9), built here with the repo's own webpack setup for the size
// probes (scripts/size-probes: one import line each, tree-shaken like a brand's build):
//   - every probe with rxjs external (what `npm run size` checks),
//   - createCallClient and the dialog streams with rxjs bundled, and rxjs's own `webSocket`
//     bundled the same way (the smallest "socket as a stream" a brand could start from).
// Plus where createCallClient's bytes come from: its modules' (unminified) size by folder; and the
// same import through esbuild (minified size by folder, from its metafile).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { log, round, section } from './measure.mjs';

const require = createRequire(import.meta.url);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const webpack = require('webpack');
const configs = require(path.join(root, 'webpack.config.js'));

const KB = 1024;
const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function run(compilerConfigs) {
  return new Promise((resolve, reject) => {
    webpack(compilerConfigs, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve(stats);
    });
  });
}

section(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-bench-bundle-'));
  const probes = configs.find((c) => c.name === 'size-probes');
  const external = { ...probes, name: 'external', context: root, output: { ...probes.output, path: path.join(out, 'external'), clean: false } };
  const bundled = {
    ...probes,
    name: 'bundled',
    context: root,
    entry: {
      'call-client': './scripts/size-probes/call-client.ts',
      dialogs: './scripts/size-probes/dialogs.ts',
      'rxjs-websocket': './bench/probes/rxjs-websocket.mjs',
    },
    externals: {},
    externalsType: undefined,
    output: { ...probes.output, path: path.join(out, 'bundled'), clean: false },
  };
  log('bundle: webpack (size probes, rxjs external and bundled)');
  const stats = await run([external, bundled]);
  const size = (dir, name) => {
    const file = path.join(out, dir, `${name}.js`);
    return { minBytes: fs.statSync(file).size, gzipBytes: gzip(file), gzipKB: round(gzip(file) / KB, 2) };
  };
  const externalProbes = Object.fromEntries(fs.readdirSync(path.join(out, 'external')).map((f) => [path.basename(f, '.js'), size('external', path.basename(f, '.js'))]));

  // createCallClient's modules by folder (unminified source size: where to look first).
  const json = stats
    .toJson({
      all: false,
      modules: true,
      nestedModules: true,
      modulesSpace: Infinity,
      nestedModulesSpace: Infinity,
      groupModulesByType: false,
      groupModulesByPath: false,
      groupModulesByCacheStatus: false,
      groupModulesByAttributes: false,
      groupModulesByExtension: false,
      groupModulesByLayer: false,
      chunks: false,
    })
    .children.find((c) => c.name === 'external');
  const byFolder = {};
  const visit = (m) => {
    if (m.modules) return m.modules.forEach(visit);
    const match = /lib\/([^/]+)\//.exec(m.name ?? '');
    if (match !== null) byFolder[match[1]] = (byFolder[match[1]] ?? 0) + (m.size ?? 0);
  };
  json.modules.filter((m) => (m.name ?? '').startsWith('./scripts/size-probes/call-client.ts')).forEach(visit);
  const bundledProbes = { 'call-client': size('bundled', 'call-client'), dialogs: size('bundled', 'dialogs'), 'rxjs-websocket': size('bundled', 'rxjs-websocket') };
  fs.rmSync(out, { recursive: true, force: true });
  // The same import line through esbuild, from the published package (dist/esm), with its minified
  // bytes by folder (esbuild's metafile).
  log('bundle: esbuild (createCallClient, rxjs external)');
  const { esbuildSize } = require(path.join(root, 'scripts', 'esbuild-size.js'));
  const esbuild = { 'call-client': await esbuildSize(root, "export { createCallClient, unauthenticated } from 'lp-call-streams';") };
  return {
    esbuild,
    rxjsExternal: externalProbes,
    rxjsBundled: bundledProbes,
    callClientSourceBytesByFolder: Object.fromEntries(Object.entries(byFolder).sort((a, b) => b[1] - a[1])),
  };
});
