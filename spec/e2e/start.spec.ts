/** @jest-environment node */
/**
 * `npm start` (scripts/start.js, after the build) takes every option of the emulator's CLI:
 * `npm start -- --invitation-ttl-ms 5000` really gives 5-second invitations, `--account` sets the
 * known accounts (others get 404), a bad option stops with the usage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { at, httpJson, RawClient } from '../../packages/emulator/spec/raw-client';

const START = join(resolve(__dirname, '..', '..'), 'scripts', 'start.js');

/** Runs start.js with `args`; resolves with the process and the sample's URL once it printed everything. */
function start(args: readonly string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [START, ...args], { env: { ...process.env, PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /Sample SPA \(the visitor\): +(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1] !== undefined && output.includes('Press Ctrl-C to stop.')) done({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`start.js exited with ${String(code)}: ${output}`)));
  });
}

function exitOf(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [START, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((done) => child.on('exit', (code) => done({ code, output })));
}

describe('npm start passes the CLI options through', () => {
  let running: ChildProcess | undefined;
  afterEach(() => {
    running?.kill('SIGTERM');
    running = undefined;
  });

  it('--invitation-ttl-ms 5000 gives 5-second invitations; --account sets the known accounts', async () => {
    const { child, url, output } = await start(['--port', '0', '--invitation-ttl-ms', '5000', '--account', '777']);
    running = child;
    expect(output()).toContain('Options:                   invitationTtlMs=5000 accounts');
    expect((await httpJson('GET', `${url}/api/account/123456/service/asyncMessagingEnt/baseURI.json?version=1.0`)).status).toBe(404);
    const jwt = at((await httpJson('POST', `${url}/api/account/777/signup`)).json, 'jwt');
    if (typeof jwt !== 'string') throw new Error('no jwt');
    const socket = await RawClient.open(`${url.replace('http', 'ws')}/ws_api/account/777/messaging/consumer?v=3`);
    try {
      expect(await socket.init(jwt)).toMatchObject({ code: 200 });
      expect(await socket.request('cm.ConsumerRequestConversation')).toMatchObject({ code: 200 });
      const before = Date.now();
      const invite = await httpJson('POST', `${url}/emulator/agent/invite`, { mode: 'VIDEO_CALL' });
      const expiresAtMs = Number(at(invite.json, 'expiresAtMs'));
      expect(expiresAtMs - before).toBeGreaterThan(4000);
      expect(expiresAtMs - before).toBeLessThanOrEqual(6000);
    } finally {
      socket.close();
    }
  });

  it('--help prints the options and exits 0; an unknown option exits 2 with the usage', async () => {
    const help = await exitOf(['--help']);
    expect(help.code).toBe(0);
    expect(help.output).toContain('--invitation-ttl-ms <n>');
    expect(help.output).toContain('npm start -- [options]');
    const bad = await exitOf(['--bogus', '1']);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('npm start: unknown option --bogus');
  });
});
