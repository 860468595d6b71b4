// Browser bundles of the library, and the browser code of the emulator package (its Node side is built by tsc).
// - UMD, global `LpCallStreams`, rxjs external as the global `rxjs`  → dist/bundle/lp-call-streams.umd.js
// - ESM, rxjs external                                                 → dist/bundle/lp-call-streams.esm.js
// - size probes (scripts/size-probes/*.ts): what a bundler keeps of the ESM build for a given import,
//   rxjs external                                                       → dist/size/<probe>.js
// - the emulator's stand-in lpTag + call app, and its agent console    → packages/emulator/dist/browser/{lptag,agent-console}.js
// - the sample SPA served by `npm start`                               → samples/spa/dist/app.js
const fs = require('node:fs');
const path = require('node:path');

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  // ts-loader must see ES modules (tree-shaking); transpile only: `npm run typecheck` type-checks.
  options: { configFile: path.resolve(__dirname, 'tsconfig.build.json'), transpileOnly: true, compilerOptions: { sourceMap: false, inlineSources: false } },
};

// The library's build options, with a root that holds lib/ and the entry outside it (samples, size probes).
const rootWideTsRule = { ...tsRule, options: { ...tsRule.options, compilerOptions: { ...tsRule.options.compilerOptions, rootDir: __dirname } } };

const rxjsExternals = {
  rxjs: { commonjs: 'rxjs', commonjs2: 'rxjs', amd: 'rxjs', root: 'rxjs' },
  'rxjs/operators': { commonjs: 'rxjs/operators', commonjs2: 'rxjs/operators', amd: 'rxjs/operators', root: ['rxjs', 'operators'] },
};

const base = (name, extra) => ({
  name,
  mode: 'production',
  target: ['web', 'es2020'],
  entry: './lib/bundle.ts',
  module: { rules: [tsRule] },
  devtool: false,
  performance: { hints: false },
  resolve: { extensions: ['.ts', '.js'], conditionNames: ['es2015', '...'] },
  ...extra,
});

// `lp-call-streams` and its test kit from lib/ (the sources), for bundles built from this repository.
const librarySources = {
  'lp-call-streams$': path.resolve(__dirname, 'lib/index.ts'),
  'lp-call-streams/testing$': path.resolve(__dirname, 'lib/testing/index.ts'),
  'lp-call-streams/protocol$': path.resolve(__dirname, 'lib/protocol/index.ts'),
  'lp-call-streams/connection$': path.resolve(__dirname, 'lib/connection/index.ts'),
  'lp-call-streams/readiness$': path.resolve(__dirname, 'lib/readiness/index.ts'),
};

// An ES module bundle with rxjs external (kept as `import … from 'rxjs'`), written to `dir`.
const esModule = (dir, output) => ({
  experiments: { outputModule: true },
  externalsType: 'module',
  externals: { rxjs: 'rxjs', 'rxjs/operators': 'rxjs/operators' },
  output: { path: path.resolve(__dirname, dir), module: true, library: { type: 'module' }, ...output },
});

// Emits static files of a sample (its index.html, its CSS) next to its bundle, as they are.
const emitStaticFiles = (dir, names) => ({
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('emit-static-files', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'emit-static-files', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const name of names) {
          const file = path.join(dir, name);
          compilation.fileDependencies.add(file);
          compilation.emitAsset(name, new sources.RawSource(fs.readFileSync(file)), { minimized: true }); // as is
        }
      });
    });
  },
});

module.exports = [
  base('umd', {
    externals: rxjsExternals,
    output: {
      path: path.resolve(__dirname, 'dist/bundle'),
      filename: 'lp-call-streams.umd.js',
      library: { name: 'LpCallStreams', type: 'umd' },
      globalObject: 'globalThis',
    },
  }),
  base('esm', esModule('dist/bundle', { filename: 'lp-call-streams.esm.js' })),
  // Size probes, read by scripts/check-size.js: one ESM bundle per entry, tree-shaken like a brand's build.
  base('size-probes', {
    entry: Object.fromEntries(
      fs.readdirSync(path.resolve(__dirname, 'scripts/size-probes')).map((file) => [path.basename(file, '.ts'), `./scripts/size-probes/${file}`]),
    ),
    module: { rules: [rootWideTsRule] },
    ...esModule('dist/size', { filename: '[name].js', clean: true }),
  }),
  // Emulator browser code (demo code, not the library): the stand-in lpTag + call app (served as /lptag.js)
  // and the agent console (/agent-console.js, loaded by /agent); plain scripts, rxjs bundled in.
  base('lptag-standin', {
    entry: { lptag: './packages/emulator/lib/browser/lptag-standin.ts', 'agent-console': './packages/emulator/lib/browser/console/main.ts' },
    module: { rules: [rootWideTsRule] },
    resolve: { extensions: ['.ts', '.js'], conditionNames: ['es2015', '...'], alias: librarySources },
    output: {
      path: path.resolve(__dirname, 'packages/emulator/dist/browser'),
      filename: '[name].js',
      iife: true,
    },
  }),
  // The sample SPA served by `npm start` (samples/spa): public API only, `lp-call-streams` = lib/, rxjs bundled in.
  base('sample-spa', {
    entry: './samples/spa/src/main.ts',
    module: { rules: [rootWideTsRule] },
    resolve: {
      extensions: ['.ts', '.js'],
      conditionNames: ['es2015', '...'],
      alias: librarySources,
    },
    output: {
      path: path.resolve(__dirname, 'samples/spa/dist'),
      filename: 'app.js',
      iife: true,
      clean: true,
    },
    plugins: [emitStaticFiles(path.resolve(__dirname, 'samples/spa'), ['index.html', 'app.css'])],
  }),
];
