/**
 * The stream contracts of the call client as a property (issue #10): whatever order and timing a
 * host subscribes and unsubscribes the public streams in, issues commands inside handlers or later,
 * subscribes late — over random server timelines (invite, accept here or elsewhere, join, hang-up,
 * cancel, expiry, decline, socket drops and reconnects, a resume that fired before the page loaded)
 * — the lpTag publishes, the call screen's lifetime, the `closed$` reasons, the command outcomes and
 * `session$`'s distinct states are the same as in the canonical order (every stream subscribed
 * first, nothing else done).
 *
 * Seeded and bounded in `npm test`; `FC_RUNS=2000 FC_SEED=… npx jest spec/client/contracts` for more.
 */
import fc from 'fast-check';
import { Observable, Subscription } from 'rxjs';
import type { CallClient } from '../../lib/client';
import { CallIntentError } from '../../lib/errors';
import type { JsonObject } from '../../lib/protocol/types';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { defaultAutoReplies, type FakeSocket } from '../../lib/testing/fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { createTestCallClient, type TestCallClient } from '../../lib/testing/test-call-client';

// ─── The script: what the server, the call app and the consumer do ───────────────────────────────

interface Decision {
  readonly kind: 'accept' | 'decline' | 'none';
  /** Inside the invitation$ handler (synchronously), or `delayMs` after the invitation. */
  readonly sync: boolean;
  readonly delayMs: number;
}

type ServerAction =
  | { readonly kind: 'invite'; readonly mode: 'VOICE_CALL' | 'VIDEO_CALL'; readonly decision: Decision; readonly joinDelayMs: number; readonly hangupAfterMs: number | null }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'hangup' }
  | { readonly kind: 'drop' };

interface Script {
  readonly reloadedIntoCall: boolean;
  readonly actions: readonly { readonly gapMs: number; readonly action: ServerAction }[];
}

const decisionArb: fc.Arbitrary<Decision> = fc.record({
  kind: fc.constantFrom('accept', 'decline', 'none'),
  sync: fc.boolean(),
  delayMs: fc.integer({ min: 0, max: 130_000 }),
});

const actionArb: fc.Arbitrary<ServerAction> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('invite' as const),
      mode: fc.constantFrom('VOICE_CALL' as const, 'VIDEO_CALL' as const),
      decision: decisionArb,
      joinDelayMs: fc.integer({ min: 0, max: 3_000 }),
      hangupAfterMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'elsewhere' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'hangup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
);

const scriptArb: fc.Arbitrary<Script> = fc.record({
  reloadedIntoCall: fc.boolean(),
  actions: fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 40_000 }), action: actionArb }), { minLength: 1, maxLength: 8 }),
});

// ─── How a host subscribes ───────────────────────────────────────────────────────────────────────

const STREAMS = ['connection$', 'dialog$', 'invitation$', 'accepted$', 'closed$', 'error$', 'resume$', 'session$'] as const;
type StreamName = (typeof STREAMS)[number];

interface Extra {
  readonly stream: StreamName;
  readonly subscribeAtMs: number;
  readonly unsubscribeAfterMs: number | null;
  /** What the subscriber does synchronously inside its handler. */
  readonly inHandler: 'nothing' | 'offer-each-invitation' | 'peek-session' | 'unsubscribe-self';
}

interface Plan {
  /** The three probes (closed$, session$, the deciding invitation$ subscriber) and the extras at t=0, interleaved. */
  readonly order: readonly number[];
  readonly extras: readonly Extra[];
}

const extraArb: fc.Arbitrary<Extra> = fc.record({
  stream: fc.constantFrom(...STREAMS),
  subscribeAtMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150_000 })),
  unsubscribeAfterMs: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }),
  inHandler: fc.constantFrom('nothing', 'offer-each-invitation', 'peek-session', 'unsubscribe-self'),
});

const planArb: fc.Arbitrary<Plan> = fc
  .array(extraArb, { maxLength: 8 })
  .chain((extras) => fc.shuffledSubarray([...Array(extras.length + 3).keys()], { minLength: extras.length + 3 }).map((order) => ({ order, extras })));

