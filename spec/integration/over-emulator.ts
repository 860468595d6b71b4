/** How the specs that run over real sockets reach a running emulator: Node's `ws` and `fetch`, no auth. */
import { WebSocket } from 'ws';
import type { RunningEmulator } from 'lp-call-streams-emulator';
import { unauthenticated } from '../../lib/auth/auth';
import type { ConnectionConfig } from '../../lib/connection/types';

/** The account the emulator specs use. */
export const ACCOUNT = '12345678';

/** Account, auth, endpoint and transport of a client or connection of `emulator` (spread it into the config). */
export function overEmulator(emulator: RunningEmulator): Pick<ConnectionConfig, 'accountId' | 'auth' | 'endpoint' | 'webSocketFactory' | 'fetch'> {
  return {
    accountId: ACCOUNT,
    auth: unauthenticated(),
    endpoint: { domainApi: emulator.url },
    webSocketFactory: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
  };
}
