/** @jest-environment node */
/**
 * The call hub over HTTP and SSE, as the stand-in call app and the agent console use it: the ACCEPTED
 * updates come from the call app's accept and join, the two pages are paired and their signals
 * relayed, each side hears when the other comes and goes, and the end of the dialog ends both.
 */
import { at, callDialog, connectConsumer, httpJson, isExChange, requestConversation, sessionStateOf, subscribe, type Frame, type RawClient } from './raw-client';
import { startHarness, stopHarnesses, type Harness } from './harness';
import { nextOf, SseClient } from './sse-client';

const ACCOUNT = '123456';
const sse: SseClient[] = [];

afterEach(async () => {
  for (const client of sse.splice(0)) client.close();
  await stopHarnesses();
});

const post = (harness: Harness, path: string, body?: object) => httpJson('POST', `${harness.emulator.url}/emulator/${path}`, body);
const accepted = (key: string) => (f: Frame) => isExChange(f) && sessionStateOf(f) === 'ACCEPTED' && at(callDialog(f), 'metaData.notificationKey') === key;
const closed = (f: Frame) => isExChange(f) && sessionStateOf(f) === 'CLOSED';
const anyAccepted = (f: Frame) => isExChange(f) && sessionStateOf(f) === 'ACCEPTED';

async function page(harness: Harness, role: 'consumer' | 'agent'): Promise<{ client: SseClient; peerId: string }> {
  const opened = await SseClient.open(harness.emulator.url, role);
  sse.push(opened.client);
  return opened;
}

/** A consumer socket with a conversation and an invitation of `mode`; returns its serviceId. */
async function invited(harness: Harness, mode: 'VIDEO_CALL' | 'VOICE_CALL' = 'VIDEO_CALL'): Promise<{ socket: RawClient; serviceId: string }> {
  const { client: socket } = await connectConsumer(harness.emulator, ACCOUNT);
  await subscribe(socket);
  await requestConversation(socket);
  const { serviceId } = harness.emulator.agent.invite({ mode });
  await socket.next((f) => isExChange(f) && sessionStateOf(f) === 'INVITED');
  return { socket, serviceId };
}

describe('accept and join: the ACCEPTED updates come from the consumer call app', () => {
  it('accept sends ACCEPTED accepted, the first join ACCEPTED joined; a re-join (reload) sends nothing', async () => {
    const harness = await startHarness();
    const { socket, serviceId } = await invited(harness);
    expect(await post(harness, 'call/accept', { serviceId })).toMatchObject({ status: 200, json: { serviceId, mode: 'VIDEO_CALL' } });
    await socket.next(accepted('accepted'));
    const consumer = await page(harness, 'consumer');
    expect(await post(harness, 'call/join', { peerId: consumer.peerId, serviceId })).toMatchObject({ status: 200, json: { mode: 'VIDEO_CALL', role: 'consumer' } });
    await socket.next(accepted('joined'));
    consumer.client.close();
    const reloaded = await page(harness, 'consumer');
    expect((await post(harness, 'call/join', { peerId: reloaded.peerId, serviceId })).status).toBe(200);
    expect(await socket.settle(anyAccepted)).toEqual([]);
    expect(harness.emulator.state().dialogs.map((d) => at(d, 'call.outcome')).filter((o) => o !== undefined)).toEqual(['in call']);
  });

  it('refuses an accept of an accepted call (409 call-accepted), unknown calls (404) and a join of an ended call (409)', async () => {
    const harness = await startHarness();
    const { serviceId } = await invited(harness);
    harness.emulator.agent.accept();
    expect(await post(harness, 'call/accept', { serviceId })).toMatchObject({ status: 409, json: { code: 'call-accepted' } });
    expect(await post(harness, 'call/accept', { serviceId: 'nope' })).toMatchObject({ status: 404, json: { code: 'unknown-call' } });
    const consumer = await page(harness, 'consumer');
    harness.emulator.agent.hangup();
    expect(await post(harness, 'call/join', { peerId: consumer.peerId, serviceId })).toMatchObject({ status: 409, json: { code: 'call-closed' } });
    expect(await post(harness, 'call/join', { peerId: 'nobody', serviceId })).toMatchObject({ status: 404, json: { code: 'unknown-peer' } });
    expect(await post(harness, 'call/join', { serviceId })).toMatchObject({ status: 400, json: { error: 'peerId is required' } });
  });
});

