// Consumers of the emulator for the benchmarks: a raw `ws` consumer (no library code: the
// transport's own latency) and the library's `createCallClient` wired for Node.
import { emulator, lib, rxjs, testing, ws } from './lib.mjs';
import { nowMs } from './measure.mjs';

export const ACCOUNT = '12345678';
// Benches open thousands of conversations (latency: one per 5 calls; scale: 1,000 consumers): above the
// emulator's developer-machine default of 500 held at once.
export const startEmulator = (options = {}) =>
  emulator.startEmulator({ port: 0, browserAssets: false, ...options, limits: { maxConversations: 100_000, ...options.limits } });

/**
 * A raw consumer: signs up, opens the socket (browser-style `message` events), InitConnection with
 * CO_BROWSE, subscribes to conversations. `onMessage(fn)` sees every text frame with the time it
 * arrived (taken before anything else is done with it).
 */
export async function rawConsumer(emu, { url = emu.url, socketUrl = emu.socketUrl(ACCOUNT) } = {}) {
  const signup = await fetch(`${url}/api/account/${ACCOUNT}/signup`, { method: 'POST' });
  const { jwt } = await signup.json();
  const socket = new ws.WebSocket(socketUrl);
  const listeners = new Set();
  const pending = new Map();
  let nextId = 0;
  socket.addEventListener('message', (event) => {
    const at = nowMs();
    const text = event.data;
    for (const listener of listeners) listener(text, at);
    if (text.startsWith('{"kind":"resp"')) {
      const frame = JSON.parse(text);
      pending.get(frame.reqId)?.(frame);
      pending.delete(frame.reqId);
    }
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  const request = (type, body, headers) =>
    new Promise((resolve) => {
      const id = String(++nextId);
      pending.set(id, resolve);
      socket.send(JSON.stringify({ kind: 'req', id, type, ...(body === undefined ? {} : { body }), ...(headers === undefined ? {} : { headers }) }));
    });
  await request('InitConnection', undefined, [
    { type: '.ams.headers.ClientProperties', deviceFamily: 'DESKTOP', os: 'LINUX', features: ['CO_BROWSE', 'MULTI_DIALOG'] },
    { type: '.ams.headers.ConsumerAuthentication', jwt },
  ]);
  await request('cqm.SubscribeExConversations', { convState: ['OPEN', 'CLOSE'] });
  return {
    request,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async newConversation() {
      const response = await request('cm.ConsumerRequestConversation', undefined);
      return response.body.conversationId;
    },
    close: () => socket.close(1000),
  };
}

/** `createCallClient` against the emulator, in Node: ws sockets, global fetch, a fake lpTag, no DOM. */
export function callClient(emu, overrides = {}) {
  const lpTag = testing.createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' });
  const client = lib.createCallClient({
    accountId: ACCOUNT,
    auth: lib.unauthenticated(),
    endpoint: { domainApi: emu.url },
    webSocketFactory: (url) => new ws.WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    lpTag,
    visitor: { name: 'Bench' },
    callScreen: () => rxjs.NEVER,
    ...overrides,
  });
  return { client, lpTag };
}

/** Resolves when `client.connection$` is open. */
export const whenOpen = (client) => rxjs.firstValueFrom(client.connection$.pipe(rxjs.filter((s) => s.status === 'open')));

/** A new conversation for the client's consumer. */
export async function clientConversation(client) {
  const response = await rxjs.firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined));
  return response.body.conversationId;
}
