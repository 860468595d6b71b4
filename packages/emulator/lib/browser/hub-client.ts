/**
 * A page's link to the emulator's call hub: the event stream (`GET /emulator/call/events?role=…`,
 * reopened by the browser after a drop, each time with a new `hello`) and the JSON POSTs
 * (`accept`, `join`, `signal`, `leave`). POSTs go out one at a time, in order, so an offer always
 * reaches the hub before its ICE candidates.
 */
import { decodeHubMessage, type HubMessage, type PeerRole } from '../hub-protocol';
import { isRecord } from './narrow';
import type { EventSourceFactory, PostJson } from './types';

/** The outcome of a hub request: ok with the body, or refused with the hub's `code` (`''` when none or unreachable). */
export type HubAnswer = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly status: number; readonly code: string; readonly error: string };

export interface HubClient {
  /** Calls `listener` with every hub message (a new `hello` after each reconnect); returns the unsubscribe. */
  onMessage(listener: (message: HubMessage) => void): () => void;
  /** The peer id of the current event stream (undefined until its `hello`). */
  peerId(): string | undefined;
  /** POSTs `/emulator/call/<action>` (with `peerId` added for all but `accept`), after the ones before it. */
  request(action: 'accept' | 'join' | 'signal' | 'leave', body: Readonly<Record<string, unknown>>): Promise<HubAnswer>;
  close(): void;
}

export interface HubClientConfig {
  /** e.g. `http://127.0.0.1:8080/emulator/call/` (the emulator that served the page's script). */
  readonly baseUrl: string;
  readonly role: PeerRole;
  readonly openEvents: EventSourceFactory;
  readonly post: PostJson;
}

const answerOf = (status: number, body: unknown): HubAnswer => {
  if (status >= 200 && status < 300) return { ok: true, body };
  const field = (key: string): string => (isRecord(body) && typeof body[key] === 'string' ? body[key] : '');
  return { ok: false, status, code: field('code'), error: field('error') };
};

/** Opens the event stream at once; messages that do not decode are dropped. */
export function connectHub(config: HubClientConfig): HubClient {
  const listeners = new Set<(message: HubMessage) => void>();
  let currentPeer: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const events = config.openEvents(new URL(`events?role=${config.role}`, config.baseUrl).href);
  events.onmessage = (event) => {
    let parsed: unknown;
    try {
      parsed = typeof event.data === 'string' ? JSON.parse(event.data) : undefined;
    } catch {
      return;
    }
    const message = decodeHubMessage(parsed);
    if (message === undefined) return;
    if (message.type === 'hello') currentPeer = message.peerId;
    for (const listener of [...listeners]) listener(message);
  };
  return {
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    peerId: () => currentPeer,
    request(action, body) {
      const send = async (): Promise<HubAnswer> => {
        const payload = action === 'accept' ? body : { ...body, peerId: currentPeer ?? '' };
        try {
          const answer = await config.post(new URL(action, config.baseUrl).href, payload);
          return answerOf(answer.status, answer.body);
        } catch (error: unknown) {
          return { ok: false, status: 0, code: '', error: error instanceof Error ? error.message : String(error) };
        }
      };
      const result = queue.then(send);
      queue = result;
      return result;
    },
    close() {
      listeners.clear();
      events.close();
    },
  };
}
