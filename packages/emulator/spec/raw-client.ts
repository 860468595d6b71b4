/**
 * A raw consumer for the emulator's specs: plain `ws` and JSON, no library code, so the emulator is
 * verified on its own. Frames are consumed once: `next(predicate)` returns the first unconsumed
 * matching frame, waiting (real time, bounded) for it to arrive.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { WebSocket } from 'ws';
import type { Json, JsonObject } from '../lib/json';
import type { RunningEmulator } from '../lib';
import { parseJson } from '../lib/narrow';

export type Frame = JsonObject;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isJsonList(value: Json | undefined): value is readonly Json[] {
  return Array.isArray(value);
}

/** Reads `a.b.0.c` from JSON; undefined when absent. */
export function at(value: Json | undefined, path: string): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isObject(current)) current = current[key];
    else return undefined;
  }
  return current;
}

/** A JSON array at `path` (empty when absent). */
export function listAt(value: Json | undefined, path: string): readonly Json[] {
  const found = at(value, path);
  return isJsonList(found) ? found : [];
}

export const isResponseTo =
  (id: string) =>
  (frame: Frame): boolean =>
    frame['kind'] === 'resp' && frame['reqId'] === id;
export const isExChange = (frame: Frame): boolean => frame['type'] === 'cqm.ExConversationChangeNotification';
export const isMessaging = (frame: Frame): boolean => frame['type'] === 'ms.MessagingEventNotification';

/** Every COBROWSE dialog in the UPSERTs of an ExConversationChangeNotification. */
export function cobrowseDialogs(frame: Frame): JsonObject[] {
  return listAt(frame, 'body.changes')
    .flatMap((change) => listAt(change, 'result.conversationDetails.dialogs'))
    .filter((dialog): dialog is JsonObject => isObject(dialog) && dialog['channelType'] === 'COBROWSE');
}

/** The newest COBROWSE dialog of a frame (closed ones stay in the snapshot, as on LP). */
export const callDialog = (frame: Frame): JsonObject | undefined => cobrowseDialogs(frame).at(-1);

/** The sessionState of a frame's newest COBROWSE dialog, or undefined. */
export const sessionStateOf = (frame: Frame): Json | undefined => at(callDialog(frame), 'metaData.sessionState');

export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
}

export class RawClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<CloseInfo>;
  private readonly consumed = new Set<Frame>();
  private waiters: Array<() => void> = [];
  private lastId = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const parsed = parseJson(data.toString('utf8'));
      if (parsed.ok && isObject(parsed.value)) this.frames.push(parsed.value);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('error', () => undefined);
  }

  /** Opens a socket (optionally with handshake headers) and waits until it is open. */
  static open(url: string, headers?: Record<string, string>): Promise<RawClient> {
    const ws = new WebSocket(url, { headers });
    const client = new RawClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode ?? 0}`)));
      ws.once('error', reject);
    });
  }

  /** Sends a frame as JSON (or a raw string as is). */
  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends `{kind:'req', id, type, body}` and resolves with its response. */
  async request(type: string, body?: object, extra: object = {}): Promise<Frame> {
    const id = String(++this.lastId);
    this.send({ kind: 'req', id, type, ...(body === undefined ? {} : { body }), ...extra });
    return this.next(isResponseTo(id));
  }

  /** InitConnection with a JWT and features; resolves with the response. */
  init(jwt: string, features: readonly string[] = ['CO_BROWSE', 'MULTI_DIALOG']): Promise<Frame> {
    return this.request('InitConnection', undefined, {
      headers: [
        { type: '.ams.headers.ClientProperties', deviceFamily: 'DESKTOP', os: 'LINUX', features },
        { type: '.ams.headers.ConsumerAuthentication', jwt },
      ],
    });
  }

  /** The first unconsumed frame matching `predicate`, waiting up to `timeoutMs`. */
  next(predicate: (frame: Frame) => boolean, timeoutMs = 2000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const frame = this.frames.find((f) => !this.consumed.has(f) && predicate(f));
        if (frame === undefined) return false;
        this.consumed.add(frame);
        resolve(frame);
        return true;
      };
      if (check()) return;
      const wake = (): void => {
        if (check()) done();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching frame within ${timeoutMs} ms; unconsumed: ${JSON.stringify(this.unconsumed()).slice(0, 600)}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== wake);
      };
      this.waiters.push(wake);
    });
  }

  /** Resolves with the unconsumed frames matching `predicate` after waiting `ms` (to assert absence). */
  async settle(predicate: (frame: Frame) => boolean, ms = 150): Promise<Frame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.unconsumed().filter(predicate);
  }

  unconsumed(): Frame[] {
    return this.frames.filter((f) => !this.consumed.has(f));
  }

  close(): void {
    this.ws.terminate();
  }
}

/** A minimal HTTP JSON call (no fetch: jest's node environment may lack it). */
export function httpJson(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Json | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = httpRequest(url, { method, headers: { ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const parsed = parseJson(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json: parsed.ok ? parsed.value : undefined, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** Signs up on the emulator's IdP and returns the JWT. */
export async function signup(emulator: RunningEmulator, accountId: string): Promise<string> {
  const res = await httpJson('POST', `${emulator.url}/api/account/${accountId}/signup`);
  const jwt = at(res.json, 'jwt');
  if (typeof jwt !== 'string') throw new Error(`signup failed: ${res.status}`);
  return jwt;
}

/** Signs up, connects and initialises; returns the client and its JWT. */
export async function connectConsumer(
  emulator: RunningEmulator,
  accountId = '123456',
  options: { jwt?: string; features?: readonly string[] } = {},
): Promise<{ client: RawClient; jwt: string }> {
  const jwt = options.jwt ?? (await signup(emulator, accountId));
  const client = await RawClient.open(emulator.socketUrl(accountId));
  const response = await client.init(jwt, options.features);
  if (response['code'] !== 200) throw new Error(`InitConnection failed: ${JSON.stringify(response)}`);
  return { client, jwt };
}

/** Subscribes to conversations; returns the subscriptionId and the initial notification. */
export async function subscribe(client: RawClient, body: object = { convState: ['OPEN', 'CLOSE'] }): Promise<{ subscriptionId: string; initial: Frame }> {
  const response = await client.request('cqm.SubscribeExConversations', body);
  const subscriptionId = at(response, 'body.subscriptionId');
  if (typeof subscriptionId !== 'string') throw new Error(`subscribe failed: ${JSON.stringify(response)}`);
  const initial = await client.next((f) => isExChange(f) && at(f, 'body.subscriptionId') === subscriptionId);
  return { subscriptionId, initial };
}

/** Requests a conversation; returns its id (after its UPSERT, if subscribed, is left for the caller). */
export async function requestConversation(client: RawClient): Promise<string> {
  const response = await client.request('cm.ConsumerRequestConversation');
  const conversationId = at(response, 'body.conversationId');
  if (typeof conversationId !== 'string') throw new Error(`request conversation failed: ${JSON.stringify(response)}`);
  return conversationId;
}

/** The `sub` claim (consumer id) of a JWT. */
export function jwtSub(jwt: string): string {
  const parsed = parseJson(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  const sub = parsed.ok ? at(parsed.value, 'sub') : undefined;
  if (typeof sub !== 'string') throw new Error('no sub claim');
  return sub;
}

/** A raw HTTP/1.1 exchange (to send a Host header http.request would not). */
export function rawHttp(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
