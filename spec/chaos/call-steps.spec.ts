/** @jest-environment node */
/**
 * Chaos over real sockets (issue #14 point 5): a matrix of call steps × faults, each cell one test
 * whose title reads `[step | fault | agent acts …] → how the call ends` (see README.md here, and
 * `node scripts/chaos-summary.js` for the table).
 *
 * Steps: before the subscription answer (a reload with an invitation pending), after the invitation
 * is shown, after the consumer accepted, between the call service's ACCEPTED and CLOSED.
 * Faults: the socket drops (1006); the tokens expire and the server closes with 4401 (the client
 * must re-authenticate: the old token is refused from then on); the link goes silent (half-open: a
 * relay stops forwarding without closing, so only the keep-alive can notice); the emulator restarts
 * on the same port, keeping its signing key or with a new one (then the old token gets 4401). The
 * emulator keeps its state in memory only: after a restart it knows no conversation, so an ongoing
 * call must end as `conversation-closed`.
 *
 * Each cell asserts: the session ends in the right state, the invitation is shown (and
 * `cobrowseOffered` published) once, `closed$` emits exactly once with the right reason (or, for
 * an invitation cancelled before the client could show it, neither ever happens),
 * `accepted$` at most once, no public stream errors or completes, nothing escapes unhandled, the
 * container is removed, the client re-authenticates exactly when its token was refused, and leaving
 * closes the socket with 1000 and unbinds every lpTag listener.
 */
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { WebSocket } from 'ws';
import { authenticated, type CallInvitation, type CloseReason } from '../../lib';
import { createConnection } from '../../lib/connection';
import { ACCOUNT, FAST_CONNECTION, until, type ChaosWorld } from './world';
import { expectCleanEnd, expectRecovery, inject, invite, LINK_FAULTS, newWorld, opens, RESTARTS, restarts, useChaosWorlds, type Ending, type Fault } from './scenario';

useChaosWorlds();

type Step = 'before-subscribe' | 'invited' | 'accepted' | 'server-accepted';
/** When the agent makes its move: while the link is down, or once the client is back. */
type When = 'during' | 'after' | 'n/a';

interface Cell {
  readonly step: Step;
  readonly fault: Fault;
  readonly when: When;
  readonly ending: Ending;
}

/** Brings a started client to `step` (not the first one) and returns the call's invitation. */
async function reachStep(w: ChaosWorld, step: Exclude<Step, 'before-subscribe'>): Promise<CallInvitation> {
  w.start();
  await until('open', () => w.connection().status === 'open');
  const invitation = await invite(w);
  if (step === 'invited') return invitation;
  // The accept is done when the server says ACCEPTED (here: the agent side, no call app in Node).
  const accepted = lastValueFrom(w.client.accept(invitation)).then(
    (state) => state.status,
    (error: unknown) => `error: ${String(error)}`,
  );
  await until('joining', () => w.session().status === 'joining');
  if (step === 'accepted') return invitation;
  w.emulator.agent.accept({ dialogId: invitation.dialogId });
  await until('accepted$', () => w.record.accepted.length === 1);
  expect(await accepted).toBe('active');
  return invitation;
}

/**
 * Step 1: the page reloads while an invitation is pending; the fault hits before the subscription's
 * answer arrives. The agent cancels after the client is back, or during the outage: then the client
 * first sees the invitation already cancelled, and must never show it (dialog README: a dialog
 * first seen closed is never announced and never closed).
 */
async function beforeSubscribe(w: ChaosWorld, fault: Fault, when: When): Promise<void> {
  // The consumer already has a conversation with a pending invitation (e.g. the page reloaded).
  const setup = createConnection({
    accountId: ACCOUNT,
    auth: authenticated(() => w.authCode),
    endpoint: { socketUrl: w.emulator.socketUrl(ACCOUNT), domainApi: w.emulator.url },
    webSocketFactory: (url) => new WebSocket(url),
    fetch: (url, init) => fetch(url, init),
    ...FAST_CONNECTION,
  });
  // Held while the request runs, so the socket outlives the request's own pipeline (this setup
  // connection is not under test; see README.md, "Findings").
  const held = setup.connect().subscribe();
  const { body } = await firstValueFrom(setup.request('cm.ConsumerRequestConversation', undefined));
  held.unsubscribe();
  const pending = w.emulator.agent.invite({ mode: 'VIDEO_CALL', conversationId: body.conversationId });

  let hit = false;
  w.relay.onServerText = (text, pair) => {
    if (hit || !text.includes('"cqm.SubscribeExConversationsResponse"')) return;
    hit = true;
    pair.mode = fault === 'silence' ? 'silent' : 'closes-only'; // the answer never reaches the client
  };
  w.start();
  await until('the subscription answer was held back', () => hit);
  expect(w.record.invitations).toEqual([]);
  const before = opens(w);
  const idpCalls = w.idpCalls();
  await inject(w, fault);
  if (when === 'during') {
    w.emulator.agent.cancel({ dialogId: pending.dialogId });
    await until('reconnected', () => opens(w) > before);
    expectRecovery(w, fault, idpCalls);
    await expectCleanEnd(w, pending.dialogId, 'never-shown');
    return;
  }
  await until('reconnected', () => opens(w) > before);

  let dialogId = pending.dialogId;
  if (restarts(fault)) {
    // The new emulator knows nothing: the pending invitation is gone; a new conversation and invitation.
    dialogId = (await invite(w)).dialogId;
  } else {
    await until('the invitation is shown', () => w.record.invitations.length > 0 && w.session().status === 'offered');
  }
  w.emulator.agent.cancel({ dialogId });
  await until('closed$', () => w.record.closed.length > 0);
  expectRecovery(w, fault, idpCalls);
  await expectCleanEnd(w, dialogId, 'cancelled');
}

