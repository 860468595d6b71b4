#!/usr/bin/env node
// `node scripts/args.js <command> [args…]`: what `npm start`, `npm run bench|flood|fuzz|chaos|mutate|demo`
// run. It reads the arguments first: `--help` prints the command's usage and stops, an unknown argument
// is refused (exit 2) — before any build step runs or any file is written. Then it runs the command's
// build steps (npm scripts) and the command itself with the arguments.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { COMMANDS } = require('./commands');

const ROOT = path.join(__dirname, '..');

/** Options in `argv` as `spec.options` describes them (`'flag'` or `'value'`), positionals checked by `spec.positional`. */
function checkArgs(spec, argv) {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') return undefined; // what follows goes through unread (mutate: to stryker)
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const kind = spec.options?.[flag];
    if (kind === undefined) {
      if (flag.startsWith('-') || spec.positional === undefined) return `unknown argument ${flag}`;
      const problem = spec.positional(arg);
      if (problem !== undefined) return problem;
      continue;
    }
    if (kind === 'value' && inline === undefined) {
      if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) return `${flag} needs a value`;
      i += 1;
    }
  }
  return undefined;
}

/** Runs `command args` with the terminal; resolves with its exit code. Ctrl-C reaches it too (same process group). */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGTERM', forward);
    process.on('SIGINT', () => undefined); // the child gets it from the terminal and decides
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      resolve(code ?? (signal === null ? 1 : 128 + 15));
    });
  });
}

async function main(argv) {
  const [name, ...args] = argv;
  const spec = COMMANDS[name ?? ''];
  if (spec === undefined) {
    console.error(`scripts/args.js: unknown command ${String(name)}; one of ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  const usage = spec.usage.trim();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  const problem = spec.check === undefined ? checkArgs(spec, args) : spec.check(args);
  if (problem !== undefined) {
    console.error(`${spec.name}: ${problem}\n\n${usage}`);
    return 2;
  }
  for (const step of spec.build) {
    const built = spawnSync('npm', ['run', step], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return built.status ?? 1;
  }
  return run(process.execPath, [...spec.run, ...args]);
}

module.exports = { checkArgs, main };

if (require.main === module) main(process.argv.slice(2)).then((code) => process.exit(code));
