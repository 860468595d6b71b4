/**
 * The agent console (`/agent`): agent actions and scenarios through the emulator's control API, the
 * state tables (polled every second), and the agent's side of the call (`agent-call.ts`). Every page
 * dependency is injected (`main.ts` passes the browser's), so the specs run it in jsdom with fakes.
 */
import type { HubClient } from '../hub-client';
import type { MediaEngine } from '../media-engine';
import { isRecord } from '../narrow';
import type { PostJson, StandInTimers } from '../types';
import { startAgentCall } from './agent-call';
import { control } from './control';
import { failureText } from './failure-text';
import { stateView, type Row, type StateView } from './state-view';

export interface ConsoleDeps {
  readonly document: Document;
  readonly timers: StandInTimers;
  readonly post: PostJson;
  /** GET `/emulator/state` as JSON (rejects when unreachable). */
  readonly getState: () => Promise<unknown>;
  readonly hub: HubClient;
  readonly engine: MediaEngine;
  /** Poll period (default 1000 ms). */
  readonly pollMs?: number;
}

const POLL_MS = 1000;

export function startConsole(deps: ConsoleDeps): () => void {
  const { document: doc, timers } = deps;
  const byId = (testId: string): HTMLElement => {
    const found = doc.querySelector(`[data-testid="${testId}"]`);
    if (!(found instanceof HTMLElement)) throw new Error(`agent console: no [data-testid="${testId}"]`);
    return found;
  };
  const input = (testId: string): HTMLInputElement | HTMLSelectElement => {
    const found = byId(testId);
    if (!(found instanceof HTMLInputElement) && !(found instanceof HTMLSelectElement)) throw new Error(`agent console: ${testId} is not a field`);
    return found;
  };
  let latest: StateView | undefined;

  const show = (ok: boolean, message: string): void => {
    byId('result').textContent = ok ? message : '';
    byId('error').textContent = ok ? '' : message;
  };

  const target = (): Record<string, string> => {
    const conversationId = input('conversation-select').value;
    return conversationId === '' ? {} : { conversationId };
  };

  const act = async (label: string, path: string, body: object, done?: (result: unknown) => string): Promise<void> => {
    const outcome = await control(deps.post, path, body);
    if (outcome.ok) show(true, done?.(outcome.body) ?? `${label}: done`);
    else show(false, `${label}: ${outcome.text}`);
    void refresh();
  };

  const invite = (mode: string): Promise<void> => {
    const seconds = Number(input('invite-ttl').value);
    const ttl = input('invite-ttl').value.trim() !== '' && seconds > 0 ? { expiresInMs: seconds * 1000 } : {};
    return act(`Invite ${mode === 'VIDEO_CALL' ? 'video' : 'voice'}`, '/emulator/agent/invite', { ...target(), mode, ...ttl }, () => 'Invitation sent: the visitor page shows it now.');
  };

  const actions: Readonly<Record<string, () => Promise<void>>> = {
    'invite-video': () => invite('VIDEO_CALL'),
    'invite-voice': () => invite('VOICE_CALL'),
    cancel: () => act('Cancel invitation', '/emulator/agent/cancel', target()),
    // "End call": the call screen's button is the console's one "Hang up" (the README's walkthrough names it).
    hangup: () => act('End call', '/emulator/agent/hangup', target()),
    expire: () => act('Expire now', '/emulator/agent/expire', target()),
    'answered-elsewhere': () =>
      act('Answered elsewhere', '/emulator/agent/accept', target(), () => 'ACCEPTED sent without the visitor page: it shows “answered elsewhere”.'),
    'drop-sockets': () => act('Drop sockets', '/emulator/drop-sockets', {}, (r) => `Dropped ${isRecord(r) ? String(r['dropped']) : '?'} socket(s): the page reconnects.`),
    'send-error': () => {
      const msg = input('error-message').value.trim();
      const id = input('error-id').value;
      return act('Send error', '/emulator/call/session-error', { id, ...(msg === '' ? {} : { msg }) }, (r) => `Sent sessionError ${id} to ${isRecord(r) ? String(r['pages']) : '?'} visitor page(s).`);
    },
    'send-text': () => {
      const text = input('text-input').value.trim();
      if (text === '') return Promise.resolve(show(false, 'Send text: type a message first.'));
      return act('Send text', '/emulator/agent/message', { ...target(), text }, () => {
        input('text-input').value = '';
        return 'Text sent.';
      });
    },
    'apply-script': () => {
      const accepted = input('script-accepted').value;
      const delayMs = Number(input('script-delay').value) || 0;
      return act('Server answer', '/emulator/call/script', { accepted, delayMs }, () => `From now on the emulator answers the visitor's accept and join: ${accepted}.`);
    },
    'add-account': () => act('Add account', '/emulator/accounts', { accountId: input('account-input').value.trim() }, () => 'Account added.'),
  };
  const onClick = (event: Event): void => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    const action = actions[button?.getAttribute('data-action') ?? ''];
    if (action !== undefined) void action();
  };
  doc.addEventListener('click', onClick);

  const fill = (testId: string, rows: readonly Row[], empty: string): void => {
    const table = byId(testId);
    const body = table.querySelector('tbody');
    if (body === null) return;
    const columns = table.querySelectorAll('thead th').length;
    body.replaceChildren(
      ...(rows.length === 0 ? [[empty]] : rows).map((cells) => {
        const tr = doc.createElement('tr');
        for (const value of cells) {
          const td = doc.createElement('td');
          td.textContent = value;
          if (rows.length === 0) Object.assign(td, { colSpan: columns, className: 'empty' });
          tr.append(td);
        }
        return tr;
      }),
    );
  };

  const render = (state: unknown): void => {
    const view = stateView(state, timers.now());
    latest = view;
    fill('conversations', view.conversations, 'no conversations: the visitor page starts one');
    fill('dialogs', view.dialogs, 'no dialogs yet');
    fill('connections', view.connections, 'no visitor connected');
    const select = input('conversation-select');
    const chosen = select.value;
    const have = [...select.querySelectorAll('option')].slice(1).map((o) => o.value);
    if (have.join('\n') !== view.conversationIds.join('\n')) {
      const first = select.querySelector('option');
      select.replaceChildren(...(first === null ? [] : [first]), ...view.conversationIds.map((id) => Object.assign(doc.createElement('option'), { value: id, textContent: id })));
      select.value = view.conversationIds.includes(chosen) ? chosen : '';
    }
    byId('accounts').textContent = view.accounts.permissive ? 'every account id (permissive)' : view.accounts.known.join(', ');
    byId('raw-state').textContent = JSON.stringify(state, null, 2);
    const failed = view.failedBeforeJoin;
    panel.idle(failed === undefined ? undefined : { key: `${failed.serviceId} ${failed.id}`, text: failureText(failed.mode, failed.id) });
  };

  let timer: unknown;
  let stopped = false;
  const refresh = async (): Promise<void> => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    const poll = byId('poll-status');
    try {
      render(await deps.getState());
      poll.textContent = `live · ${new Date(timers.now()).toLocaleTimeString()}`;
      poll.className = 'poll ok';
    } catch (error: unknown) {
      poll.textContent = `emulator unreachable: ${error instanceof Error ? error.message : String(error)} (is npm start still running?)`;
      poll.className = 'poll down';
    }
    if (!stopped && timer === undefined) timer = timers.setTimeout(() => void refresh(), deps.pollMs ?? POLL_MS);
  };

  const panel = startAgentCall({
    document: doc,
    slot: byId('agent-call-slot'),
    note: byId('agent-call-note'),
    hub: deps.hub,
    engine: deps.engine,
    timers,
    hangup: (serviceId) => {
      const call = latest?.calls.find((c) => c.serviceId === serviceId);
      void act('Hang up', '/emulator/agent/hangup', call === undefined ? target() : { conversationId: call.conversationId, dialogId: call.dialogId });
    },
  });
  void refresh();
  return () => {
    stopped = true;
    if (timer !== undefined) timers.clearTimeout(timer);
    doc.removeEventListener('click', onClick);
    panel.stop();
  };
}
