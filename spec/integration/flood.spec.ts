/** @jest-environment node */
/**
 * Issue 14: a flood over a real socket. The emulator (in this process) invites and cancels calls and
 * re-sends each snapshot many times, thousands of frames in bursts, while the client's keep-alive is
 * short enough that its GetClock reply waits behind them. Every call must come through in order, and
 * the busy socket must never be taken for a half-open one (no close 4000, no reconnect).
 * The lag figures are measured by `npm run flood`, not here.
 */
import { filter, firstValueFrom, NEVER, type Subscription, timeout } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'lp-call-streams-emulator';
import { createCallClient, type CallClient } from '../../lib';
import type { ConnectionState } from '../../lib/connection/types';
import { createFakeLpTag } from '../../lib/testing';
import { overEmulator } from './over-emulator';

const CALLS = 30;
const RESENDS = 50; // after each invite and each cancel: 30 × 2 × (1 + 50) = 3,060 frames, in bursts of 510
const PER_CONVERSATION = 5;

let emulator: RunningEmulator;
let client: CallClient;
let subscription: Subscription;
const states: ConnectionState[] = [];
const events: string[] = [];

beforeEach(async () => {
  emulator = await startEmulator({ port: 0, browserAssets: false });
  client = createCallClient({
    ...overEmulator(emulator),
    lpTag: createFakeLpTag({ sid: 'sid-1', vid: 'vid-1' }),
    visitor: { name: 'Jane' },
    callScreen: () => NEVER,
    // A probe after 20 ms of outbound silence, so one is always waiting during a burst; "half-open" 500 ms
    // later (above the stalls a busy machine causes by itself, below the time a burst takes to work through).
    connection: { keepAlive: { idleMs: 20, deadlineMs: 500 } },
  });
  states.length = 0;
  events.length = 0;
  subscription = client.connection$.subscribe((state) => states.push(state));
  // A page that does real work per notification (0.3 ms each): a burst of ~500 frames takes ≥ 150 ms,
  // a conversation's worth (5 calls) ≥ 0.75 s, and the GetClock reply waits behind it.
  subscription.add(
    client.connection.notification$.subscribe(() => {
      const until = performance.now() + 0.3;
      while (performance.now() < until);
    }),
  );
  subscription.add(client.dialog$.subscribe((event) => events.push(`${event.dialog.dialogId}:${event.type === 'closed' ? `closed:${event.reason}` : event.type}`)));
  await firstValueFrom(client.connection$.pipe(filter((s) => s.status === 'open'), timeout({ first: 5000 })));
});

afterEach(async () => {
  subscription.unsubscribe();
  await emulator.close();
});

async function newConversation(): Promise<string> {
  const response = await firstValueFrom(client.connection.request('cm.ConsumerRequestConversation', undefined).pipe(timeout({ first: 10_000 })));
  return response.body.conversationId;
}

const burst = (): void => {
  for (let i = 0; i < RESENDS; i++) emulator.repeatLast();
};

it('thousands of re-sent snapshots in bursts: every invitation and cancel in order, no half-open, no reconnect', async () => {
  // One call first, awaited: the conversation subscription is live before the flood starts.
  let conversationId = await newConversation();
  const warmUp = firstValueFrom(client.invitation$.pipe(timeout({ first: 5000 })));
  const first = emulator.agent.invite({ mode: 'VIDEO_CALL', conversationId });
  await warmUp;
  emulator.agent.cancel({ conversationId, dialogId: first.dialogId });
  await firstValueFrom(client.closed$.pipe(timeout({ first: 5000 })));
  emulator.agent.closeConversation({ conversationId });
  events.length = 0;

  const expected: string[] = [];
  for (let call = 0; call < CALLS; call++) {
    if (call % PER_CONVERSATION === 0) {
      if (call > 0) emulator.agent.closeConversation({ conversationId });
      conversationId = await newConversation();
    }
    const { dialogId } = emulator.agent.invite({ mode: 'VIDEO_CALL', conversationId });
    burst();
    emulator.agent.cancel({ conversationId, dialogId });
    burst();
    expected.push(`${dialogId}:invited`, `${dialogId}:closed:cancelled`);
  }
  const last = expected[expected.length - 1];
  await firstValueFrom(client.dialog$.pipe(filter(() => events[events.length - 1] === last), timeout({ first: 30_000 }))).catch(() => undefined);

  expect(events).toEqual(expected);
  expect(states.slice(states.findIndex((s) => s.status === 'open'))).toEqual([{ status: 'open', generation: 1 }]);
  expect(emulator.state().connections).toHaveLength(1);
});
