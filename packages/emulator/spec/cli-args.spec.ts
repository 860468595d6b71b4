/** @jest-environment node */
import { CLI_USAGE, parseCliArgs } from '../lib/cli-args';
import { describeEmulator } from '../lib';

describe('parseCliArgs', () => {
  it('defaults to port 8080, or $PORT', () => {
    expect(parseCliArgs([])).toEqual({ ok: true, value: { emulator: { port: 8080 }, verbose: false, help: false } });
    expect(parseCliArgs([], { PORT: '9000' })).toMatchObject({ ok: true, value: { emulator: { port: 9000 } } });
    expect(parseCliArgs([], { PORT: 'x' })).toEqual({ ok: false, error: 'PORT must be a port number, got x' });
  });

  it('reads --port (both forms, overriding $PORT), --host and the timing options', () => {
    expect(parseCliArgs(['--port', '0', '--host', '0.0.0.0'], { PORT: '9000' })).toMatchObject({ ok: true, value: { emulator: { port: 0, host: '0.0.0.0' } } });
    expect(parseCliArgs(['--port=8081'])).toMatchObject({ ok: true, value: { emulator: { port: 8081 } } });
    expect(parseCliArgs(['--idle-timeout-ms', '5000', '--invitation-ttl-ms=30000', '--token-ttl-ms', '60000', '--delete-after-close-ms', '10', '--forget-after-ms', '20'])).toMatchObject({
      ok: true,
      value: { emulator: { idleTimeoutMs: 5000, invitationTtlMs: 30000, tokenTtlMs: 60000, deleteAfterCloseMs: 10, forgetAfterMs: 20 } },
    });
    expect(parseCliArgs(['--rate-limit', '10/1000', '--jwt-secret', 's', '--verbose'])).toMatchObject({
      ok: true,
      value: { emulator: { rateLimit: { maxRequests: 10, perMs: 1000 }, jwtSecret: 's' }, verbose: true },
    });
    expect(parseCliArgs(['--help'])).toMatchObject({ ok: true, value: { help: true } });
  });

  it('reads accounts, --permissive and the media options', () => {
    const ice = '[{"urls":"turn:turn.example:3478","username":"u","credential":"p"}]';
    expect(parseCliArgs(['--account', 'le1', '--account=le2', '--permissive', '--ice-servers', ice, '--ice-relay-only', '--connect-timeout-ms', '3000', '--agent-gone-ms', '1000'])).toEqual({
      ok: true,
      value: {
        emulator: {
          port: 8080,
          accounts: ['le1', 'le2'],
          permissive: true,
          media: { iceServers: [{ urls: 'turn:turn.example:3478', username: 'u', credential: 'p' }], iceTransportPolicy: 'relay', connectTimeoutMs: 3000, agentGoneMs: 1000 },
        },
        verbose: false,
        help: false,
      },
    });
    expect(parseCliArgs(['--ice-servers', '[{"url":"x"}]'])).toMatchObject({ ok: false, error: expect.stringContaining('--ice-servers must be') });
    expect(parseCliArgs(['--ice-servers', 'nope'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['--account', 'a/b'])).toEqual({ ok: false, error: '--account must be an account id, got a/b' });
    expect(parseCliArgs(['--agent-gone-ms', '0'])).toEqual({ ok: false, error: '--agent-gone-ms must be a positive number, got 0' });
  });

  it('refuses bad values and unknown options', () => {
    expect(parseCliArgs(['--port', '70000'])).toEqual({ ok: false, error: '--port must be a port number, got 70000' });
    expect(parseCliArgs(['--port'])).toEqual({ ok: false, error: '--port needs a value' });
    expect(parseCliArgs(['--idle-timeout-ms', '-1'])).toEqual({ ok: false, error: '--idle-timeout-ms must be a positive number, got -1' });
    expect(parseCliArgs(['--rate-limit', 'lots'])).toEqual({ ok: false, error: '--rate-limit must look like 10/1000, got lots' });
    expect(parseCliArgs(['--bogus', '1'])).toEqual({ ok: false, error: 'unknown option --bogus' });
    // An unknown option last, or a stray word, is named as such (not "needs a value").
    expect(parseCliArgs(['--port', '0', '--bogus'])).toEqual({ ok: false, error: 'unknown option --bogus' });
    expect(parseCliArgs(['8081'])).toEqual({ ok: false, error: 'unknown argument 8081 (options start with --)' });
  });

  it('every option the parser takes is in the usage, and every option of the usage is taken', () => {
    const listed = [...CLI_USAGE.matchAll(/^\s+(--[a-z-]+)( <)?/gm)].map((m) => ({ flag: m[1] ?? '', value: m[2] !== undefined }));
    expect(listed.length).toBeGreaterThan(25);
    for (const { flag, value } of listed) {
      const parsed = parseCliArgs(value ? [flag, flag === '--ice-servers' ? '[]' : flag === '--rate-limit' ? '1/1' : flag === '--allow-origin' ? 'http://x.test' : '5'] : [flag]);
      expect({ flag, ok: parsed.ok }).toEqual({ flag, ok: true });
    }
  });
});

describe('describeEmulator', () => {
  it('starts with the listening line and shows curl examples for invite, accept and hangup', () => {
    const lines = describeEmulator('http://127.0.0.1:8080');
    expect(lines[0]).toBe('emulator listening on http://127.0.0.1:8080');
    const text = lines.join('\n');
    for (const action of ['invite', 'accept', 'hangup']) expect(text).toContain(`curl -X POST http://127.0.0.1:8080/emulator/agent/${action}`);
    expect(text).toContain('ws://127.0.0.1:8080/ws_api/account/123456/messaging/consumer?v=3');
  });
});