// ─── The world: the server, LivePerson's call app, what is observed ──────────────────────────────

interface Call {
  readonly id: string;
  readonly mode: string;
  phase: 'INVITED' | 'ACCEPTED' | 'JOINED' | 'CLOSED';
  notificationKey: string | undefined;
  readonly expiresAt: number;
  ts: number;
  readonly action: Extract<ServerAction, { kind: 'invite' }> | undefined;
}

interface Observed {
  readonly publishes: readonly string[];
  readonly screen: readonly string[];
  readonly closed: readonly string[];
  readonly states: readonly string[];
  readonly commands: readonly string[];
}

const CONVERSATION = 'conv-1';
const TTL_MS = 120_000;

/**
 * A client over the test kit with a small faithful server behind its fake sockets: every
 * subscription is answered and followed by its listing (the whole conversation), every change
 * re-sends the whole conversation, INVITED calls close at their expiry; and LivePerson's call app
 * on the page joins after `cobrowseAccepted` and reports `cobrowseDeclined` to the call service.
 */
function world(script: Script) {
  const lpTag: FakeLpTag = createFakeLpTag({ sid: 'sid', vid: 'vid' });
  const calls: Call[] = [];
  const screen: string[] = [];
  let ts = 1;
  let subscription: { readonly socket: FakeSocket; readonly id: string } | undefined;
  const holder: { test?: TestCallClient } = {};
  const clock = (): number => holder.test?.scheduler.now() ?? 0;
  const later = (ms: number, work: () => void): void => {
    holder.test?.scheduler.schedule(work, ms);
  };

  const listing = (subscriptionId: string): JsonObject =>
    exConversationNotification({
      subscriptionId,
      changes: [
        conversationUpsert({
          conversationId: CONVERSATION,
          metaDataLastUpdateTs: ts,
          dialogs: [
            mainDialog({ conversationId: CONVERSATION }),
            ...calls.map((call) =>
              callDialog({
                dialogId: call.id,
                mode: call.mode,
                serviceId: `svc-${call.id}`,
                sessionState: call.phase === 'JOINED' ? 'ACCEPTED' : call.phase,
                notificationKey: call.notificationKey ?? null,
                creationTs: 0,
                expiresAt: call.expiresAt,
                metaDataLastUpdateTs: call.ts,
              }),
            ),
          ],
        }),
      ],
    });
  const push = (): void => {
    if (subscription?.socket.readyState === 1) subscription.socket.receive(listing(subscription.id));
  };
  const change = (call: Call, phase: Call['phase'], notificationKey?: string): void => {
    if (call.phase === 'CLOSED') return;
    ts += 1;
    call.phase = phase;
    call.notificationKey = notificationKey;
    call.ts = ts;
    push();
  };

  lpTag.events.bind('lpCoBrowse', '*', (data: unknown, info: unknown) => {
    const event = typeof info === 'object' && info !== null && 'eventName' in info ? String(info.eventName) : '?';
    const serviceId = typeof data === 'object' && data !== null && 'serviceId' in data ? String(data.serviceId) : '';
    const call = calls.find((c) => `svc-${c.id}` === serviceId);
    if (call === undefined) return;
    if (event === 'cobrowseAccepted') {
      later(call.action?.joinDelayMs ?? 0, () => {
        if (call.phase !== 'INVITED') return;
        change(call, 'ACCEPTED', 'accepted');
        later(100, () => {
          if (call.phase === 'ACCEPTED') change(call, 'JOINED', 'joined');
        });
        const after = call.action?.hangupAfterMs;
        if (after !== null && after !== undefined) later(100 + after, () => change(call, 'CLOSED'));
      });
    }
    if (event === 'cobrowseDeclined') later(50, () => change(call, 'CLOSED'));
  });

  if (script.reloadedIntoCall) {
    calls.push({ id: 'call-0', mode: 'VIDEO_CALL', phase: 'JOINED', notificationKey: 'joined', expiresAt: TTL_MS, ts, action: undefined });
    lpTag.fire('cobrowse', 'sessionResume', { reloaded: true });
  }

  const test = createTestCallClient({
    fakeLpTag: lpTag,
    connection: { random: () => 0.5 },
    socket: {
      autoReply: {
        ...defaultAutoReplies,
        'cqm.SubscribeExConversations': (request, socket) => {
          const reply = defaultAutoReplies['cqm.SubscribeExConversations']?.(request, socket);
          subscription = { socket, id: `sub-${socket.index}-${request.id}` };
          later(0, push); // the listing follows the answer
          return reply;
        },
      },
    },
    callScreen: () =>
      new Observable<never>(() => {
        screen.push(`open@${clock()}`);
        return () => screen.push(`close@${clock()}`);
      }),
  });
  holder.test = test;

  let n = 0;
  let at = 0;
  for (const { gapMs, action } of script.actions) {
    at += gapMs;
    later(at, () => {
      const open = calls.filter((c) => c.phase !== 'CLOSED');
      switch (action.kind) {
        case 'invite': {
          n += 1;
          ts += 1;
          const call: Call = { id: `call-${n}`, mode: action.mode, phase: 'INVITED', notificationKey: undefined, expiresAt: clock() + TTL_MS, ts, action };
          calls.push(call);
          push();
          later(TTL_MS, () => {
            if (call.phase === 'INVITED') change(call, 'CLOSED');
          });
          break;
        }
        case 'cancel': {
          const call = open.filter((c) => c.phase === 'INVITED').at(-1);
          if (call) change(call, 'CLOSED', 'cancel_invitation');
          break;
        }
        case 'elsewhere': {
          const call = open.filter((c) => c.phase === 'INVITED').at(-1);
          if (call) change(call, 'ACCEPTED', 'accepted');
          break;
        }
        case 'hangup': {
          const call = open.filter((c) => c.phase === 'ACCEPTED' || c.phase === 'JOINED').at(-1);
          if (call) change(call, 'CLOSED');
          break;
        }
        case 'drop':
          if (test.sockets.sockets.length > 0) test.sockets.latest().drop();
          break;
      }
    });
  }
  return { test, lpTag, calls, screen };
}

