// The ONE place the benchmarks import the library and the emulator from: the built CommonJS output
// and the emulator package (`npm run bench` builds both first).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The public API (`lp-call-streams`). */
export const lib = require('../dist/cjs/index.js');
/** The wire model (`lp-call-streams/protocol`): `decode`. */
export const protocol = require('../dist/cjs/protocol/index.js');
/** The dialog core on its own (internal: `createDialogTracker` is not a public export). */
export const dialogCore = require('../dist/cjs/dialog/index.js');
/** The test kit (`lp-call-streams/testing`). */
export const testing = require('../dist/cjs/testing/index.js');
/** The emulator (the `lp-call-streams-emulator` workspace package, built to packages/emulator/dist). */
export const emulator = require('lp-call-streams-emulator');
/** rxjs, as the library sees it. */
export const rxjs = require('rxjs');
/** ws (Node's WebSocket). */
export const ws = require('ws');
