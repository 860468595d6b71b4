/** @jest-environment node */
import { startHarness, stopHarnesses } from './harness';
import { at, connectConsumer, httpJson, isExChange, isMessaging, jwtSub, listAt, RawClient, requestConversation, subscribe, type Frame } from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const upsertOf = (conversationId: string) => (f: Frame) => isExChange(f) && at(f, 'body.changes.0.type') === 'UPSERT' && at(f, 'body.changes.0.result.convId') === conversationId;
const deleteOf = (conversationId: string) => (f: Frame) => isExChange(f) && at(f, 'body.changes.0.type') === 'DELETE' && at(f, 'body.changes.0.result.convId') === conversationId;
const closeBody = (conversationId: string, field: object = { field: 'ConversationStateField', conversationState: 'CLOSE' }) => ({ conversationId, conversationField: [field] });

async function authenticated(harness: Awaited<ReturnType<typeof startHarness>>, authCode: string): Promise<RawClient> {
  const res = await httpJson('POST', `${harness.emulator.url}/api/account/${ACCOUNT}/authenticate`, { authCode });
  const jwt = at(res.json, 'jwt');
  if (typeof jwt !== 'string') throw new Error('no jwt');
  return (await connectConsumer(harness.emulator, ACCOUNT, { jwt })).client;
}

describe('cqm.SubscribeExConversations', () => {
  it('answers a new subscriptionId per subscription, then an initial notification (empty changes)', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const first = await subscribe(client);
    const second = await subscribe(client);
    expect(first.subscriptionId).not.toBe(second.subscriptionId);
    expect(first.initial).toEqual({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: { subscriptionId: first.subscriptionId, sentTs: expect.any(Number), changes: [] } });
    const responseIndex = client.frames.findIndex((f) => at(f, 'body.subscriptionId') === first.subscriptionId && f['kind'] === 'resp');
    expect(responseIndex).toBeLessThan(client.frames.indexOf(first.initial));
  });

  it('lists ALL matching conversations in ONE initial frame, filtered by convState/stage', async () => {
    const harness = await startHarness();
    const { client } = await connectConsumer(harness.emulator, ACCOUNT);
    const closed = await requestConversation(client);
    await client.request('cm.UpdateConversationField', closeBody(closed));
    const open = await requestConversation(client);
    const all = await subscribe(client, { convState: ['OPEN', 'CLOSE'] });
    expect(listAt(all.initial, 'body.changes').map((c) => at(c, 'result.convId'))).toEqual([closed, open]);
    const onlyOpen = await subscribe(client, { convState: ['OPEN'], stage: ['OPEN'] });
    expect(listAt(onlyOpen.initial, 'body.changes').map((c) => at(c, 'result.convId'))).toEqual([open]);
  });

  it('filters the initial list by minLastUpdatedTime', async () => {
    const harness = await startHarness();
    const { client } = await connectConsumer(harness.emulator, ACCOUNT);
    await requestConversation(client);
    harness.clock.advance(10_000);
    const { initial } = await subscribe(client, { minLastUpdatedTime: harness.clock.now() });
    expect(listAt(initial, 'body.changes')).toEqual([]);
  });

  it('stops notifying after UnsubscribeExConversations; unknown ids get a 400', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const { subscriptionId } = await subscribe(client);
    expect(await client.request('cqm.UnsubscribeExConversations', { subscriptionId })).toMatchObject({ code: 200 });
    await requestConversation(client);
    expect(await client.settle(isExChange)).toEqual([]);
    expect(await client.request('cqm.UnsubscribeExConversations', { subscriptionId })).toMatchObject({ code: 400, body: 'Unknown subscriptionId' });
  });
});

