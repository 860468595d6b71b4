/**
 * A scriptable fake of the LivePerson consumer socket, for tests of anything built on
 * `createConnection` — no server, no real time. Pass `fake.webSocketFactory` as the connection's
 * `webSocketFactory`; every socket the connection opens is recorded in `fake.sockets`, every frame
 * it sends in `socket.sent` / `socket.requests()`. A test opens, answers, notifies, closes and drops
 * sockets by hand, or lets the fake auto-answer InitConnection, GetClock and the subscriptions.
 *
 * Timing runs on an RxJS scheduler (default `asyncScheduler`), so inside `TestScheduler.run` the
 * fake lives in virtual time together with the library.
 *
 * @example
 * import { createConnection } from 'lp-call-streams/connection';
 * import { createFakeSocketFactory } from 'lp-call-streams/testing';
 * const fake = createFakeSocketFactory();               // auto-opens and auto-answers
 * const connection = createConnection({ accountId: '1', auth: { jwt: () => 'jwt' },
 *   endpoint: { socketUrl: 'wss://fake' }, webSocketFactory: fake.webSocketFactory });
 * connection.subscribeConversations().subscribe((notification) => render(notification));
 * fake.latest().notify('cqm.ExConversationChangeNotification', { subscriptionId: 'sub-1-1', changes: [] });
 * fake.latest().drop();                                  // abrupt 1006: the connection reconnects
 */
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { Json } from 'lp-call-streams/protocol';
import type { WebSocketLike } from '../transport/websocket-like';
import { response } from './frames';

/** A request the client sent, parsed. */
export interface SentRequest {
  /** Always a string (a number id is converted). */
  readonly id: string;
  readonly type: string;
  readonly body: unknown;
  readonly headers: readonly unknown[] | undefined;
  /** The frame as sent. */
  readonly raw: string;
}

/** A response to send back: `code` defaults to 200; `body`/`type` are left out unless given. */
export interface FakeReply {
  readonly code?: number;
  readonly body?: Json;
  readonly type?: string;
}

/** Decides the automatic reply to a request (`undefined`: do not answer). */
export type AutoReply = (request: SentRequest, socket: FakeSocket) => FakeReply | undefined;

export interface FakeSocketOptions {
  /** Runs the fake's delayed actions. Default `asyncScheduler` (virtual inside `TestScheduler.run`). */
  readonly scheduler?: SchedulerLike;
  /** Open each new socket after this many ms; `false` keeps it CONNECTING until `open()`. Default 0. */
  readonly autoOpen?: number | false;
  /** Automatic replies per request type. Default {@link defaultAutoReplies}; `{}` answers nothing. */
  readonly autoReply?: Readonly<Record<string, AutoReply>>;
  /** Delay of automatic replies and of the `close` event after the client's `close()`. Default 0. */
  readonly latencyMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a frame the client sent (`undefined` if it is not a request). */
export function parseSentRequest(raw: string): SentRequest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  const { id, type, body, headers } = value;
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof type !== 'string') return undefined;
  return { id: String(id), type, body, headers: Array.isArray(headers) ? headers : undefined, raw };
}

/** The replies a well-behaved server gives (codes 200, documented bodies). */
export const defaultAutoReplies: Readonly<Record<string, AutoReply>> = {
  InitConnection: () => ({ code: 200, type: '.ReqBody$StringResp', body: 'OK' }),
  GetClock: (_request, socket) => ({ code: 200, type: 'GetClockResponse', body: { currentTime: socket.now() } }),
  'cqm.SubscribeExConversations': (request, socket) => ({
    code: 200,
    type: 'cqm.SubscribeExConversationsResponse',
    body: { subscriptionId: `sub-${socket.index}-${request.id}` },
  }),
  'cqm.UnsubscribeExConversations': () => ({ code: 200, type: '.ReqBody$StringResp', body: 'OK' }),
  'ms.SubscribeMessagingEvents': () => ({ code: 200, type: '.ams.GenericSubscribeResponse' }),
};

