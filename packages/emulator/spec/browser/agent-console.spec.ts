/** Smoke test of the agent console (static/index.html + agent.js) in jsdom with a scripted fetch. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flushPromises } from './fakes';

const STATIC = join(__dirname, '../../static');

interface Request {
  readonly url: string;
  readonly method: string;
  readonly body: unknown;
}

const STATE = {
  conversations: [
    {
      conversationId: 'conv-1',
      state: 'OPEN',
      stage: 'OPEN',
      dialogs: [
        { dialogId: 'conv-1', channelType: 'MESSAGING', state: 'OPEN' },
        { dialogId: 'd-2', channelType: 'COBROWSE', state: 'OPEN', metaData: { sessionState: 'INVITED', mode: 'VIDEO_CALL', serviceId: 'c#1' } },
      ],
    },
  ],
  connections: [{ id: 'k1', accountId: 'acct', state: 'OPEN' }],
};

describe('agent console', () => {
  let requests: Request[];
  let answer: (req: Request) => { status: number; body: string };
  const posted: unknown[] = [];
  const byTestId = (id: string): HTMLElement => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (el === null) throw new Error(`no ${id}`);
    return el;
  };
  const click = async (id: string): Promise<void> => {
    byTestId(id).click();
    await flushPromises();
    await flushPromises();
  };

  beforeAll(async () => {
    jest.useFakeTimers();
    requests = [];
    answer = (req) => ({ status: 200, body: req.url === '/emulator/state' ? JSON.stringify(STATE) : '{}' });
    const fakeFetch = (url: string, init?: { method?: string; body?: string }): Promise<unknown> => {
      const req = { url, method: init?.method ?? 'GET', body: init?.body === undefined ? undefined : JSON.parse(init.body) };
      requests.push(req);
      const { status, body } = answer(req);
      return Promise.resolve({
        ok: status < 400,
        status,
        text: () => Promise.resolve(body),
        json: () => Promise.resolve(JSON.parse(body)),
      });
    };
    class FakeBroadcastChannel {
      constructor(readonly name: string) {}
      postMessage(message: unknown): void {
        posted.push({ channel: this.name, message });
      }
    }
    Reflect.set(window, 'fetch', fakeFetch);
    Reflect.set(window, 'BroadcastChannel', FakeBroadcastChannel);

    const html = readFileSync(join(STATIC, 'index.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
    const script = document.createElement('script');
    script.textContent = readFileSync(join(STATIC, 'agent.js'), 'utf8');
    document.body.append(script);
    await flushPromises();
    await flushPromises();
  });
  afterAll(() => {
    jest.useRealTimers();
    Reflect.deleteProperty(window, 'fetch');
    Reflect.deleteProperty(window, 'BroadcastChannel');
  });
  beforeEach(() => {
    requests.length = 0;
    posted.length = 0;
  });

  it('shows conversations, dialogs and connections from /emulator/state', () => {
    expect(byTestId('conversations').querySelector('tbody')?.textContent).toContain('conv-1');
    const dialogs = byTestId('dialogs').querySelector('tbody')?.textContent ?? '';
    expect(dialogs).toContain('COBROWSE');
    expect(dialogs).toContain('INVITED');
    expect(dialogs).toContain('VIDEO_CALL');
    expect(byTestId('connections').textContent).toContain('k1');
    expect(byTestId('poll-status').textContent).toMatch(/^live/);
    expect(Array.from(byTestId('conversation-select').querySelectorAll('option'), (o) => o.value)).toEqual(['', 'conv-1']);
  });

  it('polls every second', async () => {
    jest.advanceTimersByTime(1000);
    await flushPromises();
    expect(requests.map((r) => r.url)).toEqual(['/emulator/state']);
  });

  it.each([
    ['invite-video', '/emulator/agent/invite', { mode: 'VIDEO_CALL' }],
    ['invite-voice', '/emulator/agent/invite', { mode: 'VOICE_CALL' }],
    ['cancel', '/emulator/agent/cancel', {}],
    ['accept', '/emulator/agent/accept', {}],
    ['hangup', '/emulator/agent/hangup', {}],
    ['expire', '/emulator/agent/expire', {}],
    ['drop-sockets', '/emulator/drop-sockets', {}],
  ])('%s POSTs %s', async (testid, url, body) => {
    await click(testid);
    expect(requests[0]).toEqual({ url, method: 'POST', body });
    expect(byTestId('result').textContent).toMatch(/ok/);
    expect(byTestId('error').textContent).toBe('');
  });

  it('targets the selected conversation', async () => {
    const select = byTestId('conversation-select');
    if (!(select instanceof HTMLSelectElement)) throw new Error('not a select');
    select.value = 'conv-1';
    await click('hangup');
    select.value = '';
    expect(requests[0]).toEqual({ url: '/emulator/agent/hangup', method: 'POST', body: { conversationId: 'conv-1' } });
  });

  it('shows the control API error text on 4xx', async () => {
    answer = (req) =>
      req.url === '/emulator/agent/accept' ? { status: 409, body: JSON.stringify({ error: 'no open COBROWSE dialog' }) } : { status: 200, body: JSON.stringify(STATE) };
    await click('accept');
    expect(byTestId('error').textContent).toBe('Accept / join failed (409): no open COBROWSE dialog');
    answer = (req) => (req.url === '/emulator/agent/cancel' ? { status: 404, body: 'no such conversation' } : { status: 200, body: JSON.stringify(STATE) });
    await click('cancel');
    expect(byTestId('error').textContent).toBe('Cancel invitation failed (404): no such conversation');
    expect(byTestId('result').textContent).toBe('');
  });

  it('sends text to /emulator/agent/message', async () => {
    const input = byTestId('text-input');
    if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
    input.value = 'Hi there';
    answer = () => ({ status: 200, body: JSON.stringify(STATE) });
    await click('send-text');
    expect(requests[0]).toEqual({ url: '/emulator/agent/message', method: 'POST', body: { text: 'Hi there' } });
    expect(input.value).toBe('');
  });

  it('sends the chosen error over the BroadcastChannel', async () => {
    const select = byTestId('error-id');
    const message = byTestId('error-message');
    if (!(select instanceof HTMLSelectElement) || !(message instanceof HTMLInputElement)) throw new Error('bad form');
    select.value = 'NO_CAMERA_ACCESS';
    message.value = 'Camera blocked';
    await click('send-error');
    expect(posted).toEqual([{ channel: 'lp-call-streams-standin', message: { type: 'sessionError', id: 'NO_CAMERA_ACCESS', msg: 'Camera blocked' } }]);
    expect(requests).toEqual([]);
  });

  it('has a stable data-testid on every button', () => {
    const ids = Array.from(document.querySelectorAll('button'), (b) => b.dataset['testid']);
    expect(ids).toEqual(['invite-voice', 'invite-video', 'cancel', 'accept', 'hangup', 'expire', 'drop-sockets', 'send-error', 'send-text']);
  });
});