// ─── A host, in some subscription order ──────────────────────────────────────────────────────────

const HORIZON_MS = 600_000;

const streamOf = (client: CallClient, stream: StreamName): Observable<unknown> => client[stream];

function run(script: Script, plan: Plan | 'canonical'): Observed {
  const { test, lpTag, calls, screen } = world(script);
  const { client, scheduler } = test;
  const closed: string[] = [];
  const states: string[] = [];
  const fullStates: string[] = [];
  const commands: string[] = [];

  const command = (dialogId: string, kind: 'accept' | 'decline'): void => {
    client[kind](dialogId).subscribe({
      complete: () => commands.push(`${dialogId}:${kind}:ok@${scheduler.now()}`),
      error: (error: unknown) => commands.push(`${dialogId}:${kind}:${error instanceof CallIntentError ? error.reason : 'error'}@${scheduler.now()}`),
    });
  };

  const probes: (() => Subscription)[] = [
    () => client.closed$.subscribe(({ dialog, reason }) => closed.push(`${dialog.dialogId}:${reason}@${scheduler.now()}`)),
    () =>
      client.session$.subscribe((state) => {
        states.push(`${state.status}:${state.status === 'idle' ? '-' : (state.dialog?.dialogId ?? '?')}`);
        fullStates.push(JSON.stringify(state));
      }),
    () =>
      client.invitation$.subscribe((invitation) => {
        const decision = calls.find((c) => c.id === invitation.dialogId)?.action?.decision;
        if (decision === undefined || decision.kind === 'none') return;
        const kind = decision.kind;
        if (decision.sync) command(invitation.dialogId, kind);
        else scheduler.schedule(() => command(invitation.dialogId, kind), decision.delayMs);
      }),
  ];

  const subscriptions: Subscription[] = [];
  const subscribeExtra = (extra: Extra): void => {
    const own = new Subscription();
    own.add(
      // Subscribing inside handlers is the point: it is what hosts do.
      /* eslint-disable rxjs-x/no-nested-subscribe */
      streamOf(client, extra.stream).subscribe((value) => {
        if (extra.inHandler === 'offer-each-invitation' && extra.stream === 'invitation$' && typeof value === 'object' && value !== null && 'dialogId' in value) {
          client.offer(String(value.dialogId)).subscribe({ error: () => undefined });
        } else if (extra.inHandler === 'peek-session') {
          client.session$.subscribe().unsubscribe();
        } else if (extra.inHandler === 'unsubscribe-self') {
          own.unsubscribe();
        }
      }),
      /* eslint-enable rxjs-x/no-nested-subscribe */
    );
    subscriptions.push(own);
    if (extra.unsubscribeAfterMs !== null) scheduler.schedule(() => own.unsubscribe(), extra.unsubscribeAfterMs);
  };

  if (plan === 'canonical') {
    for (const stream of STREAMS) subscriptions.push(streamOf(client, stream).subscribe());
    for (const probe of probes) subscriptions.push(probe());
  } else {
    let probed = false;
    for (const index of plan.order) {
      const probe = probes[index];
      const planned = plan.extras[index - probes.length];
      // Before the first probe holds the client, an extra leaving at once would tear the whole
      // client down and start it afresh: a different scenario (the call screen goes), not an order.
      const extra = planned !== undefined && !probed && planned.inHandler === 'unsubscribe-self' ? { ...planned, inHandler: 'nothing' as const } : planned;
      if (probe !== undefined) {
        subscriptions.push(probe());
        probed = true;
      } else if (extra !== undefined && extra.subscribeAtMs === 0) subscribeExtra(extra);
      else if (extra !== undefined) scheduler.schedule(() => subscribeExtra(extra), extra.subscribeAtMs);
    }
  }

  test.advance(HORIZON_MS);
  for (const subscription of subscriptions) subscription.unsubscribe();
  test.advance(0);

  // Invariants of any one run: session$ emits only changes; closed$ at most once per dialog.
  fullStates.forEach((state, i) => expect(state).not.toBe(fullStates[i - 1]));
  const closedIds = closed.map((entry) => entry.split(':')[0]);
  expect(new Set(closedIds).size).toBe(closedIds.length);
  expect(lpTag.bindingCount()).toBe(1); // only the call app's own listener is left
  expect(scheduler.actions.filter((action) => !action.closed)).toEqual([]);

  const publishes = lpTag.publishes().map((p) => `${p.eventName}:${typeof p.data === 'object' && p.data !== null && 'serviceId' in p.data ? String(p.data.serviceId) : '-'}`);
  // A session$ subscriber that starts the client sees its start state (idle) before what the start
  // applies synchronously (a resume replayed from lpTag history); a later one gets the state after.
  return { publishes, screen, closed, states: states[0] === 'idle:-' ? states.slice(1) : states, commands };
}

const RUNS = Number(process.env['FC_RUNS'] ?? 60);
const SEED = process.env['FC_SEED'] === undefined ? 20261129 : Number(process.env['FC_SEED']);

describe('call client contracts hold in every subscription order (property)', () => {
  it('publishes, call screen, closed$ reasons, command outcomes and session$ states do not depend on how the host subscribes', () => {
    fc.assert(
      fc.property(scriptArb, planArb, (script, plan) => {
        expect(run(script, plan)).toEqual(run(script, 'canonical'));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('the generator reaches every close reason and command outcome that matters (the property is not vacuous)', () => {
    const reasons = new Set<string>();
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(scriptArb, (script) => {
        const observed = run(script, 'canonical');
        for (const entry of observed.closed) reasons.add(entry.split(':')[1]?.split('@')[0] ?? '');
        for (const entry of observed.commands) outcomes.add(entry.split(':')[2]?.split('@')[0] ?? '');
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['answered-elsewhere', 'cancelled', 'declined', 'expired', 'hangup']));
    expect([...outcomes]).toEqual(expect.arrayContaining(['ok', 'invitation-expired']));
  });
});
