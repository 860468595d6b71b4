/**
 * Family `client`: a whole `createCallClient` over the test kit's fake socket and fake lpTag, fed
 * fuzzed frame sequences, responses, lpTag events, socket closes and random command calls, on a
 * virtual clock. Every public stream is held for the whole case.
 */
import * as lib from 'lp-call-streams';
import type { CallInvitation, ClientDiagnostic } from 'lp-call-streams';
import { decodeCallFrame } from 'lp-call-streams/protocol';
import { createFakeLpTag, createFakeSocketFactory, type FakeSocket } from 'lp-call-streams/testing';
import { NEVER, type Observable, type Subscription } from 'rxjs';
import { describe, type Escape } from './checks';
import { NOW } from './family-decode';
import { anyFrameInput, mutatedFrame } from './inputs';
import { watch } from './observe';
import type { Rand } from './rand';
import { FuzzScheduler } from './scheduler';
import { randomJsonText } from './texts';
import { conversationNotification, randomResponse, universe } from './valid-frames';

/** The client's default inbound frame cap (1 MiB). */
const FRAME_CAP = 1_048_576;
const ADVANCES = [0, 0, 1, 10, 100, 1_000, 5_000, 30_000, 130_000];
const CLOSE_CODES = [1000, 1001, 1006, 1009, 1011, 4000, 4401, 4407, 4999];
/** Errors a command may end with (documented); anything else escaped. */
const COMMAND_ERRORS: readonly (abstract new (...args: never[]) => Error)[] = [
  lib.CallIntentError, lib.RequestError, lib.RequestTimeoutError, lib.ConnectionLostError, lib.QueueError,
  lib.ConnectionClosedError, lib.ResponseDecodeError, lib.PublishError, lib.LpTagUnavailableError,
];

/** The diagnostic a text rejected in whole or in part (an element dropped) by the client's decoder (decodeCallFrame) must produce, or undefined. */
function expectedDiagnostic(text: string): 'frame-too-large' | 'decode-error' | undefined {
  if (text.length > FRAME_CAP) return 'frame-too-large';
  const result = decodeCallFrame(text);
  return result.ok && result.issues.length === 0 ? undefined : 'decode-error';
}

