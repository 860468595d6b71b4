// Browser bundles of the library (the emulator is Node-only and never bundled).
// - UMD, global `LpCallStreams`, rxjs external as the global `rxjs`  → dist/bundle/lp-call-streams.umd.js
// - ESM, rxjs external                                                 → dist/bundle/lp-call-streams.esm.js
const path = require('node:path');

const tsRule = {
  test: /\.ts$/,
  loader: 'ts-loader',
  exclude: /node_modules/,
  // ts-loader must see ES modules (tree-shaking); transpile only: `npm run typecheck` type-checks.
  options: { configFile: 'tsconfig.build.json', transpileOnly: true, compilerOptions: { sourceMap: false } },
};

const rxjsExternals = {
  rxjs: { commonjs: 'rxjs', commonjs2: 'rxjs', amd: 'rxjs', root: 'rxjs' },
  'rxjs/operators': { commonjs: 'rxjs/operators', commonjs2: 'rxjs/operators', amd: 'rxjs/operators', root: ['rxjs', 'operators'] },
};

const base = (name, extra) => ({
  name,
  mode: 'production',
  target: ['web', 'es2020'],
  entry: './lib/index.ts',
  module: { rules: [tsRule] },
  devtool: false,
  performance: { hints: false },
  resolve: { extensions: ['.ts', '.js'], conditionNames: ['es2015', '...'] },
  ...extra,
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
  base('esm', {
    experiments: { outputModule: true },
    externalsType: 'module',
    externals: { rxjs: 'rxjs', 'rxjs/operators': 'rxjs/operators' },
    output: {
      path: path.resolve(__dirname, 'dist/bundle'),
      filename: 'lp-call-streams.esm.js',
      module: true,
      library: { type: 'module' },
    },
  }),
  // Emulator stand-in lpTag + call app (browser demo code, served as /lptag.js): a plain script, rxjs bundled in.
  base('lptag-standin', {
    entry: './lib/emulator/browser/lptag-standin.ts',
    output: {
      path: path.resolve(__dirname, 'dist/bundle'),
      filename: 'lptag.js',
      iife: true,
    },
  }),
];
