/**
 * One chaos "world": an emulator, a relay in front of its WebSocket, and a call client that talks
 * to the emulator only through the relay, with short keep-alive and backoff settings. The world
 * records every value (and every error or completion) of every public stream of the client.
 */
import { Observable, type Subscription } from 'rxjs';
import { WebSocket } from 'ws';
import { authenticated, createCallClient, type CallClient, type CallState, type ClientDiagnostic } from '../../lib';
import type { ConnectionState } from '../../lib/connection';
import type { ClosedCall } from '../../lib/core/types';
import type { AcceptedCall, CallInvitation } from '../../lib/dialog/types';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { startRelay, type Relay } from './relay';

export const ACCOUNT = '12345678';

/**
 * Half-open is noticed after idleMs + deadlineMs of silence (a socket that never opens: after
 * handshakeTimeoutMs); reconnects wait 20–200 ms.
 */
export const FAST_CONNECTION = {
  keepAlive: { idleMs: 150, deadlineMs: 150 },
  reconnect: { floorMs: 20, baseMs: 60, capMs: 200, stableAfterMs: 2_000 },
  handshakeTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
} as const;

/** How long a restarted emulator is away. */
export const RESTART_DOWN_MS = 300;

/** What the client's public streams said, in order. */
export interface StreamLog {
  readonly invitations: CallInvitation[];
  readonly accepted: AcceptedCall[];
  readonly closed: ClosedCall[];
  readonly sessions: CallState[];
  readonly connections: ConnectionState[];
  readonly diagnostics: ClientDiagnostic[];
  /** `stream: error` or `stream: complete`: public streams of a live client never end. */
  readonly ends: string[];
  /** `created` / `removed` of the call screen. */
  readonly screen: string[];
}

/** A socket the client opened, and the code it closed it with (if it did). */
export interface ClientSocket {
  readonly url: string;
  closedWith: number | undefined;
}

export interface ChaosWorld {
  /** The consumer's authCode (the same consumer across reconnects and restarts). */
  readonly authCode: string;
  /** Every socket the client opened, oldest first. */
  readonly sockets: readonly ClientSocket[];
  /** How many times the client asked the IdP for a token (`/authenticate`). */
  idpCalls(): number;
  /** The current emulator (a new one after {@link ChaosWorld.restartEmulator}). */
  readonly emulator: RunningEmulator;
  readonly relay: Relay;
  readonly client: CallClient;
  readonly lpTag: FakeLpTag;
  readonly record: StreamLog;
  /** Subscribes to every public stream of the client (this connects). */
  start(): void;
  /** The latest session state. */
  session(): CallState;
  /** The latest connection state. */
  connection(): ConnectionState;
  /**
   * Closes the emulator and, {@link RESTART_DOWN_MS} later (the client's reconnects meanwhile find
   * nobody: the relay drops them), starts a new one on the same port. The emulator keeps its state
   * in memory only, so the new one knows no conversation; it signs with the same key (tokens stay
   * valid, as across a real server restart) unless `newKey`, when every earlier token gets 4401.
   */
  restartEmulator(options?: { readonly newKey: boolean }): Promise<void>;
  /** Unsubscribes everything (the client closes its socket with 1000). */
  leave(): void;
  dispose(): Promise<void>;
}

export async function createChaosWorld(authCode: string): Promise<ChaosWorld> {
  const jwtSecret = `chaos-${authCode}`;
  let emulator = await startEmulator({ port: 0, browserAssets: false, jwtSecret });
  const port = emulator.port;
  let idpCalls = 0;
  const relay = await startRelay(port);
  const lpTag = createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' });
  const sockets: ClientSocket[] = [];
  const record: StreamLog = { invitations: [], accepted: [], closed: [], sessions: [], connections: [], diagnostics: [], ends: [], screen: [] };
  const client = createCallClient({
    accountId: ACCOUNT,
    auth: authenticated(() => authCode),
    endpoint: { socketUrl: relay.socketUrl(ACCOUNT), domainApi: emulator.url },
    webSocketFactory: (url) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      const seen: ClientSocket = { url, closedWith: undefined };
      sockets.push(seen);
      const close = socket.close.bind(socket);
      socket.close = (code?: number, reason?: string) => {
        seen.closedWith ??= code;
        close(code, reason);
      };
      return socket;
    },
    fetch: (url, init) => {
      if (String(url).includes('/authenticate')) idpCalls += 1;
      return fetch(url, init);
    },
    lpTag,
    visitor: { name: 'Jane' },
    callScreen: () =>
      new Observable<never>(() => {
        record.screen.push('created');
        return () => record.screen.push('removed');
      }),
    connection: FAST_CONNECTION,
  });
  const subscriptions: Subscription[] = [];
  function watch<T>(name: string, source$: Observable<T>, into: T[]): void {
    subscriptions.push(
      source$.subscribe({
        next: (value) => into.push(value),
        error: (error: unknown) => record.ends.push(`${name}: error ${String(error)}`),
        complete: () => record.ends.push(`${name}: complete`),
      }),
    );
  }
  const ignored: unknown[] = [];
  return {
    authCode,
    sockets,
    idpCalls: () => idpCalls,
    get emulator() {
      return emulator;
    },
    relay,
    client,
    lpTag,
    record,
    start() {
      watch('diagnostic$', client.diagnostic$, record.diagnostics);
      watch('connection$', client.connection$, record.connections);
      watch('session$', client.session$, record.sessions);
      watch('invitation$', client.invitation$, record.invitations);
      watch('accepted$', client.accepted$, record.accepted);
      watch('closed$', client.closed$, record.closed);
      watch('dialog$', client.dialog$, ignored);
      watch('error$', client.error$, ignored);
      watch('resume$', client.resume$, ignored);
    },
    session: () => record.sessions.at(-1) ?? { status: 'idle' },
    connection: () => record.connections.at(-1) ?? { status: 'idle' },
    async restartEmulator(options) {
      await emulator.close();
      await sleep(RESTART_DOWN_MS);
      emulator = await startEmulator({ port, browserAssets: false, jwtSecret: options?.newKey === true ? `${jwtSecret}-2` : jwtSecret });
    },
    leave() {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    },
    async dispose() {
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
      await relay.close();
      await emulator.close();
    },
  };
}

/** Resolves once `condition()` holds (polled every 10 ms); rejects with `what` after `ms`. */
export async function until(what: string, condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
