// Loads a TypeScript module of this repository from its source, transpiled in memory (no type check,
// no build): what `scripts/args.js` needs of the emulator's CLI parser before anything is built.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** `require` of `file` (a .ts file under ROOT), its relative .ts imports transpiled the same way. */
function requireSource(file) {
  const ts = require('typescript');
  const previous = Module._extensions['.ts'];
  Module._extensions['.ts'] = (module, filename) => {
    if (!filename.startsWith(ROOT + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`ts-source: will not load ${filename}`);
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
  try {
    return require(path.resolve(ROOT, file));
  } finally {
    if (previous === undefined) delete Module._extensions['.ts'];
    else Module._extensions['.ts'] = previous;
  }
}

module.exports = { requireSource };
