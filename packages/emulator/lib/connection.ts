/**
 * One consumer socket: the InitConnection gate, JWT checks (4401), idle close, rate limit (429),
 * remembered `features`, subscriptions, and the test hooks (repeat / reorder / drop).
 */
import type { RawData, WebSocket } from 'ws';
import type { JsonObject } from './json';
import { CLOSE_BACKLOG, CLOSE_IDLE, CLOSE_TOKEN } from './close-codes';
import type { ConsumerSocket, EmulatorCore } from './core';
import { serveRequest, type HandlerScope } from './handlers';
import { readRequest } from './requests';
import { messagingNotification, responseFrame, RESPONSE_TYPES } from './snapshots';
import type { StoredConversation } from './store';
import { ConversationSubscriptions } from './subscriptions';
import type { TokenCheck, TokenRefusal } from './tokens';

const MAX_JWT_LENGTH = 2048;

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
}

function refusalReason(reason: TokenRefusal | 'missing'): string {
  if (reason === 'expired') return 'Identity token has expired';
  return reason === 'missing' ? 'Identity token is missing' : 'Identity token is invalid';
}

type Reorder = { readonly kind: 'off' } | { readonly kind: 'armed' } | { readonly kind: 'holding'; readonly frame: JsonObject };

export class ConsumerConnection implements ConsumerSocket {
  readonly id: number;
  consumerId: string | undefined;
  private features: readonly string[] = [];
  private readonly subscriptions: ConversationSubscriptions;
  private readonly eventSubscriptions = new Set<string>();
  private requestTimes: number[] = [];
  private cancelIdle: () => void = () => undefined;
  private cancelTokenExpiry: () => void = () => undefined;
  private lastExNotification: JsonObject | undefined;
  private reorder: Reorder = { kind: 'off' };

  constructor(
    private readonly ws: WebSocket,
    readonly accountId: string,
    private readonly core: EmulatorCore,
  ) {
    this.id = core.nextSocketId();
    this.subscriptions = new ConversationSubscriptions(core.agent, () => this.features.includes('CO_BROWSE'), () => core.options.clock.now());
    ws.on('message', (data, isBinary) => (isBinary ? this.refuseBinary() : this.onMessage(toText(data))));
    ws.on('ping', () => this.resetIdle());
    ws.on('error', () => undefined);
    ws.on('close', (code) => this.dispose(code));
    core.sockets.add(this);
    this.resetIdle();
    this.log('connected');
  }

  /** Authenticates from handshake headers (`Authorization: jwt …`), as native clients may. */
  authenticateFromHandshake(jwt: string, features: readonly string[]): void {
    this.authenticate(jwt, features);
  }

  private log(text: string): void {
    this.core.options.log(`ws#${this.id} ${text}`);
  }

  private resetIdle(): void {
    this.cancelIdle();
    // On the idle clock (the wall clock by default): a test advancing a manual clock never idles a live socket.
    this.cancelIdle = this.core.schedule(this.core.options.idleTimeoutMs, () => this.close(CLOSE_IDLE, 'Connection timed out'), this.core.options.idleClock);
  }

  private overRateLimit(): boolean {
    const { rateLimit, clock } = this.core.options;
    if (rateLimit === false) return false;
    const now = clock.now();
    this.requestTimes = this.requestTimes.filter((t) => t > now - rateLimit.perMs);
    if (this.requestTimes.length >= rateLimit.maxRequests) return true;
    this.requestTimes.push(now);
    return false;
  }

  /** LivePerson's API speaks JSON text frames only: a binary frame is answered, never read as text. */
  private refuseBinary(): void {
    this.resetIdle();
    this.log('400 binary frame');
    this.send(responseFrame(undefined, 400, RESPONSE_TYPES.string, 'Binary frames are not supported: send each request as a JSON text frame'));
  }

  private onMessage(text: string): void {
    this.resetIdle();
    const read = readRequest(text);
    const reqId = read.ok ? read.request.id : read.rejection.reqId;
    if (this.overRateLimit()) {
      this.log('429 too many requests');
      this.send(responseFrame(reqId, 429, RESPONSE_TYPES.string, 'Too many requests'));
    } else if (!read.ok) {
      this.log(`400 ${read.rejection.message}`);
      this.send(responseFrame(reqId, read.rejection.code, RESPONSE_TYPES.string, read.rejection.message));
    } else if (read.request.type === 'InitConnection') {
      if (this.consumerId !== undefined) this.send(responseFrame(reqId, 400, RESPONSE_TYPES.string, 'Connection already initialized'));
      else if (this.authenticate(read.request.body.jwt, read.request.body.features)) this.send(responseFrame(reqId, 200, RESPONSE_TYPES.string, 'OK'));
    } else if (this.consumerId === undefined) {
      this.log(`${read.request.type} -> 401 (before InitConnection)`);
      this.send(responseFrame(reqId, 401, RESPONSE_TYPES.string, 'InitConnection must come first: this connection is not initialized'));
    } else {
      const scope: HandlerScope = {
        core: this.core,
        accountId: this.accountId,
        consumerId: this.consumerId,
        subscriptions: this.subscriptions,
        eventSubscriptions: this.eventSubscriptions,
        send: (frame) => this.send(frame),
      };
      this.log(`${read.request.type} -> ${serveRequest(scope, read.request)}`);
    }
  }