/** One fake socket: a `WebSocketLike` the client uses, plus the server's side of the script. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  /** Every frame the client sent while OPEN, as text. */
  readonly sent: string[] = [];
  /** Requests (other than InitConnection) sent before InitConnection was answered with a 2xx. */
  readonly sentBeforeHandshake: SentRequest[] = [];
  /** Sends attempted while CLOSING/CLOSED (a real socket drops them silently). */
  droppedSends = 0;
  /** Set when the client called `close()`. */
  closedByClient: { readonly code: number | undefined; readonly reason: string | undefined } | undefined;
  private handshaken = false;

  constructor(
    readonly url: string,
    /** 1 for the first socket the factory created, 2 for the next, … */
    readonly index: number,
    private readonly options: Required<FakeSocketOptions>,
  ) {}

  /** The scheduler's current time (e.g. for GetClock replies). */
  now(): number {
    return this.options.scheduler.now();
  }

  // ── the client's side (WebSocketLike) ──────────────────────────────────────────────────────────

  send(data: string): void {
    if (this.readyState === 0) throw new Error('InvalidStateError: send() while the socket is still CONNECTING');
    if (this.readyState !== 1) {
      this.droppedSends += 1;
      return;
    }
    this.sent.push(data);
    const request = parseSentRequest(data);
    if (request === undefined) return;
    if (request.type !== 'InitConnection' && !this.handshaken) this.sentBeforeHandshake.push(request);
    const reply = this.options.autoReply[request.type]?.(request, this);
    if (reply !== undefined) this.later(() => this.reply(request, reply));
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return;
    this.closedByClient = { code, reason };
    this.readyState = 2;
    this.later(() => this.finish(code ?? 1005, reason ?? '', true), true);
  }

  // ── the server's side (the script) ─────────────────────────────────────────────────────────────

  /** Accepts the connection (`open` event). */
  open(): void {
    if (this.readyState !== 0) return;
    this.readyState = 1;
    this.onopen?.({ type: 'open' });
  }

  /** Delivers a frame (an object is sent as JSON, a string as is). Ignored unless OPEN. */
  receive(frame: Json): void {
    if (this.readyState !== 1) return;
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** Answers a request (or a request id). */
  reply(request: SentRequest | string, reply: FakeReply = {}): void {
    const id = typeof request === 'string' ? request : request.id;
    const type = typeof request === 'string' ? this.requests().find((sent) => sent.id === id)?.type : request.type;
    const code = reply.code ?? 200;
    if (type === 'InitConnection' && code < 400) this.handshaken = true;
    this.receive(response({ reqId: id, code, ...(reply.type === undefined ? {} : { type: reply.type }), ...(reply.body === undefined ? {} : { body: reply.body }) }));
  }

  /** Sends a notification of `type` with `body`. */
  notify(type: string, body: Json): void {
    this.receive({ kind: 'notification', type, body });
  }

  /** The server closes the socket cleanly with `code` (e.g. 4401). */
  serverClose(code = 1000, reason = ''): void {
    if (this.readyState === 3) return;
    this.finish(code, reason, true);
  }

  /** The network drops the socket: `close` with 1006, not clean. */
  drop(): void {
    if (this.readyState === 3) return;
    this.onerror?.({ type: 'error' });
    this.finish(1006, '', false);
  }

  /** Requests the client sent, optionally of one type. */
  requests(type?: string): readonly SentRequest[] {
    return this.sent.flatMap((raw) => {
      const request = parseSentRequest(raw);
      return request !== undefined && (type === undefined || request.type === type) ? [request] : [];
    });
  }

  /** The last request the client sent (of `type`), or `undefined`. */
  lastRequest(type?: string): SentRequest | undefined {
    return this.requests(type).at(-1);
  }

  private finish(code: number, reason: string, wasClean: boolean): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean });
  }

  private later(action: () => void, evenIfClosing = false): void {
    this.options.scheduler.schedule(() => {
      if (this.readyState === 1 || (evenIfClosing && this.readyState === 2)) action();
    }, this.options.latencyMs);
  }
}

/** The factory the connection gets, plus the record of what it made. */
export interface FakeSocketFactory {
  /** Pass as `webSocketFactory` (a `WebSocketFactory` that returns the scriptable socket). */
  readonly webSocketFactory: (url: string) => FakeSocket;
  /** Every socket created, oldest first. */
  readonly sockets: readonly FakeSocket[];
  /** The newest socket; throws if none was created yet. */
  latest(): FakeSocket;
  /** Requests sent over all sockets, optionally of one type. */
  requests(type?: string): readonly SentRequest[];
}

/**
 * Creates a fake socket factory. By default each socket opens at once and answers InitConnection,
 * GetClock, `cqm.SubscribeExConversations` (subscriptionId `sub-<socket>-<reqId>`),
 * `cqm.UnsubscribeExConversations` and `ms.SubscribeMessagingEvents` with 200.
 *
 * @example
 * import { createFakeSocketFactory } from 'lp-call-streams/testing';
 * const fake = createFakeSocketFactory({ autoOpen: false, autoReply: {} }); // full manual control
 */
export function createFakeSocketFactory(options: FakeSocketOptions = {}): FakeSocketFactory {
  const resolved: Required<FakeSocketOptions> = {
    scheduler: options.scheduler ?? asyncScheduler,
    autoOpen: options.autoOpen ?? 0,
    autoReply: options.autoReply ?? defaultAutoReplies,
    latencyMs: options.latencyMs ?? 0,
  };
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    webSocketFactory: (url) => {
      const socket = new FakeSocket(url, sockets.length + 1, resolved);
      sockets.push(socket);
      const { autoOpen } = resolved;
      if (autoOpen !== false) resolved.scheduler.schedule(() => socket.open(), autoOpen);
      return socket;
    },
    latest: () => {
      const socket = sockets.at(-1);
      if (socket === undefined) throw new Error('no socket was created yet');
      return socket;
    },
    requests: (type) => sockets.flatMap((socket) => socket.requests(type)),
  };
}
