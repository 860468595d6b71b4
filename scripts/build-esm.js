// `npm run build:esm`: the ES module build of lib/ (dist/esm), as Node's ESM loader needs it, without
// touching lib/:
// 1. tsc with tsconfig.build.json, plus one emit transformer: each relative specifier gets the file
//    Node resolves ('./x' → './x.js', './dir' → './dir/index.js'; tsc keeps what lib/ wrote, and Node's
//    ESM resolver guesses neither extensions nor index files). Rewriting during the emit keeps the
//    source maps exact.
// 2. dist/esm/package.json {"type":"module"}: Node reads the folder as ES modules.
// 3. ESM type entry points: for each `exports` entry of package.json, its `import.types` file
//    re-exports its `require.types` file (the declarations tsconfig.cjs.json writes next to dist/cjs),
//    so TypeScript under node16/nodenext sees ES module types for the ES module files.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'dist', 'esm');

/** './x' → './x.js', './dir' → './dir/index.js' for the lib/ file `from`; other specifiers as they are. */
function nodeSpecifier(from, specifier) {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return specifier;
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const target = path.resolve(path.dirname(from), specifier);
  if (fs.existsSync(`${target}.ts`)) return `${specifier}.js`;
  if (fs.existsSync(path.join(target, 'index.ts'))) return `${specifier}/index.js`;
  throw new Error(`build-esm: ${path.relative(root, from)} imports '${specifier}', which is neither a .ts file nor a folder with index.ts`);
}

/** The emit transformer (runs after TypeScript's own, so type-only imports are already gone). */
function explicitSpecifiers(context) {
  const { factory } = context;
  return (sourceFile) => {
    const literal = (node) => {
      const next = nodeSpecifier(sourceFile.fileName, node.text);
      return next === node.text ? node : factory.createStringLiteral(next, true);
    };
    const visit = (node) => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateExportDeclaration(node, node.modifiers, node.isTypeOnly, node.exportClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [literal(node.arguments[0]), ...node.arguments.slice(1)]);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };
}

function compile() {
  const configPath = path.join(root, 'tsconfig.build.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) });
  if (config === undefined) process.exit(1);
  fs.rmSync(outDir, { recursive: true, force: true });
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences });
  const emitted = program.emit(undefined, undefined, undefined, false, { after: [explicitSpecifiers] });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics, ...config.errors];
  if (diagnostics.length > 0) {
    report(diagnostics);
    process.exit(1);
  }
}

function report(diagnostics) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, host));
}

/** One `export *` stub per exports entry whose import.types differs from its require.types. */
function writeTypeEntryPoints() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const entry of Object.values(manifest.exports)) {
    const esmTypes = entry?.import?.types;
    const cjsTypes = entry?.require?.types;
    if (typeof esmTypes !== 'string' || typeof cjsTypes !== 'string' || esmTypes === cjsTypes) continue;
    const file = path.join(root, esmTypes);
    let target = path.relative(path.dirname(file), path.join(root, cjsTypes)).replace(/\\/g, '/').replace(/\.d\.ts$/, '.js');
    if (!target.startsWith('.')) target = `./${target}`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `// The ES module view of the declarations next to the CommonJS build.\nexport * from '${target}';\n`);
  }
}

compile();
fs.writeFileSync(path.join(outDir, 'package.json'), '{"type":"module"}\n');
writeTypeEntryPoints();
