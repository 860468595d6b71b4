/**
 * Command-line arguments of `lp-call-streams-emulator` (pure, so it is tested without a process).
 */
import type { EmulatorLimits } from './limits';
import { ACCOUNT_ID } from './accounts';
import { decodeIceServers } from './hub-protocol';
import type { EmulatorOptions } from './options';

/** What the command line asks for. */
export interface CliOptions {
  /** The options for `startEmulator` (`port` always set: `--port`, else `$PORT`, else 8080). */
  readonly emulator: EmulatorOptions;
  /** `--verbose`: log a line per connection, request and HTTP call. */
  readonly verbose: boolean;
  /** `--help`: print {@link CLI_USAGE} and do not start. */
  readonly help: boolean;
}

/** The parsed command line, or the first problem with it. */
export type CliParse = { readonly ok: true; readonly value: CliOptions } | { readonly ok: false; readonly error: string };

/** The CLI's help text (also what `npm start -- --help` prints in this repository). */
export const CLI_USAGE: string = `Usage: lp-call-streams-emulator [options]

  --port <n>                   port to listen on (default: $PORT or 8080; 0 = any free port)
  --host <addr>                address to bind (default 127.0.0.1)
  --idle-timeout-ms <n>        close silent sockets after n ms (default 60000)
  --invitation-ttl-ms <n>      call invitations expire after n ms (default 120000)
  --token-ttl-ms <n>           lifetime of issued JWTs (default 3600000)
  --delete-after-close-ms <n>  DELETE a closed conversation after n ms (default 5000)
  --forget-after-ms <n>        forget a consumer idle n ms with its DELETEd conversations (default 600000)
  --rate-limit <max>/<ms>      answer 429 over max requests per ms per socket (default: none)
  --jwt-secret <s>             HMAC secret (default: random; set it to keep tokens across restarts)
  --public-host <host:port>    what the Domain API answers, for clients that reach it by another name
  --allow-origin <origin>      let pages of this origin use it (repeatable), e.g. http://localhost:3000
  --allow-private-network      answer Chrome's Private Network Access preflights for allowed origins
  --control-secret <s>         the agent control's secret (default: random per start; printed below)
  --strict-control             the secret also for programs on this machine and the console
  --max-messages-per-conversation <n>   stored messages per conversation (default 1000)
  --max-conversation-bytes <n>          stored message bytes per conversation (default 524288)
  --max-conversations <n>               stored conversations (default 500; DELETEd ones make room)
  --max-subscriptions-per-socket <n>    subscriptions per socket (default 100)
  --max-queued-bytes <n>                bytes waiting for a socket that is not reading (default 8388608)
  --max-tokens <n>                      unexpired tokens issued (default 10000)
  --account <id>               an account the Domain API and IdP know (repeatable; default 123456 and 12345678)
  --permissive                 answer for every account id (else an unknown one gets 404, as on LivePerson)
  --ice-servers <json>         STUN/TURN servers of the calls, e.g. '[{"urls":"turn:host:3478","username":"u","credential":"p"}]'
  --ice-relay-only             calls use TURN relays only (iceTransportPolicy relay)
  --connect-timeout-ms <n>     a call side not connected n ms after the offer reports UNABLE_TO_CONNECT (default 15000)
  --agent-gone-ms <n>          the call app reports AGENT_DISCONNECTED after the agent is away n ms (default 5000)
  --verbose                    log connections and requests (never tokens)
  --help                       show this help`;

const NUMERIC: Readonly<Record<string, 'idleTimeoutMs' | 'invitationTtlMs' | 'tokenTtlMs' | 'deleteAfterCloseMs' | 'forgetAfterMs'>> = {
  '--idle-timeout-ms': 'idleTimeoutMs',
  '--invitation-ttl-ms': 'invitationTtlMs',
  '--token-ttl-ms': 'tokenTtlMs',
  '--delete-after-close-ms': 'deleteAfterCloseMs',
  '--forget-after-ms': 'forgetAfterMs',
};

const LIMITS: Readonly<Record<string, keyof EmulatorLimits>> = {
  '--max-messages-per-conversation': 'maxMessagesPerConversation',
  '--max-conversation-bytes': 'maxConversationBytes',
  '--max-conversations': 'maxConversations',
  '--max-subscriptions-per-socket': 'maxSubscriptionsPerSocket',
  '--max-queued-bytes': 'maxQueuedBytes',
  '--max-tokens': 'maxTokens',
};
/** The other options that take a value (NUMERIC and LIMITS take one too). */
const VALUE_FLAGS: ReadonlySet<string> = new Set(['--port', '--host', '--jwt-secret', '--public-host', '--allow-origin', '--control-secret', '--account', '--ice-servers', '--connect-timeout-ms', '--agent-gone-ms', '--rate-limit']);

