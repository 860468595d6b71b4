#!/usr/bin/env node
// `npm run api`: the public surface of every entry point, as API Extractor reports in api/*.api.md,
// compared with the committed reports — any change to an export or a signature fails here until the
// report is updated (`npm run api:update`) and the diff is reviewed with the change.
'use strict';
const path = require('node:path');
const { Extractor, ExtractorConfig } = require('@microsoft/api-extractor');

const root = path.join(__dirname, '..');
const update = process.argv.includes('--update');
const configs = ['api-extractor.json', 'api-extractor.connection.json', 'api-extractor.readiness.json', 'api-extractor.testing.json', 'api-extractor.protocol.json', 'api-extractor.emulator.json'];

let failed = false;
for (const file of configs) {
  const config = ExtractorConfig.loadFileAndPrepare(path.join(root, file));
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false, messageCallback: (message) => {
    // Only errors and warnings reach the console; what belongs in the report is written there.
    if (message.logLevel === 'info' || message.logLevel === 'verbose') message.handled = true;
  } });
  const report = path.relative(root, config.reportFilePath);
  if (!result.succeeded) {
    failed = true;
    console.error(`api: ${report} — ${result.apiReportChanged ? 'the public surface changed: review the diff and run `npm run api:update`' : `${result.errorCount} errors, ${result.warningCount} warnings`}`);
  } else {
    console.log(`api: ${report} ${update && result.apiReportChanged ? 'updated' : 'unchanged'}`);
  }
}
process.exit(failed ? 1 : 0);
