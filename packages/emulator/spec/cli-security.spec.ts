/** @jest-environment node */
import { parseCliArgs } from '../lib/cli-args';

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
