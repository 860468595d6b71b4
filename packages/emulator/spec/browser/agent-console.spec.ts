/**
 * The agent console (static/index.html + lib/browser/console) in jsdom with a scripted control API,
 * a fake hub and a fake media engine: the tables, the actions and their guidance texts, the
 * scenarios, and the agent's side of the call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startConsole } from '../../lib/browser/console/console-app';
import { expiresIn, stateView } from '../../lib/browser/console/state-view';
import type { PostAnswer } from '../../lib/browser/types';
import { createFakeEngine, createFakeHub, createFakeTimers, flushPromises, type FakeEngine, type FakeHub, type FakeTimers } from './fakes';

const NOW = 1_000_000_000;
const SERVICE = 'consumer-1#s-1';
const STATE = {
  conversations: [{ convId: 'conv-1', deleted: false, conversationDetails: { state: 'OPEN', stage: 'OPEN', dialogs: [{}, {}] } }],
  dialogs: [
    { conversationId: 'conv-1', dialog: { dialogId: 'conv-1', channelType: 'MESSAGING', state: 'OPEN', metaData: {} } },
    {
      conversationId: 'conv-1',
      dialog: { dialogId: 'd-2', channelType: 'COBROWSE', state: 'OPEN', metaData: { sessionState: 'INVITED', mode: 'VIDEO_CALL', serviceId: SERVICE, expires: (NOW + 90_000) / 1000 } },
      call: { outcome: 'invited', end: null, updates: [], media: null },
    },
  ],
  connections: [{ id: 1, accountId: '123456', state: 'open', consumerId: 'consumer-1', features: ['CO_BROWSE'], conversationSubscriptions: ['s'] }],
  accounts: { known: ['123456', '12345678'], permissive: false },
  calls: { script: { accepted: 'normal', delayMs: 3000 }, pages: { consumer: 1, agent: 1 } },
};

describe('agent console', () => {
  let posts: { path: string; body: unknown }[];
  let answer: (path: string) => PostAnswer;
  let timers: FakeTimers;
  let hub: FakeHub;
  let engine: FakeEngine;
  let stop: () => void;
  let state: unknown;
  const byTestId = (id: string): HTMLElement => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (el === null) throw new Error(`no ${id}`);
    return el;
  };
  const field = (id: string): HTMLInputElement | HTMLSelectElement => {
    const el = byTestId(id);
    if (!(el instanceof HTMLInputElement) && !(el instanceof HTMLSelectElement)) throw new Error(`${id} is not a field`);
    return el;
  };
  const click = async (id: string): Promise<void> => {
    byTestId(id).click();
    await flushPromises();
  };
  const cells = (table: string): string[][] => Array.from(byTestId(table).querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''));

  beforeEach(async () => {
    const html = readFileSync(join(__dirname, '../../static/index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
    posts = [];
    answer = () => ({ status: 200, body: {} });
    timers = createFakeTimers(NOW);
    hub = createFakeHub();
    engine = createFakeEngine();
    state = STATE;
    stop = startConsole({
      document,
      timers,
      hub,
      engine,
      getState: () => Promise.resolve(state),
      post: (path, body) => {
        posts.push({ path, body });
        return Promise.resolve(answer(path));
      },
    });
    await flushPromises();
  });
  afterEach(() => stop());

  describe('tables', () => {
    it('fills the conversations (state, stage), dialogs (how each call goes, expiry) and connections (state) columns', () => {
      expect(cells('conversations')).toEqual([['conv-1', 'OPEN', 'OPEN', '2']]);
      expect(cells('dialogs')).toEqual([
        ['conv-1', 'conv-1', 'MESSAGING', 'OPEN', '', '', '', ''],
        ['conv-1', 'd-2', 'COBROWSE', 'OPEN', 'INVITED', 'VIDEO_CALL', 'invited', '90 s'],
      ]);
      expect(cells('connections')).toEqual([['1', '123456', 'open', 'consumer-1', 'features CO_BROWSE · 1 subscription']]);
      expect(byTestId('accounts').textContent).toBe('123456, 12345678');
      expect(byTestId('poll-status').textContent).toMatch(/^live/);
      expect(Array.from(byTestId('conversation-select').querySelectorAll('option'), (o) => o.value)).toEqual(['', 'conv-1']);
    });

    it('an invitation past its expiry is never shown as INVITED waiting: expired / expiring', () => {
      expect(expiresIn((NOW - 1000) / 1000, NOW)).toBe('expired');
      const view = stateView(STATE, NOW + 91_000);
      expect(view.dialogs[1]?.slice(6)).toEqual(['expiring', 'expired']);
      expect(stateView({ dialogs: 'nonsense', conversations: [null, 1] }, NOW)).toMatchObject({ dialogs: [], conversationIds: [] });
    });

    it('polls every second, and says when the emulator is gone', async () => {
      let calls = 0;
      stop();
      stop = startConsole({ document, timers, hub, engine, post: () => Promise.resolve({ status: 200, body: {} }), getState: () => (++calls > 1 ? Promise.reject(new Error('Failed to fetch')) : Promise.resolve(STATE)) });
      await flushPromises();
      timers.advance(1000);
      await flushPromises();
      expect(calls).toBe(2);
      expect(byTestId('poll-status').textContent).toBe('emulator unreachable: Failed to fetch (is npm start still running?)');
    });
  });

  describe('actions', () => {
    it.each([
      ['invite-video', '/emulator/agent/invite', { mode: 'VIDEO_CALL' }],
      ['invite-voice', '/emulator/agent/invite', { mode: 'VOICE_CALL' }],
      ['cancel', '/emulator/agent/cancel', {}],
      ['hangup', '/emulator/agent/hangup', {}],
      ['expire', '/emulator/agent/expire', {}],
      ['answered-elsewhere', '/emulator/agent/accept', {}],
      ['drop-sockets', '/emulator/drop-sockets', {}],
    ])('%s POSTs %s', async (testId, path, body) => {
      await click(testId);
      expect(posts).toEqual([{ path, body }]);
      expect(byTestId('error').textContent).toBe('');
      expect(byTestId('result').textContent).not.toBe('');
    });

    it('invites with the TTL field, and targets the selected conversation', async () => {
      field('invite-ttl').value = '30';
      field('conversation-select').value = 'conv-1';
      await click('invite-video');
      expect(posts).toEqual([{ path: '/emulator/agent/invite', body: { conversationId: 'conv-1', mode: 'VIDEO_CALL', expiresInMs: 30_000 } }]);
    });

    it('says what to click when the emulator refuses, without protocol jargon', async () => {
      answer = () => ({ status: 409, body: { error: 'no open conversation: …', code: 'no-conversation' } });
      await click('invite-video');
      expect(byTestId('error').textContent).toBe('Invite video: There is no conversation yet: click “Start conversation” in the visitor page first.');
      answer = () => ({ status: 409, body: { error: 'an invitation is still pending', code: 'invitation-pending' } });
      await click('invite-voice');
      expect(byTestId('error').textContent).toBe('Invite voice: An invitation is still waiting for the visitor: wait for the answer, or click “Cancel invitation”.');
      answer = () => ({ status: 400, body: { error: 'expiresInMs must be a positive number', code: 'bad-request' } });
      await click('expire');
      expect(byTestId('error').textContent).toBe('Expire now: expiresInMs must be a positive number');
      expect(byTestId('result').textContent).toBe('');
    });

    it('sessionError, the server script, accounts and text go to the control API', async () => {
      field('error-id').value = 'NO_CAMERA_ACCESS';
      field('error-message').value = 'Camera blocked';
      answer = () => ({ status: 200, body: { pages: 1 } });
      await click('send-error');
      expect(byTestId('result').textContent).toBe('Sent sessionError NO_CAMERA_ACCESS to 1 visitor page(s).');
      field('script-accepted').value = 'late';
      field('script-delay').value = '2000';
      await click('apply-script');
      field('account-input').value = '987654';
      await click('add-account');
      field('text-input').value = 'Hi there';
      await click('send-text');
      expect(field('text-input').value).toBe('');
      expect(posts).toEqual([
        { path: '/emulator/call/session-error', body: { id: 'NO_CAMERA_ACCESS', msg: 'Camera blocked' } },
        { path: '/emulator/call/script', body: { accepted: 'late', delayMs: 2000 } },
        { path: '/emulator/accounts', body: { accountId: '987654' } },
        { path: '/emulator/agent/message', body: { text: 'Hi there' } },
      ]);
    });
  });

  describe("the agent's side of the call", () => {
    const joinedAndReady = async (): Promise<void> => {
      hub.hello('agent-1');
      hub.deliver({ type: 'consumer-joined', serviceId: SERVICE, mode: 'VIDEO_CALL' });
      hub.deliver({ type: 'ready', serviceId: SERVICE, mode: 'VIDEO_CALL', linkId: 'link-1' });
      await flushPromises();
    };

    it('joins the call the visitor joined, takes the camera (or a drawn stand-in) and offers the connection', async () => {
      await joinedAndReady();
      expect(hub.requests).toEqual([['join', { serviceId: SERVICE, peerId: 'agent-1' }]]);
      expect(engine.captures).toEqual([{ mode: 'VIDEO_CALL', synthetic: true }]);
      const link = engine.links[0];
      expect(link?.options.role).toBe('agent');
      expect(link?.started()).toBe(true);
      link?.options.send({ kind: 'offer', sdp: 'v=0' });
      expect(hub.requests.at(-1)).toEqual(['signal', { serviceId: SERVICE, linkId: 'link-1', signal: { kind: 'offer', sdp: 'v=0' }, peerId: 'agent-1' }]);
      link?.remote();
      link?.state('connected');
      expect(byTestId('agent-call-screen').dataset['status']).toBe('connected');
      expect(byTestId('agent-remote-video').dataset['shown']).toBe('remote');
      expect(byTestId('agent-call-title').textContent).toBe('Video call with the visitor');
    });

    it('relays the answer and candidates of its link; the visitor leaving drops the link until it joins again', async () => {
      await joinedAndReady();
      const link = engine.links[0];
      hub.deliver({ type: 'signal', serviceId: SERVICE, linkId: 'link-1', signal: { kind: 'answer', sdp: 'v=0 visitor' } });
      hub.deliver({ type: 'signal', serviceId: SERVICE, linkId: 'old', signal: { kind: 'answer', sdp: 'stale' } });
      expect(link?.received).toEqual([{ kind: 'answer', sdp: 'v=0 visitor' }]);
      hub.deliver({ type: 'peer-left', serviceId: SERVICE, role: 'consumer' });
      expect(link?.closed()).toBe(true);
      expect(byTestId('agent-call-screen').dataset['status']).toBe('visitor-away');
      hub.deliver({ type: 'consumer-joined', serviceId: SERVICE, mode: 'VIDEO_CALL' });
      hub.deliver({ type: 'ready', serviceId: SERVICE, mode: 'VIDEO_CALL', linkId: 'link-2' });
      await flushPromises();
      expect(engine.links[1]?.started()).toBe(true);
      expect(engine.captures).toHaveLength(1);
    });

    it('its Hang up ends the call through the control API; the end (any cause) clears the screen and says why', async () => {
      await joinedAndReady();
      await click('agent-hangup');
      expect(posts).toEqual([{ path: '/emulator/agent/hangup', body: { conversationId: 'conv-1', dialogId: 'd-2' } }]);
      hub.deliver({ type: 'ended', serviceId: SERVICE, how: 'hangup' });
      await flushPromises();
      expect(document.querySelector('[data-testid="agent-call-screen"]')).toBeNull();
      expect(engine.lastMedia()?.stopped()).toBe(true);
      expect(byTestId('agent-call-note').textContent).toBe('Call ended: you hung up.');
    });

    it('one call at a time: another visitor joining meanwhile is not joined', async () => {
      await joinedAndReady();
      hub.deliver({ type: 'consumer-joined', serviceId: 'other#call', mode: 'VOICE_CALL' });
      expect(hub.requests.filter(([action]) => action === 'join')).toHaveLength(1);
    });
  });

  describe('a call that failed before it joined', () => {
    /** The state after the visitor accepted a video call and its camera was refused: the call never joined. */
    const failed = (id: string, updates: string[] = ['accepted']): unknown => ({
      ...STATE,
      dialogs: [
        STATE.dialogs[0],
        {
          conversationId: 'conv-1',
          dialog: { dialogId: 'd-2', channelType: 'COBROWSE', state: 'CLOSE', metaData: { sessionState: 'CLOSED', mode: 'VIDEO_CALL', serviceId: SERVICE, expires: (NOW + 90_000) / 1000 } },
          call: { outcome: `failed: ${id}`, end: 'failed', updates, media: null },
        },
      ],
    });
    const poll = async (): Promise<void> => {
      timers.advance(1000);
      await flushPromises();
    };

    it('shows in the call panel with the reason and what to do', async () => {
      state = failed('NO_CAMERA_ACCESS');
      await poll();
      const note = byTestId('agent-call-note');
      expect(note.dataset['status']).toBe('failed');
      expect(note.textContent).toBe(
        'The visitor’s video call failed before it joined: NO_CAMERA_ACCESS, the visitor’s browser could not use the camera or microphone (blocked in the site settings, missing, or in use). ' +
          'What to do: the visitor allows the camera and microphone for the page (or frees the device), then invite again.',
      );
    });

    it('names each documented reason, and an unknown one as it came', async () => {
      for (const [id, hint] of [['BROWSER_NOT_SUPPORTED', 'current Chrome, Edge, Firefox or Safari'], ['UNABLE_TO_CONNECT', '--ice-servers'], ['AGENT_DISCONNECTED', 'keep this console open'], ['SOMETHING_NEW', 'invite again']]) {
        state = failed(id ?? '');
        await poll();
        expect(byTestId('agent-call-note').textContent).toEqual(expect.stringContaining(`failed before it joined: ${id ?? ''}`));
        expect(byTestId('agent-call-note').textContent).toEqual(expect.stringContaining(hint ?? ''));
      }
    });

    it('a call that joined and then failed is told by the call screen instead; the next invitation clears the failure', async () => {
      state = failed('UNABLE_TO_CONNECT', ['accepted', 'joined']);
      await poll();
      expect(byTestId('agent-call-note').dataset['status']).not.toBe('failed');
      state = failed('NO_CAMERA_ACCESS');
      await poll();
      expect(byTestId('agent-call-note').dataset['status']).toBe('failed');
      state = STATE; // a new invitation is the latest call
      await poll();
      expect(byTestId('agent-call-note').dataset['status']).toBeUndefined();
      expect(byTestId('agent-call-note').textContent).toMatch(/^No call yet/);
    });
  });

  it('has one Hang up: the call screen’s; the call controls end a call with “End call”', async () => {
    const named = (): string[] => Array.from(document.querySelectorAll('button'), (b) => b.textContent ?? '').filter((text) => /hang up/i.test(text));
    expect(named()).toEqual([]);
    hub.hello('agent-1');
    hub.deliver({ type: 'consumer-joined', serviceId: SERVICE, mode: 'VIDEO_CALL' });
    await flushPromises();
    expect(named()).toEqual(['Hang up']);
    expect(byTestId('hangup').textContent).toBe('End call');
  });
});
