/** @jest-environment node */
import fc from 'fast-check';
import { createManualClock, startEmulator, CLOSE_TOKEN } from '../lib';
import { anyFrameText } from './fuzz';
import { startHarness, stopHarnesses } from './harness';
import { connectConsumer, httpJson, isResponseTo, jwtSub, RawClient, requestConversation, signup } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';

describe('InitConnection gate', () => {
  it('refuses every request before InitConnection with a 401 saying so, then serves after it', async () => {
    const { emulator } = await startHarness();
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT));
    const early = await client.request('GetClock');
    expect(early).toEqual({ kind: 'resp', reqId: '1', code: 401, type: expect.any(String), body: expect.stringContaining('InitConnection must come first') });
    const subscribe = await client.request('cqm.SubscribeExConversations', {});
    expect(subscribe).toMatchObject({ code: 401 });
    const init = await client.init(await signup(emulator, ACCOUNT));
    expect(init).toMatchObject({ kind: 'resp', reqId: '3', code: 200, body: expect.any(String) });
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
  });

  it('accepts the tutorial InitConnection (no kind, numeric id) and echoes reqId as a string', async () => {
    const { emulator } = await startHarness();
    const jwt = await signup(emulator, ACCOUNT);
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT));
    client.send({
      id: 0,
      type: 'InitConnection',
      headers: [
        { type: '.ams.headers.ClientProperties', deviceFamily: 'DESKTOP', os: 'WINDOWS', features: ['CO_BROWSE'] },
        { type: '.ams.headers.ConsumerAuthentication', jwt },
      ],
    });
    expect(await client.next(isResponseTo('0'))).toMatchObject({ code: 200 });
    client.send({ kind: 'req', id: 42, type: 'GetClock' });
    expect(await client.next(isResponseTo('42'))).toMatchObject({ reqId: '42', code: 200 });
  });

  it('refuses a second InitConnection with a 400', async () => {
    const { emulator } = await startHarness();
    const { client, jwt } = await connectConsumer(emulator, ACCOUNT);
    expect(await client.init(jwt)).toMatchObject({ code: 400, body: 'Connection already initialized' });
  });

  it('authenticates from handshake headers (Authorization: jwt …, Client-Properties) as native clients may', async () => {
    const { emulator } = await startHarness();
    const jwt = await signup(emulator, ACCOUNT);
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT), { Authorization: `jwt ${jwt}`, 'Client-Properties': JSON.stringify({ features: ['CO_BROWSE'] }) });
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
    expect(emulator.state().connections).toEqual([expect.objectContaining({ initialized: true, features: ['CO_BROWSE'] })]);
  });
});

describe('4401 on a bad token', () => {
  const closedWith = async (url: string, jwt: string | undefined) => {
    const client = await RawClient.open(url);
    client.send({
      kind: 'req',
      id: '1',
      type: 'InitConnection',
      headers: jwt === undefined ? [{ type: '.ams.headers.ClientProperties' }] : [{ type: '.ams.headers.ConsumerAuthentication', jwt }],
    });
    return client.closed;
  };

  it('closes with 4401 for garbage, a forged, a wrong-account, an expired and a missing token', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: 10_000 });
    const other = await startEmulator({ jwtSecret: 'another emulator' });
    try {
      const url = emulator.socketUrl(ACCOUNT);
      const invalid = { code: CLOSE_TOKEN, reason: 'Identity token is invalid' };
      expect(await closedWith(url, 'garbage')).toEqual(invalid);
      expect(await closedWith(url, await signup(other, ACCOUNT))).toEqual(invalid);
      expect(await closedWith(url, await signup(emulator, '999'))).toEqual(invalid);
      expect(await closedWith(url, 'x'.repeat(3000))).toEqual(invalid);
      expect(await closedWith(url, undefined)).toEqual({ code: CLOSE_TOKEN, reason: 'Identity token is missing' });
      const soonExpired = await signup(emulator, ACCOUNT);
      clock.advance(10_000);
      expect(await closedWith(url, soonExpired)).toEqual({ code: CLOSE_TOKEN, reason: 'Identity token has expired' });
    } finally {
      await other.close();
    }
  });

  it('closes an open socket with 4401 when its token expires', async () => {
    const { emulator, clock } = await startHarness({ tokenTtlMs: 30_000, idleTimeoutMs: 600_000 });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    clock.advance(29_000);
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
    clock.advance(1_000);
    expect(await client.closed).toEqual({ code: CLOSE_TOKEN, reason: 'Identity token has expired' });
  });

  it('expireTokens closes authenticated sockets with 4401 and refuses their old tokens; new ones work', async () => {
    const { emulator } = await startHarness();
    const { client, jwt } = await connectConsumer(emulator, ACCOUNT);
    const expired = await httpJson('POST', `${emulator.url}/emulator/expire-tokens`);
    expect(expired).toMatchObject({ status: 200, json: { ok: true } });
    expect(await client.closed).toMatchObject({ code: CLOSE_TOKEN });
    const again = await RawClient.open(emulator.socketUrl(ACCOUNT));
    again.send({ kind: 'req', id: '1', type: 'InitConnection', headers: [{ type: '.ams.headers.ConsumerAuthentication', jwt }] });
    expect(await again.closed).toMatchObject({ code: CLOSE_TOKEN, reason: 'Identity token has expired' });
    await expect(connectConsumer(emulator, ACCOUNT)).resolves.toBeDefined();
  });
});