describe('pairing and signalling', () => {
  it('hello carries the media options; the agent hears of the consumer, joins, is asked to offer; signals are relayed on the current link only', async () => {
    const harness = await startHarness({ media: { iceServers: [{ urls: 'stun:stun.example:3478' }], connectTimeoutMs: 7000 } });
    const { serviceId } = await invited(harness, 'VOICE_CALL');
    const agentOpened = await SseClient.open(harness.emulator.url, 'agent');
    sse.push(agentOpened.client);
    const consumer = await page(harness, 'consumer');
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: consumer.peerId, serviceId });
    expect(await nextOf(agentOpened.client, 'consumer-joined')).toEqual({ type: 'consumer-joined', serviceId, mode: 'VOICE_CALL' });
    await post(harness, 'call/join', { peerId: agentOpened.peerId, serviceId });
    const ready = await nextOf(agentOpened.client, 'ready');
    expect(ready).toEqual({ type: 'ready', serviceId, mode: 'VOICE_CALL', linkId: expect.any(String) });
    expect(await nextOf(consumer.client, 'peer-joined')).toEqual({ type: 'peer-joined', serviceId, role: 'agent' });

    const offer = { kind: 'offer', sdp: 'v=0 offer' };
    expect(await post(harness, 'call/signal', { peerId: agentOpened.peerId, serviceId, linkId: ready.linkId, signal: offer })).toMatchObject({ status: 200, json: { delivered: true } });
    expect(await nextOf(consumer.client, 'signal')).toEqual({ type: 'signal', serviceId, linkId: ready.linkId, signal: offer });
    const candidate = { kind: 'candidate', candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 };
    await post(harness, 'call/signal', { peerId: consumer.peerId, serviceId, linkId: ready.linkId, signal: candidate });
    expect(await nextOf(agentOpened.client, 'signal')).toMatchObject({ signal: candidate });
    expect(await post(harness, 'call/signal', { peerId: consumer.peerId, serviceId, linkId: 'old', signal: candidate })).toMatchObject({ json: { delivered: false } });
    expect(await post(harness, 'call/signal', { peerId: consumer.peerId, serviceId, linkId: ready.linkId, signal: { kind: 'offer' } })).toMatchObject({ status: 400 });

    const hello = await SseClient.open(harness.emulator.url, 'consumer');
    sse.push(hello.client);
    expect(harness.emulator.state().calls).toMatchObject({ pages: { consumer: 2, agent: 1 } });
  });

  it('a page going away is told to the other side: the agent closing (peer-left agent), the consumer reloading (peer-left, then consumer-joined again)', async () => {
    const harness = await startHarness();
    const { serviceId } = await invited(harness);
    const consumer = await page(harness, 'consumer');
    const agent = await page(harness, 'agent');
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: consumer.peerId, serviceId });
    await post(harness, 'call/join', { peerId: agent.peerId, serviceId });
    await nextOf(agent.client, 'ready');

    consumer.client.close();
    expect(await nextOf(agent.client, 'peer-left')).toEqual({ type: 'peer-left', serviceId, role: 'consumer' });
    const back = await page(harness, 'consumer');
    await post(harness, 'call/join', { peerId: back.peerId, serviceId });
    await nextOf(agent.client, 'consumer-joined');

    agent.client.close();
    expect(await nextOf(back.client, 'peer-left')).toEqual({ type: 'peer-left', serviceId, role: 'agent' });
    // A console opened later hears of the call still waiting for it.
    const console2 = await page(harness, 'agent');
    expect(await nextOf(console2.client, 'consumer-joined')).toMatchObject({ serviceId });
  });
});

describe('the end of a call ends both sides', () => {
  it('the consumer hang-up closes the dialog (closed by CONSUMER) and both pages hear ended', async () => {
    const harness = await startHarness();
    const { socket, serviceId } = await invited(harness);
    const consumer = await page(harness, 'consumer');
    const agent = await page(harness, 'agent');
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: consumer.peerId, serviceId });
    expect(await post(harness, 'call/leave', { peerId: consumer.peerId, serviceId, reason: 'hangup' })).toMatchObject({ status: 200 });
    expect(callDialog(await socket.next(closed))).toMatchObject({ state: 'CLOSE', closedBy: 'CONSUMER' });
    expect(await nextOf(consumer.client, 'ended')).toEqual({ type: 'ended', serviceId, how: 'consumer' });
    expect(await nextOf(agent.client, 'ended')).toEqual({ type: 'ended', serviceId, how: 'consumer' });
    expect(harness.emulator.state().dialogs.map((d) => at(d, 'call.outcome')).filter((o) => o !== undefined)).toEqual(['ended by the visitor']);
  });

  it('a failure the call app reports closes the dialog with its id; the agent hang-up ends the pages too', async () => {
    const harness = await startHarness();
    const first = await invited(harness);
    const consumer = await page(harness, 'consumer');
    await post(harness, 'call/accept', { serviceId: first.serviceId });
    await post(harness, 'call/leave', { peerId: consumer.peerId, serviceId: first.serviceId, reason: 'NO_CAMERA_ACCESS' });
    expect(callDialog(await first.socket.next(closed))).toMatchObject({ closedBy: 'CONSUMER', closedCause: 'Call failed: NO_CAMERA_ACCESS' });
    expect(await post(harness, 'call/leave', { peerId: consumer.peerId, serviceId: first.serviceId, reason: 'bored' })).toMatchObject({ status: 400 });

    const { serviceId } = harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: consumer.peerId, serviceId });
    harness.emulator.agent.hangup();
    expect(await nextOf(consumer.client, 'ended', (m) => m.serviceId === serviceId)).toMatchObject({ how: 'hangup' });
    const outcomes = harness.emulator.state().dialogs.map((d) => at(d, 'call.outcome')).filter((o) => o !== undefined);
    expect(outcomes).toEqual(['failed: NO_CAMERA_ACCESS', 'hung up by the agent']);
  });
});