function iceServersOf(text: string): ReturnType<typeof decodeIceServers> {
  try {
    return decodeIceServers(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function parsePort(text: string): number | undefined {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port <= 65535 ? port : undefined;
}

/**
 * Parses `argv` (without node and the script); `env.PORT` is the default port.
 * @example
 * import { parseCliArgs, startEmulator } from 'lp-call-streams-emulator';
 * const parsed = parseCliArgs(['--invitation-ttl-ms', '5000'], process.env);
 * if (parsed.ok) await startEmulator(parsed.value.emulator);
 */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliParse {
  const emulator: EmulatorOptions = {};
  const limits: Partial<EmulatorLimits> = {};
  let verbose = false;
  let help = false;
  const accounts: string[] = [];
  const media: NonNullable<EmulatorOptions['media']> = {};
  const envPort = env['PORT'];
  if (envPort !== undefined && envPort !== '') {
    const port = parsePort(envPort);
    if (port === undefined) return { ok: false, error: `PORT must be a port number, got ${envPort}` };
    emulator.port = port;
  } else emulator.port = 8080;
  const args = argv.flatMap((arg) => (arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg]));
  for (let i = 0; i < args.length; i++) {
    const flag = args[i] ?? '';
    if (flag === '--help' || flag === '-h') help = true;
    else if (flag === '--verbose') verbose = true;
    else if (flag === '--allow-private-network') emulator.allowPrivateNetwork = true;
    else if (flag === '--strict-control') emulator.strictControl = true;
    else if (flag === '--permissive') emulator.permissive = true;
    else if (flag === '--ice-relay-only') media.iceTransportPolicy = 'relay';
    else if (!flag.startsWith('--')) return { ok: false, error: `unknown argument ${flag} (options start with --)` };
    else if (!VALUE_FLAGS.has(flag) && NUMERIC[flag] === undefined && LIMITS[flag] === undefined) return { ok: false, error: `unknown option ${flag}` };
    else {
      const value = args[i + 1];
      i++;
      if (value === undefined) return { ok: false, error: `${flag} needs a value` };
      const numeric = NUMERIC[flag];
      const limit = LIMITS[flag];
      if (flag === '--port') {
        const port = parsePort(value);
        if (port === undefined) return { ok: false, error: `--port must be a port number, got ${value}` };
        emulator.port = port;
      } else if (flag === '--host') emulator.host = value;
      else if (flag === '--jwt-secret') emulator.jwtSecret = value;
      else if (flag === '--public-host') emulator.publicHost = value;
      else if (flag === '--allow-origin') emulator.allowOrigins = [...(emulator.allowOrigins ?? []), value];
      else if (flag === '--control-secret') emulator.controlSecret = value;
      else if (limit !== undefined) {
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!(Number.isSafeInteger(n) && n >= 1)) return { ok: false, error: `${flag} must be a positive integer, got ${value}` };
        limits[limit] = n;
      } else if (flag === '--account') {
        if (!ACCOUNT_ID.test(value)) return { ok: false, error: `--account must be an account id, got ${value}` };
        accounts.push(value);
      } else if (flag === '--ice-servers') {
        const servers = iceServersOf(value);
        if (servers === undefined) return { ok: false, error: `--ice-servers must be a JSON list of {"urls", "username"?, "credential"?}, got ${value}` };
        media.iceServers = servers;
      } else if (flag === '--connect-timeout-ms' || flag === '--agent-gone-ms') {
        const ms = Number(value);
        if (!Number.isFinite(ms) || ms <= 0) return { ok: false, error: `${flag} must be a positive number, got ${value}` };
        media[flag === '--connect-timeout-ms' ? 'connectTimeoutMs' : 'agentGoneMs'] = ms;
      }
      else if (flag === '--rate-limit') {
        const match = /^(\d+)\/(\d+)$/.exec(value);
        if (match === null) return { ok: false, error: `--rate-limit must look like 10/1000, got ${value}` };
        emulator.rateLimit = { maxRequests: Number(match[1]), perMs: Number(match[2]) };
      } else if (numeric !== undefined) {
        const ms = Number(value);
        if (!Number.isFinite(ms) || ms <= 0) return { ok: false, error: `${flag} must be a positive number, got ${value}` };
        emulator[numeric] = ms;
      } else return { ok: false, error: `unknown option ${flag}` };
    }
  }
  if (Object.keys(limits).length > 0) emulator.limits = limits;
  if (accounts.length > 0) emulator.accounts = accounts;
  if (Object.keys(media).length > 0) emulator.media = media;
  return { ok: true, value: { emulator, verbose, help } };
}
