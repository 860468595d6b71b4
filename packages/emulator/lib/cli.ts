/**
 * `lp-call-streams-emulator`: starts the emulator, prints where it is and how to drive it, and stops
 * cleanly on SIGINT/SIGTERM. The bin script calls {@link runCli}. (The one place in lib/ that prints.)
 */
import { CLI_USAGE, parseCliArgs } from './cli-args';
import { describeEmulator } from './describe';
import { startEmulator } from './server';
import type { RunningEmulator } from './types';

/** Runs the CLI; resolves with the running emulator (undefined after --help or an error; exit code set). */
export async function runCli(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<RunningEmulator | undefined> {
  const parsed = parseCliArgs(argv, env);
  if (!parsed.ok) {
    console.error(`lp-call-streams-emulator: ${parsed.error}\n\n${CLI_USAGE}`);
    process.exitCode = 2;
    return undefined;
  }
  if (parsed.value.help) {
    console.log(CLI_USAGE);
    return undefined;
  }
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({ ...parsed.value.emulator, log: parsed.value.verbose ? (line) => console.log(line) : undefined });
  } catch (error: unknown) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const port = parsed.value.emulator.port ?? 8080;
    console.error(
      code === 'EADDRINUSE'
        ? `lp-call-streams-emulator: port ${port} is already in use; pick another with --port (0 = any free port)`
        : `lp-call-streams-emulator: could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
    return undefined;
  }
  const strict = parsed.value.emulator.strictControl === true;
  console.log(describeEmulator(emulator.url, undefined, emulator.controlSecret).join('\n'));
  console.log(`\nAgent console: ${emulator.url}/agent${strict ? `?secret=${emulator.controlSecret}` : ''}`);
  console.log(strict ? '(every control request needs the secret)' : '(from another machine, or through a proxy or tunnel, add ?secret=<the secret above>)');
  const stop = (signal: NodeJS.Signals): void => {
    console.log(`\n${signal}: stopping the emulator`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return emulator;
}
