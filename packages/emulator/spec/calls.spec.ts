/** @jest-environment node */
import { EmulatorControlError } from '../lib';
import { startHarness, stopHarnesses } from './harness';
import {
  at,
  callDialog,
  cobrowseDialogs,
  connectConsumer,
  httpJson,
  isExChange,
  isMessaging,
  jwtSub,
  requestConversation,
  sessionStateOf,
  subscribe,
  type Frame,
  RawClient,
} from './raw-client';

afterEach(stopHarnesses);

const ACCOUNT = '123456';
const withSession = (state: string) => (f: Frame) => isExChange(f) && sessionStateOf(f) === state;
const control = (url: string, action: string, body?: object) => httpJson('POST', `${url}/emulator/${action}`, body);

/** A consumer with CO_BROWSE, subscribed, with an open conversation (its first UPSERT consumed). */
async function readyConsumer(harness: Awaited<ReturnType<typeof startHarness>>, features?: readonly string[]) {
  const { client, jwt } = await connectConsumer(harness.emulator, ACCOUNT, features === undefined ? {} : { features });
  await subscribe(client);
  const conversationId = await requestConversation(client);
  await client.next(isExChange);
  return { client, conversationId, consumerId: jwtSub(jwt) };
}

describe('the whole story, over raw sockets and HTTP', () => {
  it('signup, connect, CO_BROWSE, subscribe, request; INVITED after invite; CLOSED after cancel, hang-up and expiry', async () => {
    const harness = await startHarness({ idleTimeoutMs: 600_000 });
    const { emulator, clock } = harness;
    const { client } = await readyConsumer(harness);

    expect(await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL' })).toMatchObject({ status: 200, json: { sessionState: 'INVITED', mode: 'VIDEO_CALL' } });
    await client.next(withSession('INVITED'));
    expect(await control(emulator.url, 'agent/cancel')).toMatchObject({ status: 200, json: { sessionState: 'CLOSED' } });
    expect(callDialog(await client.next(withSession('CLOSED')))).toMatchObject({ state: 'CLOSE', metaData: { notificationKey: 'cancel_invitation' } });

    await control(emulator.url, 'agent/invite', { mode: 'VOICE_CALL' });
    await client.next(withSession('INVITED'));
    await control(emulator.url, 'agent/accept');
    await client.next(withSession('ACCEPTED'));
    await client.next(withSession('ACCEPTED'));
    await control(emulator.url, 'agent/hangup');
    expect(callDialog(await client.next(withSession('CLOSED')))).toMatchObject({ state: 'CLOSE', metaData: { mode: 'VOICE_CALL', sessionState: 'CLOSED' } });

    await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL' });
    await client.next(withSession('INVITED'));
    clock.advance(120_000);
    expect(callDialog(await client.next(withSession('CLOSED')))).toMatchObject({ state: 'CLOSE', closedCause: 'Invitation expired' });
  });
});

describe('invite', () => {
  it('adds a COBROWSE dialog shaped as LivePerson sends it, and an ASSIGNED_AGENT participant', async () => {
    const harness = await startHarness();
    const { client, conversationId, consumerId } = await readyConsumer(harness);
    const now = harness.clock.now();
    const result = harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const frame = await client.next(withSession('INVITED'));
    const [dialog] = cobrowseDialogs(frame);
    expect(dialog).toEqual({
      dialogId: result.dialogId,
      participants: [consumerId, `${ACCOUNT}.356285412`],
      dialogType: 'OTHER',
      channelType: 'COBROWSE',
      metaData: {
        serviceId: result.serviceId,
        mode: 'VIDEO_CALL',
        expires: expect.any(Number),
        sessionState: 'INVITED',
        dialogId: result.dialogId,
        notificationKey: 'invited',
      },
      state: 'OPEN',
      creationTs: expect.any(Number),
      metaDataLastUpdateTs: expect.any(Number),
    });
    expect(result).toEqual({ conversationId, dialogId: expect.any(String), serviceId: expect.any(String), mode: 'VIDEO_CALL', sessionState: 'INVITED', expiresAtMs: expect.any(Number) });
    expect(result.serviceId).toMatch(new RegExp(`^${consumerId}#[0-9a-f-]{36}$`));
    const creationTs = Number(at(dialog, 'creationTs'));
    expect(creationTs).toBeGreaterThanOrEqual(now);
    expect(at(dialog, 'metaData.expires')).toBe((creationTs + 120_000) / 1000);
    const details = at(frame, 'body.changes.0.result.conversationDetails');
    expect(at(details, 'participants')).toEqual([
      { id: consumerId, role: 'CONSUMER' },
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), role: 'ASSIGNED_AGENT' },
    ]);
    expect(at(details, 'dialogs.0.dialogId')).toBe(conversationId);
  });

  it('bumps metaDataLastUpdateTs on every UPSERT, even when the clock stands still', async () => {
    const harness = await startHarness();
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    harness.emulator.agent.accept();
    harness.emulator.agent.hangup();
    const frames = [await client.next(withSession('INVITED')), await client.next(withSession('ACCEPTED')), await client.next(withSession('ACCEPTED')), await client.next(withSession('CLOSED'))];
    const conversationTs = frames.map((f) => Number(at(f, 'body.changes.0.result.conversationDetails.metaDataLastUpdateTs')));
    const dialogTs = frames.map((f) => Number(at(callDialog(f), 'metaDataLastUpdateTs')));
    for (const list of [conversationTs, dialogTs]) for (let i = 1; i < list.length; i++) expect(list[i]).toBeGreaterThan(list[i - 1] ?? Infinity);
  });

  it('refuses a second invite while one is INVITED or in a call (409), a bad mode (400), no open conversation (409)', async () => {
    const harness = await startHarness();
    const { emulator } = harness;
    expect(await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL' })).toMatchObject({
      status: 409,
      json: { error: expect.stringMatching(/^no open conversation: .*Start conversation/), code: 'no-conversation' },
    });
    await readyConsumer(harness);
    expect(await control(emulator.url, 'agent/invite', { mode: 'SMOKE_SIGNAL' })).toMatchObject({ status: 400, json: { error: expect.stringContaining('mode') } });
    expect(await control(emulator.url, 'agent/invite', {})).toMatchObject({ status: 400 });
    expect(await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL', conversationId: 'nope' })).toMatchObject({ status: 404 });
    expect((await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL' })).status).toBe(200);
    expect(await control(emulator.url, 'agent/invite', { mode: 'VIDEO_CALL' })).toMatchObject({ status: 409, json: { error: expect.stringContaining('invitation is still pending'), code: 'invitation-pending' } });
    emulator.agent.accept();
    expect(() => emulator.agent.invite({ mode: 'VOICE_CALL' })).toThrow(EmulatorControlError);
    emulator.agent.hangup();
    expect(emulator.agent.invite({ mode: 'VOICE_CALL' }).sessionState).toBe('INVITED');
  });

  it('targets the given conversation, else the latest open one', async () => {
    const harness = await startHarness();
    const first = await readyConsumer(harness);
    const second = await readyConsumer(harness);
    expect(harness.emulator.agent.invite({ mode: 'VOICE_CALL' }).conversationId).toBe(second.conversationId);
    expect(harness.emulator.agent.invite({ mode: 'VOICE_CALL', conversationId: first.conversationId }).conversationId).toBe(first.conversationId);
    await first.client.next(withSession('INVITED'));
    expect(await first.client.settle(withSession('INVITED'))).toEqual([]);
  });
});

describe('accept, cancel, hangup, expire', () => {
  it('accept sends ACCEPTED twice: accepted, then joined; it stops the expiry', async () => {
    const harness = await startHarness({ idleTimeoutMs: 600_000 });
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    expect(await control(harness.emulator.url, 'agent/accept')).toMatchObject({ status: 200, json: { sessionState: 'ACCEPTED' } });
    await client.next(withSession('INVITED'));
    const keys = [await client.next(withSession('ACCEPTED')), await client.next(withSession('ACCEPTED'))].map((f) => at(callDialog(f), 'metaData.notificationKey'));
    expect(keys).toEqual(['accepted', 'joined']);
    harness.clock.advance(300_000);
    expect(await client.settle(withSession('CLOSED'))).toEqual([]);
    expect(await control(harness.emulator.url, 'agent/cancel')).toMatchObject({ status: 409, json: { error: expect.stringContaining('hang up instead'), code: 'call-accepted' } });
    expect(await control(harness.emulator.url, 'agent/expire')).toMatchObject({ status: 409 });
  });

  it('expires by itself exactly at expires (and not before), or on demand', async () => {
    const harness = await startHarness({ idleTimeoutMs: 600_000, invitationTtlMs: 120_000 });
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await client.next(withSession('INVITED'));
    harness.clock.advance(119_999);
    expect(await client.settle(withSession('CLOSED'))).toEqual([]);
    harness.clock.advance(1);
    await client.next(withSession('CLOSED'));
    harness.emulator.agent.invite({ mode: 'VOICE_CALL', expiresInMs: 30_000 });
    expect(await control(harness.emulator.url, 'agent/expire')).toMatchObject({ status: 200, json: { sessionState: 'CLOSED' } });
    await client.next(withSession('INVITED'));
    expect(callDialog(await client.next(withSession('CLOSED')))).toMatchObject({ state: 'CLOSE', endTs: expect.any(Number) });
    harness.clock.advance(30_000);
    expect(await client.settle(isExChange)).toEqual([]);
  });

  it('decline (what the call service does after cobrowseDeclined) closes the invitation, closed by CONSUMER', async () => {
    const harness = await startHarness({ idleTimeoutMs: 600_000 });
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VOICE_CALL' });
    await client.next(withSession('INVITED'));
    expect(await control(harness.emulator.url, 'agent/decline')).toMatchObject({ status: 200, json: { sessionState: 'CLOSED' } });
    expect(callDialog(await client.next(withSession('CLOSED')))).toMatchObject({ state: 'CLOSE', closedBy: 'CONSUMER', closedCause: 'Invitation declined by consumer' });
    expect(await control(harness.emulator.url, 'agent/decline')).toMatchObject({ status: 409 });
    expect(harness.emulator.state().dialogs.map((d) => at(d, 'call.outcome')).filter((o) => o !== undefined)).toEqual(['declined by the visitor']);
  });

  it('control without an open call dialog is a 409; unknown dialog a 404', async () => {
    const harness = await startHarness();
    const { conversationId } = await readyConsumer(harness);
    expect(await control(harness.emulator.url, 'agent/hangup')).toMatchObject({ status: 409, json: { error: expect.stringContaining('no open call dialog'), code: 'no-call' } });
    expect(await control(harness.emulator.url, 'agent/cancel', { conversationId, dialogId: 'nope' })).toMatchObject({ status: 404 });
    expect(await control(harness.emulator.url, 'agent/accept', { conversationId: 5 })).toMatchObject({ status: 400 });
  });

  it('closing the conversation closes its call dialog too', async () => {
    const harness = await startHarness();
    const { client, conversationId } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await client.next(withSession('INVITED'));
    await client.request('cm.UpdateConversationField', { conversationId, conversationField: { field: 'ConversationStateField', conversationState: 'CLOSE' } });
    const frame = await client.next(withSession('CLOSED'));
    expect(at(frame, 'body.changes.0.result.conversationDetails.stage')).toBe('CLOSE');
    expect(callDialog(frame)).toMatchObject({ state: 'CLOSE', closedCause: 'Conversation closed' });
  });

  it('the consumer may close the call dialog with DialogChange', async () => {
    const harness = await startHarness();
    const { client, conversationId } = await readyConsumer(harness);
    const { dialogId } = harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const response = await client.request('cm.UpdateConversationField', {
      conversationId,
      conversationField: { field: 'DialogChange', type: 'UPDATE', dialog: { dialogId, state: 'CLOSE', closedCause: 'Closed by consumer' } },
    });
    expect(response).toMatchObject({ code: 200, body: 'OK Dialog closed successfully' });
    const frame = await client.next(withSession('CLOSED'));
    expect(callDialog(frame)).toMatchObject({ state: 'CLOSE', closedBy: 'CONSUMER' });
    expect(at(frame, 'body.changes.0.result.conversationDetails.state')).toBe('OPEN');
  });

  it('agent close closes the conversation as the agent', async () => {
    const harness = await startHarness();
    const { client, conversationId } = await readyConsumer(harness);
    expect(await control(harness.emulator.url, 'agent/close')).toMatchObject({ status: 200, json: { conversationId } });
    const frame = await client.next(isExChange);
    expect(at(frame, 'body.changes.0.result.conversationDetails')).toMatchObject({ state: 'CLOSE', stage: 'CLOSE', closeReason: 'AGENT' });
  });
});

describe('CO_BROWSE feature', () => {
  it('a connection without CO_BROWSE gets snapshots without COBROWSE dialogs, and nothing for call-only changes', async () => {
    const harness = await startHarness();
    const { client: plain, jwt } = await connectConsumer(harness.emulator, ACCOUNT, { features: ['MULTI_DIALOG'] });
    const cobrowse = await RawClient.open(harness.emulator.socketUrl(ACCOUNT));
    await cobrowse.init(jwt, ['CO_BROWSE']);
    await subscribe(plain);
    await subscribe(cobrowse);
    await requestConversation(plain);
    await plain.next(isExChange);
    await cobrowse.next(isExChange);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' }); // also assigns the agent: both hear of that
    await cobrowse.next(withSession('INVITED'));
    const assigned = await plain.next(isExChange);
    expect(cobrowseDialogs(assigned)).toEqual([]);
    expect(at(assigned, 'body.changes.0.result.conversationDetails.participants.1.role')).toBe('ASSIGNED_AGENT');
    harness.emulator.agent.cancel();
    await cobrowse.next(withSession('CLOSED'));
    expect(await plain.settle(isExChange)).toEqual([]);
    expect(cobrowseDialogs((await subscribe(plain)).initial)).toEqual([]);
    expect(cobrowseDialogs((await subscribe(cobrowse)).initial)).toHaveLength(1);
  });
});

describe('agent message', () => {
  it('reaches subscribers of the MAIN dialog as an ASSIGNED_AGENT ContentEvent', async () => {
    const harness = await startHarness();
    const { client, conversationId } = await readyConsumer(harness);
    await client.request('ms.SubscribeMessagingEvents', { dialogId: conversationId, fromSeq: 0 });
    expect(await control(harness.emulator.url, 'agent/message', { text: 'Hello!' })).toMatchObject({ status: 200, json: { conversationId, dialogId: conversationId, sequence: 0 } });
    expect(at(await client.next(isMessaging), 'body.changes.0')).toMatchObject({
      sequence: 0,
      originatorMetadata: { role: 'ASSIGNED_AGENT' },
      event: { type: 'ContentEvent', contentType: 'text/plain', message: 'Hello!' },
      dialogId: conversationId,
    });
    expect(at(await client.next(isExChange), 'body.changes.0.result.conversationDetails.participants.1.role')).toBe('ASSIGNED_AGENT');
    expect(await control(harness.emulator.url, 'agent/message', {})).toMatchObject({ status: 400 });
  });
});

describe('test hooks', () => {
  it('repeat-last re-sends the last ExConversationChangeNotification', async () => {
    const harness = await startHarness();
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    const original = await client.next(withSession('INVITED'));
    expect(await control(harness.emulator.url, 'repeat-last')).toMatchObject({ status: 200 });
    expect(await client.next(withSession('INVITED'))).toEqual(original);
  });

  it('reorder-next delivers the next two notifications in reverse order', async () => {
    const harness = await startHarness();
    const { client } = await readyConsumer(harness);
    harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await client.next(withSession('INVITED'));
    await control(harness.emulator.url, 'reorder-next');
    harness.emulator.agent.accept();
    await client.next(withSession('ACCEPTED'));
    await client.next(withSession('ACCEPTED'));
    const keys = client.frames.filter(withSession('ACCEPTED')).map((f) => at(callDialog(f), 'metaData.notificationKey'));
    expect(keys).toEqual(['joined', 'accepted']);
    harness.emulator.agent.hangup();
    await client.next(withSession('CLOSED'));
  });

  it('state() and GET /emulator/state list conversations, dialogs and connections', async () => {
    const harness = await startHarness();
    const { conversationId } = await readyConsumer(harness);
    const { dialogId } = harness.emulator.agent.invite({ mode: 'VOICE_CALL' });
    const res = await httpJson('GET', `${harness.emulator.url}/emulator/state`);
    expect(res.json).toEqual(harness.emulator.state());
    expect(res.json).toMatchObject({
      conversations: [{ convId: conversationId, accountId: ACCOUNT, deleted: false, conversationDetails: { state: 'OPEN' } }],
      dialogs: [
        { conversationId, dialog: { dialogId: conversationId, dialogType: 'MAIN' } },
        { conversationId, dialog: { dialogId, channelType: 'COBROWSE', metaData: { sessionState: 'INVITED' } } },
      ],
      connections: [{ initialized: true, features: ['CO_BROWSE', 'MULTI_DIALOG'] }],
    });
  });
});
