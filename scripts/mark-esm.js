// tsc's ESM output lives inside a "type": "commonjs" package; mark the folder so Node reads it as ESM.
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(path.join(__dirname, '..', 'dist', 'esm', 'package.json'), '{"type":"module"}\n');
