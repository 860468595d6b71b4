/**
 * `startEmulator`: the Domain API, the IdP, the consumer WebSocket and the agent control on ONE port.
 */
import { createServer, type Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { createAccounts } from './accounts';
import { agentIdentity, createAgentControl } from './agent';
import { CallHub } from './call-hub';
import { callRoutes } from './call-http';
import { decodeCallScript, DEFAULT_CALL_SCRIPT, type CallScript } from './call-script';
import { ConsumerConnection } from './connection';
import { controlRoutes } from './control-http';
import { EmulatorCore } from './core';
import { domainAndIdpRoutes } from './domain-idp';
import { createRouter, HttpError, type Route } from './http-router';
import { resolveOptions, type EmulatorOptions } from './options';
import { emulatorState } from './state';
import { ConversationStore } from './store';
import { createTokenIssuer, type TokenIssuer } from './tokens';
import { EmulatorControlError, type CallControl, type RunningEmulator } from './types';
import { checkUpgrade, refuseUpgrade } from './ws-upgrade';
import { createAccessPolicy } from './access';

const MAX_FRAME_BYTES = 1024 * 1024;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('the emulator is not listening on a TCP port'));
      else resolve(address.port);
    });
  });
}

/** The host to put in URLs: a wildcard bind is reached through loopback; IPv6 goes in brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function checkCloseCode(code: number | undefined): void {
  if (code === undefined || code === 1000 || (Number.isInteger(code) && code >= 3000 && code <= 4999)) return;
  throw new EmulatorControlError(400, 'code must be 1000 or 3000-4999 (omit it for an abrupt drop, seen as 1006)');
}

/**
 * Starts a local LivePerson Messaging Window API emulator.
 * @example
 * import { startEmulator } from 'lp-call-streams-emulator';
 * const emulator = await startEmulator({ port: 0 });
 * emulator.agent.invite({ mode: 'VIDEO_CALL' });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options);
  const store = new ConversationStore(config.clock, config.limits);
  const tokens = createTokenIssuer(config.jwtSecret, config.tokenTtlMs, config.clock, config.limits.maxTokens);
  const core = new EmulatorCore(config, store, tokens, agentIdentity(config.agentNumericId));
  const accounts = createAccounts(config.accounts, config.permissive);
  let script: CallScript = DEFAULT_CALL_SCRIPT;
  const hub = new CallHub(core, config.media, () => script);
  const calls: CallControl = {
    sessionError: ({ id, msg, serviceId }) => hub.sessionError(id, msg, serviceId),
    script(next) {
      script = decodeCallScript({ ...script, ...next });
      return script;
    },
  };
  // Routes need the running emulator, which exists only once the server listens.
  const ref: { running?: RunningEmulator } = {};
  const self = (): RunningEmulator => {
    if (ref.running === undefined) throw new HttpError(503, 'the emulator is starting');
    return ref.running;
  };
  let hostPort = '';
  let publicHost = '';
  let boundPort = 0;
  const extraRoutes: Route[] = config.routes.map((route) => ({ method: route.method, path: route.path, handler: (ctx) => route.handler({ ...ctx, emulator: self() }) }));
  // Each issued token arms the forgetting of its expiry.
  const idp: TokenIssuer = {
    ...tokens,
    issue(accountId, consumerId) {
      const jwt = tokens.issue(accountId, consumerId);
      core.forgetting.wake();
      return jwt;
    },
  };
  const routes = [...domainAndIdpRoutes(idp, () => publicHost, accounts), ...controlRoutes(self), ...callRoutes(hub, () => calls, () => accounts), ...extraRoutes];
  const access = createAccessPolicy(config.access, () => ({ host: config.host, port: boundPort, publicHost: config.publicHost }));
  const server = createServer(createRouter(routes, config.staticDirs, access, config.log));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refused = access.refuseRequest(req);
    if (refused !== undefined) return refuseUpgrade(socket, refused.status, refused.message);
    const check = checkUpgrade(req);
    if (!check.ok) return refuseUpgrade(socket, check.status, check.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new ConsumerConnection(ws, check.accountId, core);
      if (check.handshake !== undefined) connection.authenticateFromHandshake(check.handshake.jwt, check.handshake.features);
    });
  });

  const port = await listen(server, config.port, config.host);
  boundPort = port;
  hostPort = `${urlHost(config.host)}:${port}`;
  publicHost = config.publicHost ?? hostPort;
  const url = `http://${hostPort}`;
  const agent = createAgentControl(core);


  const running: RunningEmulator = {
    url,
    port,
    controlSecret: access.secret,
    socketUrl: (accountId) => `ws://${hostPort}/ws_api/account/${encodeURIComponent(accountId)}/messaging/consumer?v=3`,
    agent,
    calls,
    accounts,
    dropSockets(code) {
      checkCloseCode(code);
      const sockets = [...core.sockets];
      for (const socket of sockets) socket.drop(code);
      return sockets.length;
    },
    expireTokens() {
      tokens.expireAll();
      for (const socket of [...core.sockets]) socket.tokensExpired();
    },
    repeatLast() {
      for (const socket of core.sockets) socket.repeatLast();
    },
    reorderNext() {
      for (const socket of core.sockets) socket.reorderNext();
    },
    state: () => emulatorState(core, hub, accounts, script),
    close() {
      core.dispose();
      for (const socket of [...core.sockets]) socket.drop();
      return new Promise<void>((resolve) => {
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
  ref.running = running;
  return running;
}