/** The agent's move at each later step, and how the call must end. */
const AGENT: Readonly<Record<Exclude<Step, 'before-subscribe'>, { readonly act: (w: ChaosWorld, dialogId: string) => void; readonly reason: CloseReason }>> = {
  invited: { act: (w, dialogId) => w.emulator.agent.cancel({ dialogId }), reason: 'cancelled' },
  // The call service's ACCEPTED (accepted$ once), then the agent hangs up.
  accepted: { act: (w, dialogId) => w.emulator.agent.accept({ dialogId }), reason: 'hangup' },
  'server-accepted': { act: (w, dialogId) => w.emulator.agent.hangup({ dialogId }), reason: 'hangup' },
};

/** Steps 2–4: reach the step, inject the fault, let the agent act during or after the outage. */
async function laterStep(w: ChaosWorld, step: Exclude<Step, 'before-subscribe'>, fault: Fault, when: When): Promise<void> {
  const { dialogId } = await reachStep(w, step);
  const before = opens(w);
  const idpCalls = w.idpCalls();
  const agent = AGENT[step];
  await inject(w, fault);
  if (restarts(fault)) {
    // The new emulator knows no conversation: the call ends, and the agent has nothing to act on.
    await until('reconnected', () => opens(w) > before);
    await until('closed$', () => w.record.closed.length > 0);
    expectRecovery(w, fault, idpCalls);
    await expectCleanEnd(w, dialogId, 'conversation-closed', step === 'server-accepted');
    return;
  }
  if (when === 'during') agent.act(w, dialogId);
  await until('reconnected', () => opens(w) > before);
  if (when === 'after') agent.act(w, dialogId);
  if (step === 'accepted') {
    await until('accepted$', () => w.record.accepted.length > 0);
    w.emulator.agent.hangup({ dialogId });
  }
  await until('closed$', () => w.record.closed.length > 0);
  expectRecovery(w, fault, idpCalls);
  await expectCleanEnd(w, dialogId, agent.reason, step !== 'invited');
}

const LATER: readonly Exclude<Step, 'before-subscribe'>[] = ['invited', 'accepted', 'server-accepted'];

/** The matrix: every step × every fault (and, where the agent can act, during or after the outage). */
const MATRIX: readonly Cell[] = [
  ...LINK_FAULTS.flatMap((fault): Cell[] => [
    { step: 'before-subscribe', fault, when: 'during', ending: 'never-shown' },
    { step: 'before-subscribe', fault, when: 'after', ending: 'cancelled' },
  ]),
  ...RESTARTS.map((fault): Cell => ({ step: 'before-subscribe', fault, when: 'after', ending: 'cancelled' })),
  ...LATER.flatMap((step) => [
    ...LINK_FAULTS.flatMap((fault) => (['during', 'after'] as const).map((when): Cell => ({ step, fault, when, ending: AGENT[step].reason }))),
    ...RESTARTS.map((fault): Cell => ({ step, fault, when: 'n/a', ending: 'conversation-closed' })),
  ]),
];

describe('chaos: call steps × faults over real sockets', () => {
  test.each(MATRIX)('[$step | $fault | agent acts $when] → $ending', async ({ step, fault, when }) => {
    const w = await newWorld();
    if (step === 'before-subscribe') await beforeSubscribe(w, fault, when);
    else await laterStep(w, step, fault, when);
  });

  it('covers every step × every fault', () => {
    const cells = new Set(MATRIX.map((c) => `${c.step}/${c.fault}`));
    expect(cells.size).toBe(4 * 6);
  });
});
