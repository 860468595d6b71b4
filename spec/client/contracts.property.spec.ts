/**
 * The stream contracts of the call client as a property (issues #10, #20): whatever order and
 * timing a host subscribes and unsubscribes the public streams in, issues commands inside handlers
 * or later, subscribes late — over random server timelines (invites in two conversations, accept
 * here or elsewhere, join, hang-up, cancel, expiry, decline, socket drops and reconnects, a resume
 * that fired before the page loaded, a live resume, a call screen that cannot be created) — the
 * lpTag publishes, the call screen's lifetime, the `closed$` reasons, the command outcomes and
 * `session$`'s distinct states are the same as in the canonical order (every stream subscribed
 * first, nothing else done); and the README's "compose your own client" recipe
 * (samples/compose) gives exactly what `createCallClient` gives.
 *
 * Every run also checks what the streams promise: an invitation on `invitation$` can be accepted
 * until `closed$` says otherwise, `closed$` tells each call once (again only for a call a resume
 * brought back, after `accepted$`), `session$` emits only changes, nothing is left behind.
 *
 * Seeded and bounded in `npm test`; `FC_RUNS=2000 FC_SEED=… npx jest spec/client/contracts` for more.
 */
import fc from 'fast-check';
import { Observable, Subscription, throwError, VirtualAction, VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import { composeCallClient } from '../../samples/compose/compose-call-client';
import type { CallClient } from '../../lib/client';
import { CallIntentError } from '../../lib/errors';
import type { JsonObject } from '../../lib/protocol/types';
import { createFakeLpTag, type FakeLpTag } from '../../lib/testing/fake-lptag';
import { createFakeSocketFactory, defaultAutoReplies, type AutoReply, type FakeSocket, type FakeSocketFactory, type FakeSocketOptions } from '../../lib/testing/fake-socket';
import { callDialog, conversationUpsert, exConversationNotification, mainDialog } from '../../lib/testing/frames';
import { createTestCallClient } from '../../lib/testing/test-call-client';

// ─── The script: what the server, the call app and the consumer do ───────────────────────────────

interface Decision {
  readonly kind: 'accept' | 'decline' | 'none';
  /** Inside the invitation$ handler (synchronously), or `delayMs` after the invitation. */
  readonly sync: boolean;
  readonly delayMs: number;
}

type ServerAction =
  | {
      readonly kind: 'invite';
      readonly mode: 'VOICE_CALL' | 'VIDEO_CALL';
      /** Which of the consumer's two conversations the agent invites in. */
      readonly conversation: 0 | 1;
      readonly decision: Decision;
      readonly joinDelayMs: number;
      readonly hangupAfterMs: number | null;
    }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'elsewhere' }
  | { readonly kind: 'hangup' }
  | { readonly kind: 'drop' }
  /** LivePerson's call app fires sessionResume live (the consumer moved a call to this page). */
  | { readonly kind: 'resume' };

interface Script {
  readonly reloadedIntoCall: boolean;
  /** The page cannot create the call screen (a host without a DOM, say): every accepted call fails. */
  readonly screenFails: boolean;
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
      conversation: fc.constantFrom(0 as const, 1 as const),
      decision: decisionArb,
      joinDelayMs: fc.integer({ min: 0, max: 3_000 }),
      hangupAfterMs: fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'cancel' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'elsewhere' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'hangup' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
);

