// What esbuild keeps of the published package for one import line (minified, rxjs external), and
// where those bytes come from by lib/ folder (its metafile): the second bundler of the size figures
// (the size probes are webpack's). The package resolves through its own `exports` (dist/esm, built
// first), as in a brand's project; the repository's tsconfig paths to lib/ are not used.
'use strict';
const zlib = require('node:zlib');

/** `{ minBytes, gzipBytes, byFolder }` of `contents` (an import line, or a TypeScript module with `loader: 'ts'`) bundled from `root` by esbuild. */
async function esbuildSize(root, contents, loader = 'js') {
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    external: ['rxjs'],
    write: false,
    metafile: true,
    tsconfigRaw: '{}',
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  const byFolder = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const match = /dist\/esm\/(?:([^/]+)\/)?[^/]+$/.exec(file);
      const folder = match === null ? '(other)' : (match[1] ?? '(root)');
      byFolder[folder] = (byFolder[folder] ?? 0) + input.bytesInOutput;
    }
  }
  return {
    minBytes: bytes.length,
    gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length,
    byFolder: Object.fromEntries(Object.entries(byFolder).sort((a, b) => b[1] - a[1])),
  };
}

module.exports = { esbuildSize };