/** One client case: 1–30 steps; returns the escapes found. */
export function clientCase(r: Rand): { readonly label: string; readonly escapes: Escape[] } {
  const escapes: Escape[] = [];
  const scheduler = new FuzzScheduler();
  scheduler.frame = NOW;
  const sockets = createFakeSocketFactory({ scheduler, latencyMs: r.pick([0, 0, 5, 50]) });
  const lpTag = createFakeLpTag();
  const client = lib.createCallClient({
    accountId: '12345678',
    auth: { jwt: () => 'test.jwt.token' },
    endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
    webSocketFactory: sockets.webSocketFactory,
    scheduler,
    lpTag,
    visitor: { name: 'Fuzz Visitor' },
    callScreen: () => NEVER,
    autoOffer: r.chance(0.8),
  });
  const rejections = { 'decode-error': 0, 'frame-too-large': 0 };
  const onDiagnostic = ({ source, diagnostic }: ClientDiagnostic): void => {
    if (source === 'connection' && (diagnostic.type === 'decode-error' || diagnostic.type === 'frame-too-large')) rejections[diagnostic.type] += 1;
  };
  const invitations: CallInvitation[] = [];
  // A connection over for good (`closed`: auth failed twice, the policy gave up) ends every stream
  // but diagnostic$; any other completion escaped. (The call streams complete just before
  // connection$ emits `closed`, so this is judged at the end of the case.)
  let terminal = false;
  const completed: string[] = [];
  const ended = (name: string) => (): boolean => {
    completed.push(name);
    return true;
  };
  const held: Subscription[] = [
    watch('diagnostic$', client.diagnostic$, escapes, onDiagnostic),
    watch('connection$', client.connection$, escapes, (state) => (terminal ||= state.status === 'closed'), ended('connection$')),
    watch('dialog$', client.dialog$, escapes, undefined, ended('dialog$')),
    watch('invitation$', client.invitation$, escapes, (invitation) => invitations.push(invitation), ended('invitation$')),
    watch('accepted$', client.accepted$, escapes, undefined, ended('accepted$')),
    watch('closed$', client.closed$, escapes, undefined, ended('closed$')),
    watch('error$', client.error$, escapes, undefined, ended('error$')),
    watch('resume$', client.resume$, escapes, undefined, ended('resume$')),
    watch('session$', client.session$, escapes, undefined, ended('session$')),
  ];
  const commands: Subscription[] = [];
  const command = (name: string, command$: Observable<unknown>): void => {
    const subscription = command$.subscribe({
      error: (error: unknown) => {
        if (!COMMAND_ERRORS.some((type) => error instanceof type)) escapes.push({ kind: 'stream-error', message: `${name} failed with an undocumented error: ${describe(error)}` });
      },
    });
    if (r.chance(0.2)) subscription.unsubscribe();
    else commands.push(subscription);
  };
  const u = universe(r);
  let ts = NOW;
  scheduler.advance(10); // connect, handshake, subscribe
  const steps = r.range(1, 30);
  for (let step = 0; step < steps; step++) {
    const socket: FakeSocket | undefined = sockets.sockets.at(-1);
    const roll = r.int(100);
    ts += r.int(3_000);
    if (roll < 30 && socket !== undefined) {
      const subscribe = socket.lastRequest('cqm.SubscribeExConversations');
      const frame = conversationNotification(r, u, scheduler.now(), ts, `sub-${socket.index}-${subscribe?.id ?? '?'}`);
      receive(socket, r.chance(0.25) ? mutatedFrame(r, frame).text : JSON.stringify(frame));
    } else if (roll < 50 && socket !== undefined) {
      receive(socket, anyFrameInput(r, u, scheduler.now()).text);
    } else if (roll < 55 && socket !== undefined) {
      const request = r.chance(0.8) ? r.pick([...socket.requests(), undefined]) : undefined;
      const frame = randomResponse(r, request?.id ?? String(r.int(50)));
      receive(socket, r.chance(0.3) ? mutatedFrame(r, frame).text : JSON.stringify(frame));
    } else if (roll < 67) {
      const target: CallInvitation | string = invitations.length > 0 && r.chance(0.7) ? r.pick(invitations) : r.pick(['call-0-0', '', 'nope', '__proto__']);
      const name = r.pick(['accept', 'decline', 'offer'] as const);
      command(name, client[name](target));
    } else if (roll < 72) {
      if (r.chance(0.5)) command('request', client.connection.request('GetClock', undefined, r.chance(0.5) ? { timeoutMs: r.pick([1, 100, 10_000]) } : {}));
      else command('messagingEvents', client.connection.messagingEvents(r.pick(u.dialogs).dialogId, r.pick(u.conversations)));
    } else if (roll < 80) {
      const event = r.pick(['sessionError', 'sessionResume', 'somethingElse']);
      const data = r.chance(0.5) ? (JSON.parse(randomJsonText(r)) as unknown) : { id: r.pick(['NO_CAMERA_ACCESS', 'X', '']), msg: 'm', dialogId: r.pick(u.dialogs).dialogId };
      lpTag.fire('cobrowse', event, data);
    } else if (roll < 86 && socket !== undefined) {
      if (r.chance(0.4)) socket.drop();
      else socket.serverClose(r.pick(CLOSE_CODES), r.pick(['', 'bye', 'token test.jwt.token']));
    } else {
      scheduler.advance(r.pick(ADVANCES));
    }
  }
  scheduler.advance(r.pick(ADVANCES));
  for (const subscription of [...commands, ...held]) subscription.unsubscribe();
  scheduler.advance(1_000);
  if (!terminal) for (const name of completed) escapes.push({ kind: 'stream-complete', message: `${name} completed while the connection was not over` });
  for (const error of lpTag.listenerErrors()) escapes.push({ kind: 'throw', message: `an lpTag listener threw: ${describe(error)}` });
  return { label: `steps:${steps},sockets:${sockets.sockets.length},invitations:${invitations.length},rejected:${rejections['decode-error'] + rejections['frame-too-large']}`, escapes };

  /** The socket delivers `text`; a text the client must reject must leave its diagnostic. */
  function receive(socket: FakeSocket, text: string): void {
    if (socket.readyState !== 1) return;
    const expected = expectedDiagnostic(text);
    const before = expected === undefined ? 0 : rejections[expected];
    socket.receive(text);
    if (expected !== undefined && rejections[expected] === before) {
      escapes.push({ kind: 'no-diagnostic', message: `a rejected frame left no ${expected} diagnostic: ${text.slice(0, 120)}` });
    }
  }
}
