// The ONE place the benchmarks import the library from: the built CommonJS output (`npm run bench`
// builds it first). When the emulator moves into its own package, repoint `emulator` here.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The public API (`lp-call-streams`). */
export const lib = require('../dist/cjs/index.js');
/** The test kit (`lp-call-streams/testing`). */
export const testing = require('../dist/cjs/testing/index.js');
/** The emulator (`lp-call-streams/emulator`). */
export const emulator = require('../dist/cjs/emulator/index.js');
/** rxjs, as the library sees it. */
export const rxjs = require('rxjs');
/** ws (Node's WebSocket). */
export const ws = require('ws');
