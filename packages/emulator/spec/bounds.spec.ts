/** @jest-environment node */
import { Socket } from 'node:net';
import { decode } from 'lp-call-streams/protocol';
import { CLOSE_BACKLOG, startEmulator } from '../lib';
import { startHarness, stopHarnesses } from './harness';
import { at, connectConsumer, httpJson, isExChange, isMessaging, requestConversation, signup, subscribe, RawClient } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const publish = (client: RawClient, conversationId: string, message: string) =>
  client.request('ms.PublishEvent', { dialogId: conversationId, conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message } });

describe('stored messages per conversation', () => {
  it('refuses the message over maxMessagesPerConversation (consumer: 400, agent: 409), naming the limit', async () => {
    const { emulator } = await startHarness({ limits: { maxMessagesPerConversation: 3 } });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    for (const text of ['one', 'two']) expect(await publish(client, conversationId, text)).toMatchObject({ code: 200 });
    expect(await httpJson('POST', `${emulator.url}/emulator/agent/message`, { text: 'three' })).toMatchObject({ status: 200 });
    const refused = await publish(client, conversationId, 'four');
    expect(refused).toMatchObject({ code: 400, body: expect.stringMatching(/3 messages.*maxMessagesPerConversation/) });
    const agent = await httpJson('POST', `${emulator.url}/emulator/agent/message`, { text: 'five' });
    expect(agent).toMatchObject({ status: 409, json: { error: expect.stringMatching(/3 messages.*maxMessagesPerConversation/) } });
    expect(() => emulator.agent.message({ text: 'six' })).toThrow(/maxMessagesPerConversation/);
    // Nothing over the limit was stored: a replay holds the three.
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, conversationId, fromSeq: 0 });
    const replay = await client.next(isMessaging);
    expect(at(replay, 'body.changes')).toHaveLength(3);
  });

  it('refuses a message that would take the conversation over maxConversationBytes, naming the limit', async () => {
    const { emulator } = await startHarness({ limits: { maxConversationBytes: 1_000 } });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    expect(await publish(client, conversationId, 'x'.repeat(600))).toMatchObject({ code: 200 });
    expect(await publish(client, conversationId, 'y'.repeat(600))).toMatchObject({ code: 400, body: expect.stringMatching(/1000 bytes.*maxConversationBytes/) });
    expect(await publish(client, conversationId, 'short')).toMatchObject({ code: 200 });
  });

  it('by default a replay of a full conversation fits in one frame the client accepts (under 1 MiB)', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    const text = 'z'.repeat(4_000);
    let stored = 0;
    for (let refused = false; !refused && stored < 1_000; ) {
      const response = await publish(client, conversationId, text);
      refused = response['code'] !== 200;
      if (!refused) stored += 1;
    }
    expect(stored).toBeLessThan(1_000);
    expect(stored).toBeGreaterThan(100);
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, conversationId, fromSeq: 0 });
    const replay = await client.next(isMessaging);
    expect(JSON.stringify(replay).length).toBeLessThanOrEqual(1_048_576);
    expect(at(replay, 'body.changes')).toHaveLength(stored);
  });
});

describe('stored conversations', () => {
  it('forgets the oldest DELETEd conversation when full, and refuses a new one while all are live', async () => {
    const { emulator, clock } = await startHarness({ limits: { maxConversations: 2 }, deleteAfterCloseMs: 1_000 });
    const a = await connectConsumer(emulator, ACCOUNT);
    const b = await connectConsumer(emulator, ACCOUNT);
    const c = await connectConsumer(emulator, ACCOUNT);
    const first = await requestConversation(a.client);
    await requestConversation(b.client);
    const refused = await c.client.request('cm.ConsumerRequestConversation');
    expect(refused).toMatchObject({ code: 400, body: expect.stringMatching(/2 conversations.*maxConversations/) });
    emulator.agent.closeConversation({ conversationId: first });
    clock.advance(1_000); // DELETE: the first one may now be forgotten
    const third = await requestConversation(c.client);
    const ids = emulator.state().conversations.map((conversation) => conversation['convId']);
    expect(ids).not.toContain(first);
    expect(ids).toContain(third);
    expect(ids).toHaveLength(2);
  });
});