describe('cm.ConsumerRequestConversation', () => {
  it('answers {conversationId} then a full UPSERT whose MAIN dialog id is the conversation id', async () => {
    const { emulator } = await startHarness();
    const { client, jwt } = await connectConsumer(emulator, ACCOUNT);
    const { subscriptionId } = await subscribe(client);
    const conversationId = await requestConversation(client);
    const upsert = await client.next(upsertOf(conversationId));
    const consumerId = jwtSub(jwt);
    expect(upsert['body']).toEqual({
      subscriptionId,
      sentTs: expect.any(Number),
      changes: [
        {
          type: 'UPSERT',
          result: {
            convId: conversationId,
            effectiveTTR: -1,
            conversationDetails: expect.objectContaining({
              brandId: ACCOUNT,
              participants: [{ id: consumerId, role: 'CONSUMER' }],
              state: 'OPEN',
              stage: 'OPEN',
              startTs: expect.any(Number),
              metaDataLastUpdateTs: expect.any(Number),
              dialogs: [
                expect.objectContaining({
                  dialogId: conversationId,
                  dialogType: 'MAIN',
                  channelType: 'MESSAGING',
                  state: 'OPEN',
                  participantsDetails: [{ id: consumerId, role: 'CONSUMER', state: 'ACTIVE' }],
                }),
              ],
            }),
          },
        },
      ],
    });
  });

  it('refuses a second conversation while one is open (400 string), allows one after closing', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const first = await requestConversation(client);
    expect(await client.request('cm.ConsumerRequestConversation')).toMatchObject({ code: 400, body: expect.stringContaining('open conversation') });
    await client.request('cm.UpdateConversationField', closeBody(first));
    await expect(requestConversation(client)).resolves.not.toBe(first);
  });

  it('keeps conversations per consumer: a reconnect with the same identity sees them, another consumer does not', async () => {
    const harness = await startHarness();
    const alice = await authenticated(harness, 'alice');
    const conversationId = await requestConversation(alice);
    alice.close();
    const aliceAgain = await authenticated(harness, 'alice');
    const { initial } = await subscribe(aliceAgain);
    expect(listAt(initial, 'body.changes').map((c) => at(c, 'result.convId'))).toEqual([conversationId]);
    expect(await aliceAgain.request('cm.ConsumerRequestConversation')).toMatchObject({ code: 400 });
    const bob = await authenticated(harness, 'bob');
    expect(listAt((await subscribe(bob)).initial, 'body.changes')).toEqual([]);
    expect(await bob.request('cm.UpdateConversationField', closeBody(conversationId))).toMatchObject({ code: 400, body: 'Unknown conversationId' });
  });
});

describe('ms.PublishEvent and ms.SubscribeMessagingEvents', () => {
  it('numbers events per dialog, notifies subscribers and replays from fromSeq', async () => {
    const { emulator } = await startHarness();
    const { client, jwt } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    const publish = (message: string) =>
      client.request('ms.PublishEvent', { dialogId: conversationId, conversationId, event: { type: 'ContentEvent', contentType: 'text/plain', message } });
    expect(await publish('one')).toMatchObject({ code: 200, type: 'ms.PublishEventResponse', body: { sequence: 0 } });
    expect(await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, conversationId, fromSeq: 0 })).toMatchObject({ code: 200 });
    const replay = await client.next(isMessaging);
    expect(listAt(replay, 'body.changes')).toEqual([
      {
        sequence: 0,
        originatorId: jwtSub(jwt),
        originatorMetadata: { id: jwtSub(jwt), role: 'CONSUMER' },
        serverTimestamp: expect.any(Number),
        event: { type: 'ContentEvent', contentType: 'text/plain', message: 'one' },
        conversationId,
        dialogId: conversationId,
        messageAudience: 'ALL',
      },
    ]);
    expect(await publish('two')).toMatchObject({ body: { sequence: 1 } });
    expect(at(await client.next(isMessaging), 'body.changes.0')).toMatchObject({ sequence: 1, event: { message: 'two' } });
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 1 });
    expect(listAt(await client.next(isMessaging), 'body.changes').map((c) => at(c, 'sequence'))).toEqual([1]);
  });

  it('relays chat states with sequence 0 in the response and no sequence in the notification', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId });
    expect(await client.request('ms.PublishEvent', { dialogId: conversationId, event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } })).toMatchObject({ body: { sequence: 0 } });
    const change = at(await client.next(isMessaging), 'body.changes.0');
    expect(change).toMatchObject({ event: { type: 'ChatStateEvent', chatState: 'COMPOSING' } });
    expect(at(change, 'sequence')).toBeUndefined();
    expect(at(change, 'serverTimestamp')).toBeUndefined();
  });

  it('refuses unknown, foreign and closed dialogs', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const event = { type: 'ContentEvent', contentType: 'text/plain', message: 'x' };
    expect(await client.request('ms.PublishEvent', { dialogId: 'nope', event })).toMatchObject({ code: 400, body: 'Unknown dialogId' });
    expect(await client.request('ms.SubscribeMessagingEvents', { dialogId: 'nope' })).toMatchObject({ code: 400 });
    const conversationId = await requestConversation(client);
    await client.request('cm.UpdateConversationField', closeBody(conversationId));
    expect(await client.request('ms.PublishEvent', { dialogId: conversationId, event })).toMatchObject({ code: 400, body: 'Dialog is closed' });
  });
});

