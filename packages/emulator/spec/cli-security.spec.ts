/** @jest-environment node */
import { runCli } from '../lib/cli';
import { parseCliArgs } from '../lib/cli-args';
import { httpJson } from './raw-client';

describe('parseCliArgs: limits and the public host', () => {
  it('reads every cap into `limits`', () => {
    const parsed = parseCliArgs([
      '--max-messages-per-conversation', '50',
      '--max-conversation-bytes=65536',
      '--max-conversations', '20',
      '--max-subscriptions-per-socket', '5',
      '--max-queued-bytes', '1048576',
      '--max-tokens', '100',
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        emulator: {
          limits: { maxMessagesPerConversation: 50, maxConversationBytes: 65536, maxConversations: 20, maxSubscriptionsPerSocket: 5, maxQueuedBytes: 1048576, maxTokens: 100 },
        },
      },
    });
  });

  it('refuses a cap that is not a positive integer, naming the flag', () => {
    expect(parseCliArgs(['--max-tokens', '0'])).toEqual({ ok: false, error: '--max-tokens must be a positive integer, got 0' });
    expect(parseCliArgs(['--max-queued-bytes', '1.5'])).toEqual({ ok: false, error: '--max-queued-bytes must be a positive integer, got 1.5' });
  });

  it('reads --public-host', () => {
    expect(parseCliArgs(['--public-host', 'emulator.test:8443'])).toMatchObject({ ok: true, value: { emulator: { publicHost: 'emulator.test:8443' } } });
  });
});

describe('parseCliArgs: who may use the emulator', () => {
  it('reads --allow-origin (repeatable), --allow-private-network, --control-secret and --strict-control', () => {
    expect(parseCliArgs(['--allow-origin', 'http://localhost:3000', '--allow-origin=https://brand.example', '--allow-private-network', '--control-secret', 'abcdefghijklmnop', '--strict-control'])).toMatchObject({
      ok: true,
      value: { emulator: { allowOrigins: ['http://localhost:3000', 'https://brand.example'], allowPrivateNetwork: true, controlSecret: 'abcdefghijklmnop', strictControl: true } },
    });
  });
});

type Listeners = ReadonlyMap<NodeJS.Signals, readonly unknown[]>;
const signalListeners = (): Listeners => new Map((['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, process.listeners(signal)]));
/** Removes the SIGINT/SIGTERM handlers runCli added (and only those). */
function removeNewSignalListeners(before: Listeners): void {
  for (const [signal, old] of before) {
    for (const listener of process.listeners(signal)) if (!old.includes(listener)) process.off(signal, listener);
  }
}

describe('runCli prints the secret with the curl lines, and those lines work from anywhere', () => {
  it('the printed X-Emulator-Secret header opens the control to a request that is not local', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const before = signalListeners();
    const emulator = await runCli(['--port', '0'], {});
    log.mockRestore();
    if (emulator === undefined) throw new Error('the CLI did not start');
    try {
      const output = lines.join('\n');
      expect(output).toContain(`-H 'X-Emulator-Secret: ${emulator.controlSecret}'`);
      expect(output).toContain(`Agent console: ${emulator.url}/agent`);
      const printed = /X-Emulator-Secret: ([A-Za-z0-9_-]+)/.exec(output)?.[1] ?? '';
      const remote = { 'X-Forwarded-For': '203.0.113.9' };
      expect((await httpJson('POST', `${emulator.url}/emulator/repeat-last`, {}, remote)).status).toBe(401);
      expect((await httpJson('POST', `${emulator.url}/emulator/repeat-last`, {}, { ...remote, 'X-Emulator-Secret': printed })).status).toBe(200);
    } finally {
      removeNewSignalListeners(before);
      await emulator.close();
    }
  });

  it('with --strict-control the console URL carries the secret', async () => {
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line: unknown) => {
      lines.push(String(line));
    });
    const before = signalListeners();
    const emulator = await runCli(['--port', '0', '--strict-control'], {});
    log.mockRestore();
    if (emulator === undefined) throw new Error('the CLI did not start');
    try {
      expect(lines.join('\n')).toContain(`Agent console: ${emulator.url}/agent?secret=${emulator.controlSecret}`);
    } finally {
      removeNewSignalListeners(before);
      await emulator.close();
    }
  });
});