describe('sessionError on demand (code and HTTP)', () => {
  it('reaches every consumer page, or only the page of a call; a bad id is a 400', async () => {
    const harness = await startHarness();
    const { serviceId } = await invited(harness);
    const inCall = await page(harness, 'consumer');
    const other = await page(harness, 'consumer');
    await page(harness, 'agent');
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: inCall.peerId, serviceId });

    expect(await post(harness, 'call/session-error', { id: 'UNABLE_TO_CONNECT', msg: 'No route' })).toMatchObject({ status: 200, json: { pages: 2 } });
    for (const p of [inCall, other]) expect(await nextOf(p.client, 'session-error')).toEqual({ type: 'session-error', id: 'UNABLE_TO_CONNECT', msg: 'No route' });
    expect(harness.emulator.calls.sessionError({ id: 'AGENT_DISCONNECTED', serviceId })).toBe(1);
    expect(await nextOf(inCall.client, 'session-error')).toEqual({ type: 'session-error', id: 'AGENT_DISCONNECTED', msg: 'The agent got disconnected.' });
    expect(await post(harness, 'call/session-error', { id: 'OOPS' })).toMatchObject({ status: 400, json: { code: 'bad-request' } });
    expect(other.client.pending().filter((m) => m.type === 'session-error')).toEqual([]);
  });
});

describe('the call script: odd ACCEPTED behaviour on demand', () => {
  const acceptAndJoin = async (harness: Harness, serviceId: string): Promise<void> => {
    const consumer = await page(harness, 'consumer');
    await post(harness, 'call/accept', { serviceId });
    await post(harness, 'call/join', { peerId: consumer.peerId, serviceId });
  };

  it('twice: every update comes twice (with newer timestamps)', async () => {
    const harness = await startHarness();
    expect(await post(harness, 'call/script', { accepted: 'twice' })).toMatchObject({ status: 200, json: { accepted: 'twice', delayMs: 3000 } });
    const { socket, serviceId } = await invited(harness);
    await acceptAndJoin(harness, serviceId);
    for (const key of ['accepted', 'accepted', 'joined', 'joined']) await socket.next(accepted(key));
  });

  it('late: each update after delayMs on the emulator clock; never: none (the invitation then expires)', async () => {
    const harness = await startHarness({ idleTimeoutMs: 600_000 });
    harness.emulator.calls.script({ accepted: 'late', delayMs: 5000 });
    const first = await invited(harness);
    await acceptAndJoin(harness, first.serviceId);
    expect(await first.socket.settle(anyAccepted)).toEqual([]);
    harness.clock.advance(5000);
    await first.socket.next(accepted('accepted'));
    await first.socket.next(accepted('joined'));
    harness.emulator.agent.hangup();
    await first.socket.next(closed);

    expect(harness.emulator.calls.script({ accepted: 'never' })).toEqual({ accepted: 'never', delayMs: 5000 });
    const { serviceId } = harness.emulator.agent.invite({ mode: 'VIDEO_CALL' });
    await first.socket.next((f) => isExChange(f) && sessionStateOf(f) === 'INVITED');
    await acceptAndJoin(harness, serviceId);
    harness.clock.advance(120_000);
    expect(callDialog(await first.socket.next(closed))).toMatchObject({ closedCause: 'Invitation expired' });
    expect(await post(harness, 'call/script', { accepted: 'sometimes' })).toMatchObject({ status: 400 });
    expect(await post(harness, 'call/script', { delayMs: -1 })).toMatchObject({ status: 400 });
  });
});
