/** @jest-environment node */
/**
 * Issue #22 point 2: a program on this machine drives the emulator without the secret, whatever its
 * HTTP client sends. Node's own `fetch` (undici) sends `Sec-Fetch-Mode: cors` and no `Origin` nor
 * `Sec-Fetch-Site`: it is not a browser. A browser is told by what it always sends on a cross-origin
 * request (`Origin`, `Sec-Fetch-Site`), and a browser still needs the secret.
 */
import { startHarness, stopHarnesses } from './harness';
import { connectConsumer, httpJson, requestConversation } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';

describe("Node's own fetch on this machine drives the emulator without the secret", () => {
  it('signup, invite, state and cancel, as the emulator README shows them with curl', async () => {
    const { emulator } = await startHarness();
    const signup = await fetch(`${emulator.url}/api/account/${ACCOUNT}/signup`, { method: 'POST' });
    expect(signup.status).toBe(200);
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    const invite = await fetch(`${emulator.url}/emulator/agent/invite`, { method: 'POST', body: JSON.stringify({ mode: 'VIDEO_CALL' }) });
    expect({ status: invite.status, body: await invite.text() }).toMatchObject({ status: 200 });
    const state = await fetch(`${emulator.url}/emulator/state`);
    expect(state.status).toBe(200);
    const cancel = await fetch(`${emulator.url}/emulator/agent/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(200);
  });

  it('still needs the secret with strictControl', async () => {
    const { emulator } = await startHarness({ strictControl: true });
    expect((await fetch(`${emulator.url}/emulator/state`)).status).toBe(401);
    expect((await fetch(`${emulator.url}/emulator/state`, { headers: { 'X-Emulator-Secret': emulator.controlSecret } })).status).toBe(200);
  });
});

describe('a browser is told by Origin or Sec-Fetch-Site, and needs the secret', () => {
  it.each<[string, Record<string, string>]>([
    ['a same-origin fetch of the console page', { Origin: 'OWN', 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' }],
    ['a navigation typed in the address bar (no Origin)', { 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'navigate' }],
    ['a no-cors request from another site (an <img>: no Origin)', { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }],
  ])('%s → 401', async (_name, headers) => {
    const { emulator } = await startHarness();
    const sent = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, value === 'OWN' ? `http://127.0.0.1:${emulator.port}` : value]));
    expect((await httpJson('GET', `${emulator.url}/emulator/state`, undefined, sent)).status).toBe(401);
  });

  it('Sec-Fetch-Mode alone (what Node, Deno and Bun send) is not a browser', async () => {
    const { emulator } = await startHarness();
    expect((await httpJson('GET', `${emulator.url}/emulator/state`, undefined, { 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' })).status).toBe(200);
  });
});