describe('subscriptions per socket', () => {
  it('refuses the subscription over maxSubscriptionsPerSocket (both kinds count), naming the limit', async () => {
    const { emulator } = await startHarness({ limits: { maxSubscriptionsPerSocket: 3 } });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    await subscribe(client);
    await subscribe(client);
    expect(await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 0 })).toMatchObject({ code: 200 });
    // The same dialog again is not a new subscription.
    expect(await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 0 })).toMatchObject({ code: 200 });
    const over = await client.request('cqm.SubscribeExConversations', { convState: ['OPEN'] });
    expect(over).toMatchObject({ code: 400, body: expect.stringMatching(/3 subscriptions.*maxSubscriptionsPerSocket/) });
    // Unsubscribing makes room again.
    const ids = emulator.state().connections[0]?.['conversationSubscriptions'];
    const first = Array.isArray(ids) ? ids[0] : undefined;
    expect(await client.request('cqm.UnsubscribeExConversations', { subscriptionId: first })).toMatchObject({ code: 200 });
    await subscribe(client);
  });

  it('defaults to 100', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    for (let i = 0; i < 100; i++) client.send({ kind: 'req', id: `s${i}`, type: 'cqm.SubscribeExConversations', body: {} });
    const last = await client.next((f) => f['reqId'] === 's99');
    expect(last).toMatchObject({ code: 200 });
    expect(await client.request('cqm.SubscribeExConversations', {})).toMatchObject({ code: 400 });
  });
});

describe('queued outbound bytes per socket', () => {
  it('closes a socket whose client stopped reading, with 1008 and a reason naming maxQueuedBytes', async () => {
    const lines: string[] = [];
    const { emulator } = await startHarness({ limits: { maxQueuedBytes: 256 * 1024, maxConversationBytes: 64 * 1024 * 1024, maxMessagesPerConversation: 100_000 }, log: (line) => lines.push(line) });
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 0 });
    const tcp = tcpOf(client);
    tcp.pause(); // the client stops reading
    const text = 'q'.repeat(60_000);
    for (let i = 0; i < 2_000 && !lines.some((line) => line.includes('maxQueuedBytes')); i++) {
      emulator.agent.message({ text, conversationId });
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(lines.find((line) => line.includes('maxQueuedBytes'))).toMatch(/close 1008/);
    tcp.resume();
    const closed = await client.closed;
    expect(closed.code).toBe(CLOSE_BACKLOG);
    expect(CLOSE_BACKLOG).toBe(1008);
    expect(closed.reason).toMatch(/262144 bytes.*maxQueuedBytes/);
  });
});

/** The TCP socket under a RawClient (`ws` keeps it in a private field). */
function tcpOf(client: RawClient): Socket {
  const socket: unknown = Reflect.get(client.ws, '_socket');
  if (!(socket instanceof Socket)) throw new Error('no TCP socket');
  return socket;
}

describe('issued tokens', () => {
  it('refuses a signup over maxTokens unexpired tokens (503, naming the limit); expired ones are forgotten', async () => {
    const { emulator, clock } = await startHarness({ limits: { maxTokens: 3 }, tokenTtlMs: 60_000 });
    for (let i = 0; i < 3; i++) await signup(emulator, ACCOUNT);
    const over = await httpJson('POST', `${emulator.url}/api/account/${ACCOUNT}/signup`);
    expect(over).toMatchObject({ status: 503, json: { error: expect.stringMatching(/3 unexpired tokens.*maxTokens/) } });
    const authenticate = await httpJson('POST', `${emulator.url}/api/account/${ACCOUNT}/authenticate`, { authCode: 'alice' });
    expect(authenticate.status).toBe(503);
    clock.advance(60_000);
    expect(await signup(emulator, ACCOUNT)).toMatch(/^eyJ/);
  });
});

describe('control inputs the wire model would refuse', () => {
  it('an expiresInMs whose `expires` the client would reject is a 400 that says the range', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await requestConversation(client);
    for (const expiresInMs of [1e300, 9e15, 86_400_001, 0, -5]) {
      const res = await httpJson('POST', `${emulator.url}/emulator/agent/invite`, { mode: 'VIDEO_CALL', expiresInMs });
      expect(res).toMatchObject({ status: 400, json: { error: expect.stringMatching(/expiresInMs must be from 1 to \d+/) } });
    }
    expect(() => emulator.agent.invite({ mode: 'VIDEO_CALL', expiresInMs: 1e300 })).toThrow(/expiresInMs must be from 1 to/);
  });

  it('the largest allowed expiresInMs (one day) gives an `expires` the library takes as sent', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    await subscribe(client);
    await requestConversation(client);
    await client.next(isExChange);
    const res = await httpJson('POST', `${emulator.url}/emulator/agent/invite`, { mode: 'VIDEO_CALL', expiresInMs: 1e300 });
    const error = at(res.json, 'error');
    const range = typeof error === 'string' ? /from 1 to (\d+)/.exec(error)?.[1] : undefined;
    expect(range).toBeDefined();
    const max = Number(range);
    expect(max).toBe(86_400_000);
    expect((await httpJson('POST', `${emulator.url}/emulator/agent/invite`, { mode: 'VIDEO_CALL', expiresInMs: max })).status).toBe(200);
    const upsert = await client.next(isExChange);
    const decoded = decode(JSON.stringify(upsert));
    expect(decoded.ok ? decoded.issues : decoded.error.message).toEqual([]);
  });

  it('an invitationTtlMs beyond the wire range is refused at start', async () => {
    await expect(startEmulator({ invitationTtlMs: 1e300 })).rejects.toThrow(/invitationTtlMs/);
  });
});
