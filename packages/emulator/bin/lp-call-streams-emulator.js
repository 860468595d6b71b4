#!/usr/bin/env node
'use strict';
// `npx lp-call-streams-emulator --port 8080`: a local LivePerson Messaging Window API emulator.
require('../dist/cli.js').runCli(process.argv.slice(2), process.env);
