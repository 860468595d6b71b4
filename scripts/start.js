#!/usr/bin/env node
'use strict';
// `npm start`: builds the emulator package (packages/emulator), its browser code and the sample SPA (see package.json), then
// starts the emulator serving the sample at `/` and the agent console at `/agent`, prints how to reach and drive it, and
// stops on Ctrl-C. Every option of the emulator's CLI works here too: `npm start -- --invitation-ttl-ms 5000 --port 8081`
// (port: --port, else $PORT, else 8080; `npm start -- --help` lists them).
const fs = require('node:fs');
const path = require('node:path');
const { startEmulator, describeEmulator, parseCliArgs, CLI_USAGE } = require('lp-call-streams-emulator');

const SAMPLE_DIR = path.join(__dirname, '..', 'samples', 'spa', 'dist');

/** The emulator options for `argv` (exits with the usage on a bad option or --help). */
function optionsFrom(argv, env) {
  const parsed = parseCliArgs(argv, env);
  if (!parsed.ok) {
    console.error(`npm start: ${parsed.error}\n\n${CLI_USAGE.replace('lp-call-streams-emulator', 'npm start --')}`);
    process.exit(2);
  }
  if (parsed.value.help) {
    console.log(CLI_USAGE.replace('lp-call-streams-emulator', 'npm start --'));
    process.exit(0);
  }
  const { emulator, verbose } = parsed.value;
  return { ...emulator, log: verbose ? (line) => console.log(line) : undefined, staticDirs: [{ urlPrefix: '/', dir: SAMPLE_DIR }] };
}

async function main() {
  const options = optionsFrom(process.argv.slice(2), process.env);
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    console.error(
      error && error.code === 'EADDRINUSE'
        ? `npm start: port ${options.port} is already in use; try PORT=0 npm start or npm start -- --port 8081`
        : `npm start: could not start the emulator: ${error && error.message}`,
    );
    process.exit(1);
  }
  if (!fs.existsSync(path.join(SAMPLE_DIR, 'index.html'))) {
    console.warn('npm start: samples/spa/dist is missing; build it with `npx webpack --config-name sample-spa`');
  }
  // The options given on the command line (secrets and credentials only by name).
  const given = Object.keys(options).filter((key) => !['port', 'log', 'staticDirs'].includes(key) && options[key] !== undefined);
  const shown = given.map((key) => (typeof options[key] === 'number' || typeof options[key] === 'boolean' ? `${key}=${options[key]}` : key));
  console.log(`Sample SPA (the visitor):  ${emulator.url}/`);
  console.log(`Agent console:             ${emulator.url}/agent${options.strictControl ? `?secret=${emulator.controlSecret}` : ''}`);
  if (shown.length > 0) console.log(`Options:                   ${shown.join(' ')}`);
  console.log('Open both (two windows side by side): start a conversation in the page, invite from the console, accept in the page.\n');
  console.log(describeEmulator(emulator.url, undefined, emulator.controlSecret).join('\n'));
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