const scriptArb: fc.Arbitrary<Script> = fc.record({
  reloadedIntoCall: fc.boolean(),
  screenFails: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
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

/** The probes: closed$, session$, the deciding invitation$ subscriber, accepted$. */
const PROBES = 4;

interface Plan {
  /** The probes and the extras at t=0, interleaved. */
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
  .chain((extras) => fc.shuffledSubarray([...Array(extras.length + PROBES).keys()], { minLength: extras.length + PROBES }).map((order) => ({ order, extras })));

// ─── The world: the server, LivePerson's call app, what is observed ──────────────────────────────

interface Call {
  readonly id: string;
  readonly conversation: string;
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

const CONVERSATIONS = ['conv-1', 'conv-2'] as const;
const TTL_MS = 120_000;

/** Which client a world runs: `createCallClient` (over the test kit), or the README's recipe over the same fakes. */
type Make = 'client' | 'recipe';

/** What a world's host talks to: the client's streams and commands. */
type HostClient = Pick<CallClient, 'connection$' | 'dialog$' | 'invitation$' | 'accepted$' | 'closed$' | 'error$' | 'resume$' | 'session$' | 'accept' | 'decline' | 'offer'>;

interface Rig {
  readonly client: HostClient;
  readonly scheduler: VirtualTimeScheduler;
  readonly sockets: FakeSocketFactory;
  advance(ms: number): void;
}

/** `createCallClient` over the test kit, or the recipe over the same fakes, with the same options. */
function rig(make: Make, lpTag: FakeLpTag, autoReply: FakeSocketOptions['autoReply'], callScreen: () => Observable<never>): Rig {
  if (make === 'client') {
    const test = createTestCallClient({ fakeLpTag: lpTag, connection: { random: () => 0.5 }, socket: { autoReply }, callScreen });
    return { client: test.client, scheduler: test.scheduler, sockets: test.sockets, advance: test.advance };
  }
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const sockets = createFakeSocketFactory({ autoReply, scheduler });
  const client = composeCallClient({
    connection: {
      accountId: '12345678',
      auth: { jwt: () => 'test.jwt.token' },
      endpoint: { socketUrl: 'wss://fake.invalid/ws_api/account/12345678/messaging/consumer?v=3' },
      webSocketFactory: sockets.webSocketFactory,
      scheduler: scheduler satisfies SchedulerLike,
      random: () => 0.5,
    },
    lpTag,
    visitorName: 'Test Visitor',
    callScreen,
  });
  const advance = (ms: number): void => {
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
    scheduler.frame = scheduler.maxFrames;
  };
  return { client, scheduler, sockets, advance };
}

/**
 * A client with a small faithful server behind its fake sockets: every subscription is answered
 * and followed by its listing (the consumer's two conversations, whole), every change re-sends the
 * conversation it is in, INVITED calls close at their expiry; and LivePerson's call app on the
 * page joins after `cobrowseAccepted` and reports `cobrowseDeclined` to the call service.
 */
function world(script: Script, make: Make) {
  const lpTag: FakeLpTag = createFakeLpTag({ sid: 'sid', vid: 'vid' });
  const calls: Call[] = [];
  const screen: string[] = [];
  let ts = 1;
  let subscription: { readonly socket: FakeSocket; readonly id: string } | undefined;
  const holder: { rig?: Rig } = {};
  const clock = (): number => holder.rig?.scheduler.now() ?? 0;
  const later = (ms: number, work: () => void): void => {
    holder.rig?.scheduler.schedule(work, ms);
  };

  const conversation = (conversationId: string) =>
    conversationUpsert({
      conversationId,
      metaDataLastUpdateTs: ts,
      dialogs: [
        mainDialog({ conversationId }),
        ...calls
          .filter((call) => call.conversation === conversationId)
          .map((call) =>
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
    });
  const listing = (subscriptionId: string, conversationIds: readonly string[]): JsonObject =>
    exConversationNotification({ subscriptionId, changes: conversationIds.map(conversation) });
  const push = (conversationIds: readonly string[] = CONVERSATIONS): void => {
    if (subscription?.socket.readyState === 1) subscription.socket.receive(listing(subscription.id, conversationIds));
  };
  const change = (call: Call, phase: Call['phase'], notificationKey?: string): void => {
    if (call.phase === 'CLOSED') return;
    ts += 1;
    call.phase = phase;
    call.notificationKey = notificationKey;
    call.ts = ts;
    push([call.conversation]);
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
    calls.push({ id: 'call-0', conversation: 'conv-1', mode: 'VIDEO_CALL', phase: 'JOINED', notificationKey: 'joined', expiresAt: TTL_MS, ts, action: undefined });
    lpTag.fire('cobrowse', 'sessionResume', { reloaded: true });
  }

  const subscribe: AutoReply = (request, socket) => {
    const reply = defaultAutoReplies['cqm.SubscribeExConversations']?.(request, socket);
    subscription = { socket, id: `sub-${socket.index}-${request.id}` };
    later(0, () => push()); // the listing follows the answer
    return reply;
  };
  const autoReply = { ...defaultAutoReplies, 'cqm.SubscribeExConversations': subscribe };
  const callScreen = (): Observable<never> =>
    script.screenFails
      ? throwError(() => new Error('no screen here'))
      : new Observable<never>(() => {
          screen.push(`open@${clock()}`);
          return () => screen.push(`close@${clock()}`);
        });
  const made = rig(make, lpTag, autoReply, callScreen);
  holder.rig = made;

  let n = 0;
  let at = 0;
  for (const { gapMs, action } of script.actions) {
    at += gapMs;
    later(at, () => {
      const open = calls.filter((c) => c.phase !== 'CLOSED');
      switch (action.kind) {
        case 'invite': {
          const conversationId = CONVERSATIONS[action.conversation];
          // A still-open INVITED dialog blocks a new invite in the same conversation (protocol notes §5.3).
          if (open.some((c) => c.conversation === conversationId && c.phase === 'INVITED')) break;
          n += 1;
          ts += 1;
          const call: Call = { id: `call-${n}`, conversation: conversationId, mode: action.mode, phase: 'INVITED', notificationKey: undefined, expiresAt: clock() + TTL_MS, ts, action };
          calls.push(call);
          push([conversationId]);
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
          if (made.sockets.sockets.length > 0) made.sockets.latest().drop();
          break;
        case 'resume':
          lpTag.fire('cobrowse', 'sessionResume', { moved: true });
          break;
      }
    });
  }
  return { rig: made, lpTag, calls, screen };
}

// ─── A host, in some subscription order ──────────────────────────────────────────────────────────

const HORIZON_MS = 600_000;

const streamOf = (client: HostClient, stream: StreamName): Observable<unknown> => client[stream];

function run(script: Script, plan: Plan | 'canonical', make: Make = 'client'): Observed {
  const { rig: made, lpTag, calls, screen } = world(script, make);
  const { client, scheduler } = made;
  const closed: string[] = [];
  /** session$'s states, and whether they came during the synchronous start (before the clock ran). */
  const states: { readonly state: string; readonly atStart: boolean }[] = [];
  let clockRuns = false;
  const fullStates: string[] = [];
  const commands: string[] = [];
  /** What the call view said of each dialog, in order (for the per-run contract checks). */
  const told: string[] = [];

  const command = (dialogId: string, kind: 'accept' | 'decline'): void => {
    client[kind](dialogId).subscribe({
      complete: () => commands.push(`${dialogId}:${kind}:ok@${scheduler.now()}`),
      error: (error: unknown) => {
        const reason = error instanceof CallIntentError ? error.reason : 'error';
        commands.push(`${dialogId}:${kind}:${reason}@${scheduler.now()}`);
        told.push(`refused:${dialogId}:${reason}`);
      },
    });
  };

  const probes: (() => Subscription)[] = [
    () =>
      client.closed$.subscribe(({ dialog, reason }) => {
        closed.push(`${dialog.dialogId}:${reason}@${scheduler.now()}`);
        told.push(`closed:${dialog.dialogId}`);
      }),
    () =>
      client.session$.subscribe((state) => {
        states.push({ state: `${state.status}:${state.status === 'idle' ? '-' : (state.dialog?.dialogId ?? '?')}`, atStart: !clockRuns });
        fullStates.push(JSON.stringify(state));
      }),
    () =>
      client.invitation$.subscribe((invitation) => {
        told.push(`shown:${invitation.dialogId}`);
        const decision = calls.find((c) => c.id === invitation.dialogId)?.action?.decision;
        if (decision === undefined || decision.kind === 'none') return;
        const kind = decision.kind;
        if (decision.sync) command(invitation.dialogId, kind);
        else scheduler.schedule(() => command(invitation.dialogId, kind), decision.delayMs);
      }),
    () => client.accepted$.subscribe((call) => told.push(`accepted:${call.dialogId}`)),
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

  clockRuns = true;
  made.advance(HORIZON_MS);
  for (const subscription of subscriptions) subscription.unsubscribe();
  made.advance(0);

  // What the streams promise, in any one run.
  fullStates.forEach((state, i) => expect(state).not.toBe(fullStates[i - 1])); // session$: changes only
  expectToldRight(told);
  expect(lpTag.bindingCount()).toBe(1); // only the call app's own listener is left
  expect(scheduler.actions.filter((action) => !action.closed)).toEqual([]);

  const publishes = lpTag.publishes().map((p) => `${p.eventName}:${typeof p.data === 'object' && p.data !== null && 'serviceId' in p.data ? String(p.data.serviceId) : '-'}`);
  // A session$ subscriber that starts the client sees every state its own subscribe call went
  // through (idle, a resume replayed from lpTag history, its outcome); one subscribed later in the
  // same synchronous block gets the state they led to. Both see the same from then on.
  const atStart = states.filter((s) => s.atStart).at(-1);
  const later = states.filter((s) => !s.atStart);
  return { publishes, screen, closed, states: [...(atStart === undefined ? [] : [atStart]), ...later].map((s) => s.state), commands };
}

/**
 * The call view's promises over one run's events: an invitation shown and not closed since is
 * never refused as unknown (or busy); a call closes once — again only after it was shown again
 * (`accepted$`: a resume brought it back); nothing closes that was never shown.
 */
function expectToldRight(told: readonly string[]): void {
  const open = new Set<string>();
  const seen = new Set<string>();
  for (const entry of told) {
    const [what = '', dialogId = '', reason] = entry.split(':');
    if (what === 'shown' || what === 'accepted') {
      open.add(dialogId);
      seen.add(dialogId);
    } else if (what === 'closed') {
      expect({ closed: dialogId, wasShown: seen.has(dialogId), wasOpen: open.has(dialogId) }).toEqual({ closed: dialogId, wasShown: true, wasOpen: true });
      open.delete(dialogId);
    } else if (what === 'refused' && (reason === 'unknown-invitation' || reason === 'busy')) {
      expect({ refused: dialogId, reason, shownAndOpen: open.has(dialogId) }).toEqual({ refused: dialogId, reason, shownAndOpen: false });
    }
  }
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

  it('the README recipe (samples/compose) gives what createCallClient gives, in any subscription order', () => {
    fc.assert(
      fc.property(scriptArb, planArb, (script, plan) => {
        expect(run(script, plan, 'recipe')).toEqual(run(script, 'canonical', 'client'));
      }),
      { numRuns: RUNS, seed: SEED + 1 },
    );
  });

  it('the generator reaches every close reason and command outcome that matters (the property is not vacuous)', () => {
    const reasons = new Set<string>();
    const outcomes = new Set<string>();
    let waited = 0;
    fc.assert(
      fc.property(scriptArb, (script) => {
        const observed = run(script, 'canonical');
        for (const entry of observed.closed) reasons.add(entry.split(':')[1]?.split('@')[0] ?? '');
        for (const entry of observed.commands) outcomes.add(entry.split(':')[2]?.split('@')[0] ?? '');
        // An invitation shown only once the call before it ended: it waited (one call at a time).
        if (observed.states.some((state, i) => state.startsWith('invited:') && /^(ended|declined|expired|failed):/.test(observed.states[i - 1] ?? ''))) waited += 1;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['answered-elsewhere', 'cancelled', 'declined', 'expired', 'failed', 'hangup']));
    expect([...outcomes]).toEqual(expect.arrayContaining(['ok', 'invitation-expired', 'call-failed']));
    expect(waited).toBeGreaterThan(0);
  });
});