  /** Checks the JWT; on failure closes with 4401 and returns false. */
  private authenticate(jwt: string | undefined, features: readonly string[]): boolean {
    const check: TokenCheck | undefined =
      jwt === undefined || jwt.length > MAX_JWT_LENGTH ? undefined : this.core.tokens.check(jwt, this.accountId);
    if (check === undefined || !check.ok) {
      const reason = refusalReason(check?.reason ?? (jwt === undefined ? 'missing' : 'malformed'));
      this.log(`InitConnection -> close ${CLOSE_TOKEN} (${reason})`);
      this.close(CLOSE_TOKEN, reason);
      return false;
    }
    this.consumerId = check.consumerId;
    this.features = features;
    this.cancelTokenExpiry = this.core.schedule(check.expiresAtMs - this.core.options.clock.now(), () => this.close(CLOSE_TOKEN, refusalReason('expired')));
    this.log(`InitConnection -> 200 (consumer ${check.consumerId}, features ${features.join(',') || 'none'})`);
    return true;
  }

  private rawSend(frame: JsonObject): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (frame['type'] === 'cqm.ExConversationChangeNotification') this.lastExNotification = frame;
    const text = JSON.stringify(frame);
    // A client that stopped reading: what it did not take waits here, so it is bounded.
    const max = this.core.options.limits.maxQueuedBytes;
    if (this.ws.bufferedAmount + Buffer.byteLength(text) > max) {
      const reason = `Outbound queue over ${max} bytes (maxQueuedBytes): the client is not reading`;
      this.log(`close ${CLOSE_BACKLOG} (${reason})`);
      this.close(CLOSE_BACKLOG, reason);
      return;
    }
    this.ws.send(text);
  }

  /** Sends a frame, honouring a pending `reorderNext` for notifications. */
  send(frame: JsonObject): void {
    if (frame['kind'] !== 'notification' || this.reorder.kind === 'off') return this.rawSend(frame);
    if (this.reorder.kind === 'armed') {
      this.reorder = { kind: 'holding', frame };
      return;
    }
    const held = this.reorder.frame;
    this.reorder = { kind: 'off' };
    this.rawSend(frame);
    this.rawSend(held);
  }

  conversationChanged(conversation: StoredConversation, cobrowseOnly: boolean): void {
    for (const frame of this.subscriptions.changed(conversation, cobrowseOnly)) this.send(frame);
  }

  conversationDeleted(conversation: StoredConversation): void {
    for (const frame of this.subscriptions.deleted(conversation)) this.send(frame);
  }

  messagingEvent(_conversation: StoredConversation, dialogId: string, change: JsonObject): void {
    if (this.eventSubscriptions.has(dialogId)) this.send(messagingNotification([change], this.core.options.clock.now()));
  }

  repeatLast(): void {
    if (this.lastExNotification !== undefined) this.rawSend(this.lastExNotification);
  }

  reorderNext(): void {
    if (this.reorder.kind === 'off') this.reorder = { kind: 'armed' };
  }

  /** Every issued token just expired. */
  tokensExpired(): void {
    if (this.consumerId !== undefined) this.close(CLOSE_TOKEN, refusalReason('expired'));
  }

  /** `code` undefined: abrupt (the client sees 1006). */
  drop(code?: number): void {
    if (code === undefined) this.ws.terminate();
    else this.close(code, 'Dropped by the emulator');
  }

  close(code: number, reason: string): void {
    this.cancelIdle();
    this.cancelTokenExpiry();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(code, reason);
  }

  describe(): JsonObject {
    return {
      id: this.id,
      accountId: this.accountId,
      consumerId: this.consumerId ?? null,
      state: this.consumerId === undefined ? 'awaiting InitConnection' : 'open',
      initialized: this.consumerId !== undefined,
      features: [...this.features],
      conversationSubscriptions: this.subscriptions.ids(),
      messagingSubscriptions: [...this.eventSubscriptions],
    };
  }

  private dispose(code: number): void {
    this.cancelIdle();
    this.cancelTokenExpiry();
    this.core.socketClosed(this, code);
    this.log(`closed ${code}`);
  }
}
