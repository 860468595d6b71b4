#!/usr/bin/env node
'use strict';
// `npm start`: builds the emulator package (packages/emulator), its stand-in lpTag and the sample SPA (see package.json), then
// starts the emulator on 127.0.0.1 (port from --port, else $PORT, else 8080) serving the sample at `/`
// and the agent console at `/agent`, prints how to reach and drive it, and stops on Ctrl-C.
const fs = require('node:fs');
const path = require('node:path');
const { startEmulator, describeEmulator } = require('lp-call-streams-emulator');

const SAMPLE_DIR = path.join(__dirname, '..', 'samples', 'spa', 'dist');

function portFrom(argv, env) {
  const flag = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const text = flag === -1 ? env.PORT : argv[flag].includes('=') ? argv[flag].split('=')[1] : argv[flag + 1];
  if (text === undefined || text === '') return 8080;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`npm start: not a port number: ${text}`);
    process.exit(2);
  }
  return port;
}

async function main() {
  const port = portFrom(process.argv.slice(2), process.env);
  let emulator;
  try {
    emulator = await startEmulator({ port, host: '127.0.0.1', staticDirs: [{ urlPrefix: '/', dir: SAMPLE_DIR }] });
  } catch (error) {
    console.error(
      error && error.code === 'EADDRINUSE'
        ? `npm start: port ${port} is already in use; try PORT=0 npm start or npm start -- --port 8081`
        : `npm start: could not start the emulator: ${error && error.message}`,
    );
    process.exit(1);
  }
  if (!fs.existsSync(path.join(SAMPLE_DIR, 'index.html'))) {
    console.warn('npm start: samples/spa/dist is missing; build it with `npx webpack --config-name sample-spa`');
  }
  console.log(`Sample SPA (the visitor):  ${emulator.url}/`);
  console.log(`Agent console:             ${emulator.url}/agent`);
  console.log('Open both in the same browser (the console sends call errors to the page over BroadcastChannel).\n');
  console.log(describeEmulator(emulator.url).join('\n'));
  console.log('\nPress Ctrl-C to stop.');
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
