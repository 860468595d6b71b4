/**
 * The moves every chaos spec shares: one world per test (disposed after it) with the escape log
 * on, the faults, reaching an offered invitation, and the checks every scenario ends with.
 */
import { firstValueFrom } from 'rxjs';
import type { CallInvitation, CloseReason } from '../../lib';
import { createChaosWorld, sleep, until, type ChaosWorld } from './world';
import { trackUnhandled, type UnhandledLog } from './unhandled';

export type Fault = 'drop' | '4401' | 'silence' | 'silent-open' | 'restart' | 'restart-new-key';

/** The faults that break the link but leave the server as it was. */
export const LINK_FAULTS: readonly Fault[] = ['drop', '4401', 'silence', 'silent-open'];
/** The faults that replace the server (see world.ts, restartEmulator). */
export const RESTARTS: readonly Fault[] = ['restart', 'restart-new-key'];

/** How the call must end: `never-shown` when it ended before the client could show it. */
export type Ending = CloseReason | 'never-shown';

let unhandled: UnhandledLog | undefined;
let world: ChaosWorld | undefined;
let lastWorld = 0;

const escapes = (): readonly string[] => unhandled?.escapes ?? [];

/** Call once at the top of a spec file: the escape log for the file, a world disposed after each test. */
export function useChaosWorlds(): void {
  beforeAll(() => {
    unhandled = trackUnhandled();
  });
  afterAll(() => unhandled?.stop());
  afterEach(async () => {
    await world?.dispose();
    world = undefined;
  });
}

/** A new world for this test (a new consumer: its own authCode). */
export async function newWorld(): Promise<ChaosWorld> {
  world = await createChaosWorld(`chaos-${++lastWorld}-${Date.now()}`);
  return world;
}

export const opens = (w: ChaosWorld): number => w.record.connections.filter((s) => s.status === 'open').length;
export const restarts = (fault: Fault): boolean => fault === 'restart' || fault === 'restart-new-key';
/** The faults after which the client's token is refused, so it must fetch a new one. */
export const refusesToken = (fault: Fault): boolean => fault === '4401' || fault === 'restart-new-key';

/** Applies the fault to every current link. */
export async function inject(w: ChaosWorld, fault: Fault): Promise<void> {
  if (fault === 'drop') w.relay.drop();
  else if (fault === 'silent-open') {
    // The link drops, and the reconnect's socket never opens (its upgrade goes unanswered).
    w.relay.silenceNext(1);
    w.relay.drop();
  } else if (fault === '4401') w.emulator.expireTokens();
  else if (fault === 'silence') w.relay.silence();
  else await w.restartEmulator({ newKey: fault === 'restart-new-key' });
}

export async function requestConversation(w: ChaosWorld): Promise<string> {
  const response = await firstValueFrom(w.client.connection.request('cm.ConsumerRequestConversation', undefined));
  return response.body.conversationId;
}

/** Invites (in a new conversation) and waits until the invitation is shown and offered. */
export async function invite(w: ChaosWorld): Promise<CallInvitation> {
  await requestConversation(w);
  const { dialogId } = w.emulator.agent.invite({ mode: 'VIDEO_CALL' });
  await until('the invitation is shown and offered', () => w.session().status === 'offered' && w.record.invitations.some((i) => i.dialogId === dialogId));
  const invitation = w.record.invitations.find((i) => i.dialogId === dialogId);
  if (invitation === undefined) throw new Error('no invitation');
  return invitation;
}

/**
 * After the last expected event: the client is open again and one more round trip went through the
 * socket, so anything the server sent before (a re-sent listing, a duplicate) has been processed.
 */
export async function settle(w: ChaosWorld): Promise<void> {
  await until('open again', () => w.connection().status === 'open');
  await firstValueFrom(w.client.connection.request('GetClock', undefined));
  await sleep(50);
}

/** The session's last state for `ending`: idle when never shown, declined by the consumer, else ended with the reason. */
function finalState(dialogId: string, ending: Ending): object {
  if (ending === 'never-shown') return { status: 'idle' };
  if (ending === 'declined') return { status: 'declined', dialog: { dialogId } };
  return { status: 'ended', reason: ending, dialog: { dialogId } };
}

/**
 * What every cell must end with: the call shown once and closed once with `ending` (`accepted`:
 * whether the call service's ACCEPTED reached `accepted$`), or never shown at all and the session
 * still idle. Then leaving closes everything.
 */
export async function expectCleanEnd(w: ChaosWorld, dialogId: string, ending: Ending, accepted = false): Promise<void> {
  await settle(w);
  const shown = ending === 'never-shown' ? [] : [dialogId];
  expect(w.record.invitations.map((i) => i.dialogId)).toEqual(shown);
  const offered = w.lpTag.publishes().filter((p) => p.eventName === 'cobrowseOffered');
  expect(offered).toHaveLength(shown.length);
  expect(w.record.accepted.map((a) => a.dialogId)).toEqual(accepted ? [dialogId] : []);
  expect(w.record.closed.map((c) => [c.dialog.dialogId, c.reason])).toEqual(ending === 'never-shown' ? [] : [[dialogId, ending]]);
  expect(w.session()).toMatchObject(finalState(dialogId, ending));
  expect(w.record.connections.some((s) => s.status === 'closed')).toBe(false);
  expect(w.record.ends).toEqual([]);
  expect(w.record.screen.length === 0 || w.record.screen.join() === 'created,removed').toBe(true);
  expect(escapes()).toEqual([]);

  w.relay.forgetSilent(); // a half-open pair the client left behind: the NAT finally forgets it
  w.leave();
  await until('the emulator saw the socket go', () => w.emulator.state().connections.length === 0);
  expect(w.lpTag.bindingCount()).toBe(0);
  expect(w.sockets.at(-1)?.closedWith).toBe(1000);
  expect(escapes()).toEqual([]);
}

/** What the fault itself must have caused: a re-auth exactly when the token was refused; half-open noticed; backoff while the server was away. */
export function expectRecovery(w: ChaosWorld, fault: Fault, idpCallsBefore: number): void {
  if (refusesToken(fault)) expect(w.idpCalls()).toBeGreaterThan(idpCallsBefore);
  else expect(w.idpCalls()).toBe(idpCallsBefore);
  if (fault === 'silence') expect(w.sockets.some((s) => s.closedWith === 4000)).toBe(true);
  // A socket that never opened was given up (not left CONNECTING for ever).
  if (fault === 'silent-open') expect(w.record.connections.some((s) => s.status === 'reconnecting' && s.cause === 'handshake-timeout')).toBe(true);
  // While the emulator was away, at least one reconnect found nobody and the client backed off again.
  if (restarts(fault)) expect(w.record.connections.some((s) => s.status === 'reconnecting' && s.attempt >= 2)).toBe(true);
}

