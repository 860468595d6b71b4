/** @jest-environment node */
import fc from 'fast-check';
import { nestsDeeperThan } from '../lib/narrow';
import { startHarness, stopHarnesses } from './harness';
import { connectConsumer, httpJson, isResponseTo, RawClient } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const nested = (depth: number, leaf = '1'): string => '['.repeat(depth) + leaf + ']'.repeat(depth);
const withoutReqId = (frame: Record<string, unknown>): boolean => frame['kind'] === 'resp' && frame['reqId'] === undefined;

describe('error frames that say what is wrong', () => {
  it('valid JSON nested too deep gets its own message, not "Malformed JSON"', async () => {
    const { emulator } = await startHarness();
    const client = await RawClient.open(emulator.socketUrl(ACCOUNT));
    for (const depth of [65, 1_000, 200_000]) {
      client.send(`{"kind":"req","id":"1","type":"GetClock","body":${nested(depth)}}`);
      expect(await client.next(withoutReqId)).toMatchObject({ code: 400, body: 'JSON nested deeper than 64 levels' });
    }
    client.send('{"kind":"req","id":"1",');
    expect(await client.next(withoutReqId)).toMatchObject({ code: 400, body: 'Malformed JSON' });
  });

  it('JSON just within the depth limit is served as before', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    client.send(`{"kind":"req","id":"deep","type":"GetClock","body":{"x":${nested(62)}}}`);
    expect(await client.next(isResponseTo('deep'))).toMatchObject({ code: 200 });
  });

  it('a binary frame gets a clear refusal, and the socket lives on', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    client.ws.send(Buffer.from('{"kind":"req","id":"7","type":"GetClock"}'), { binary: true });
    expect(await client.next(withoutReqId)).toMatchObject({ code: 400, body: expect.stringMatching(/^Binary frames are not supported/) });
    expect(await client.request('GetClock')).toMatchObject({ code: 200 });
  });

  it('an HTTP body nested too deep gets its own message', async () => {
    const { emulator } = await startHarness();
    const res = await httpJson('POST', `${emulator.url}/api/account/1/authenticate`, `{"authCode":${nested(100)}}`);
    expect(res).toMatchObject({ status: 400, json: { error: 'JSON body nested deeper than 64 levels' } });
    expect(await httpJson('POST', `${emulator.url}/api/account/1/authenticate`, '{oops')).toMatchObject({ status: 400, json: { error: 'malformed JSON body' } });
  });
});

describe('nestsDeeperThan (the depth check that runs before parsing)', () => {
  const depthOf = (value: unknown): number =>
    Array.isArray(value) ? 1 + Math.max(0, ...value.map(depthOf)) : typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

  it('agrees with the depth of the parsed value, brackets and escapes inside strings included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(nestsDeeperThan(text, max)).toBe(depthOf(value) > max);
      }),
    );
    expect(nestsDeeperThan('{"a":"[[[\\"[["}', 1)).toBe(false);
    expect(nestsDeeperThan('[[', 1)).toBe(true);
  });
});