describe('robustness', () => {
  it('answers malformed JSON, unknown types and bad bodies with 400 and keeps serving', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    client.send('{ this is not json');
    expect(await client.next((f) => f['code'] === 400 && f['reqId'] === undefined)).toMatchObject({ kind: 'resp', code: 400, body: 'Malformed JSON' });
    expect(await client.request('userprofile.Nope')).toMatchObject({ code: 400, body: 'Unknown request type: userprofile.Nope' });
    expect(await client.request('ms.PublishEvent', { dialogId: 'd', event: 'x' })).toMatchObject({ code: 400, body: expect.stringContaining('event must be an object') });
    client.ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    expect(await client.next((f) => f['code'] === 400 && f['reqId'] === undefined)).toMatchObject({ body: expect.stringContaining('Binary frames are not supported') });
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
  });

  it('survives hundreds of random frames on an initialised socket and keeps serving (HTTP too)', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    const frames = fc.sample(anyFrameText, { numRuns: 400, seed: 42 });
    for (const frame of frames) client.send(frame);
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    for (const body of fc.sample(fc.jsonValue({ maxDepth: 2 }), { numRuns: 30, seed: 7 })) {
      for (const action of ['agent/invite', 'agent/accept', 'agent/message', 'drop-sockets']) {
        const res = await httpJson('POST', `${emulator.url}/emulator/${action}`, body);
        expect(res.status).toBeLessThan(500);
      }
    }
    await expect(connectConsumer(emulator, ACCOUNT)).resolves.toBeDefined();
  });

  it('GetClock answers the (injected) current time; KeepAlive answers 200', async () => {
    const { emulator, clock } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    expect(await client.request('GetClock')).toMatchObject({ code: 200, body: { currentTime: clock.now() } });
    clock.advance(1234);
    expect(await client.request('GetClock')).toMatchObject({ body: { currentTime: clock.now() } });
    expect(await client.request('KeepAlive')).toMatchObject({ code: 200 });
  });

  it('answers 429 over the configured rate, per socket, and serves again after the window', async () => {
    const { emulator, clock } = await startHarness({ rateLimit: { maxRequests: 3, perMs: 1000 } });
    const { client } = await connectConsumer(emulator, ACCOUNT); // InitConnection counts: 1
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
    expect(await client.request('GetClock')).toMatchObject({ code: 429, body: 'Too many requests' });
    const { client: other } = await connectConsumer(emulator, ACCOUNT);
    expect(await other.request('GetClock')).toMatchObject({ code: 200 });
    clock.advance(1000);
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
  });
});

describe('idle close', () => {
  it('closes a socket silent for idleTimeoutMs; any frame resets the timer', async () => {
    const { emulator, clock } = await startHarness({ idleTimeoutMs: 60_000 });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    clock.advance(59_000);
    await client.request('GetClock');
    clock.advance(59_000);
    expect(await client.settle(() => true)).toEqual([]);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
    clock.advance(1_000);
    expect(await client.closed).toEqual({ code: 1000, reason: 'Connection timed out' });
  });

  it('measures idleness on the wall clock by default: advancing a manual clock past idleTimeoutMs closes nothing', async () => {
    const clock = createManualClock();
    const emulator = await startEmulator({ clock, idleTimeoutMs: 60_000 });
    try {
      const { client } = await connectConsumer(emulator, ACCOUNT);
      clock.advance(120_000);
      expect(await client.request('GetClock')).toMatchObject({ code: 200, body: { currentTime: clock.now() } });
      expect(client.ws.readyState).toBe(client.ws.OPEN);
    } finally {
      await emulator.close();
    }
  });

  it('also closes sockets that never sent InitConnection', async () => {
    const { emulator, clock } = await startHarness({ idleTimeoutMs: 5_000 });
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT));
    clock.advance(5_000);
    expect(await client.closed).toMatchObject({ code: 1000 });
  });
});

describe('drop-sockets', () => {
  it('terminates abruptly by default (1006) or closes with the given code, and counts', async () => {
    const { emulator } = await startHarness();
    const { client: a } = await connectConsumer(emulator, ACCOUNT);
    expect(emulator.dropSockets()).toBe(1);
    expect(await a.closed).toMatchObject({ code: 1006 });
    const { client: b } = await connectConsumer(emulator, ACCOUNT);
    const res = await httpJson('POST', `${emulator.url}/emulator/drop-sockets`, { code: 4407 });
    expect(res).toMatchObject({ status: 200, json: { dropped: 1 } });
    expect(await b.closed).toMatchObject({ code: 4407 });
    expect(await httpJson('POST', `${emulator.url}/emulator/drop-sockets`, { code: 1005 })).toMatchObject({ status: 400 });
  });

  it('lists connections in state()', async () => {
    const { emulator } = await startHarness();
    const { client, jwt } = await connectConsumer(emulator, ACCOUNT, { features: ['MULTI_DIALOG'] });
    await client.request('cqm.SubscribeExConversations', {});
    expect(emulator.state().connections).toEqual([
      { id: expect.any(Number), accountId: ACCOUNT, consumerId: jwtSub(jwt), state: 'open', initialized: true, features: ['MULTI_DIALOG'], conversationSubscriptions: [expect.any(String)], messagingSubscriptions: [] },
    ]);
  });
});