describe('closing and DELETE', () => {
  it.each<[string, (conversationId: string) => object]>([
    ['ConversationStateField', () => ({ field: 'ConversationStateField', conversationState: 'CLOSE' })],
    ['Stage', () => ({ field: 'Stage', conversationState: 'CLOSE' })],
    ['DialogChange of the MAIN dialog', (dialogId) => ({ field: 'DialogChange', type: 'UPDATE', dialog: { dialogId, state: 'CLOSE', closedCause: 'Closed by consumer' } })],
  ])('%s closes the conversation; DELETE follows deleteAfterCloseMs later', async (_name, field) => {
    const harness = await startHarness({ deleteAfterCloseMs: 5_000 });
    const { client } = await connectConsumer(harness.emulator, ACCOUNT);
    await subscribe(client);
    const conversationId = await requestConversation(client);
    const opened = await client.next(upsertOf(conversationId));
    expect(await client.request('cm.UpdateConversationField', closeBody(conversationId, field(conversationId)))).toMatchObject({ code: 200, body: expect.stringMatching(/^OK/) });
    const closed = await client.next(upsertOf(conversationId));
    const details = at(closed, 'body.changes.0.result.conversationDetails');
    expect(details).toMatchObject({ state: 'CLOSE', stage: 'CLOSE', closeReason: 'CONSUMER', endTs: expect.any(Number) });
    expect(at(details, 'dialogs.0')).toMatchObject({ state: 'CLOSE', closedBy: 'CONSUMER' });
    expect(Number(at(details, 'metaDataLastUpdateTs'))).toBeGreaterThan(Number(at(opened, 'body.changes.0.result.conversationDetails.metaDataLastUpdateTs')));
    harness.clock.advance(4_999);
    expect(await client.settle(deleteOf(conversationId))).toEqual([]);
    harness.clock.advance(1);
    expect(await client.next(deleteOf(conversationId))).toBeDefined();
    expect(listAt((await subscribe(client)).initial, 'body.changes')).toEqual([]);
  });

  it('refuses closing twice and reopening', async () => {
    const { emulator } = await startHarness();
    const { client } = await connectConsumer(emulator, ACCOUNT);
    const conversationId = await requestConversation(client);
    expect(await client.request('cm.UpdateConversationField', closeBody(conversationId, { field: 'Stage', conversationState: 'OPEN' }))).toMatchObject({ code: 400 });
    await client.request('cm.UpdateConversationField', closeBody(conversationId));
    expect(await client.request('cm.UpdateConversationField', closeBody(conversationId))).toMatchObject({ code: 400, body: 'Conversation is already closed' });
  });

  it('a subscriber to OPEN conversations still sees the closing UPSERT, then the DELETE', async () => {
    const harness = await startHarness({ deleteAfterCloseMs: 1_000 });
    const { client } = await connectConsumer(harness.emulator, ACCOUNT);
    await subscribe(client, { convState: ['OPEN'] });
    const conversationId = await requestConversation(client);
    await client.next(upsertOf(conversationId));
    await client.request('cm.UpdateConversationField', closeBody(conversationId));
    expect(at(await client.next(upsertOf(conversationId)), 'body.changes.0.result.conversationDetails.state')).toBe('CLOSE');
    harness.clock.advance(1_000);
    await expect(client.next(deleteOf(conversationId))).resolves.toBeDefined();
  });
});
