/** @jest-environment node */
/**
 * Chaos over real sockets, the consumer's side (issue #14 point 5): the consumer answers an
 * invitation while the link is down — accepting or declining needs no socket (it goes through
 * lpTag), so the client must reconcile its own move with the listing it gets after reconnecting —
 * and a burst of faults of every link kind in a row, one hitting the re-authentication.
 * Titles and checks as in call-steps.spec.ts (see README.md).
 */
import { lastValueFrom } from 'rxjs';
import { sleep, until, type ChaosWorld } from './world';
import { expectCleanEnd, expectRecovery, inject, invite, LINK_FAULTS, newWorld, opens, useChaosWorlds, type Fault } from './scenario';

useChaosWorlds();

type Move = 'accept' | 'decline';

/** A started client with an offered invitation. */
async function offered(w: ChaosWorld): Promise<string> {
  w.start();
  await until('open', () => w.connection().status === 'open');
  return (await invite(w)).dialogId;
}

describe('chaos: the consumer answers during the outage', () => {
  const cells = LINK_FAULTS.flatMap((fault) =>
    (['accept', 'decline'] as const).map((move) => ({ fault, move, label: move === 'accept' ? 'consumer accepts during' : 'consumer declines during', ending: move === 'accept' ? 'hangup' : 'declined' })),
  );

  test.each(cells)('[invited | $fault | $label] → $ending', async ({ fault, move }: { readonly fault: Fault; readonly move: Move }) => {
    const w = await newWorld();
    const dialogId = await offered(w);
    const invitation = w.record.invitations[0];
    if (invitation === undefined) throw new Error('no invitation');
    const before = opens(w);
    const idpCalls = w.idpCalls();
    await inject(w, fault);
    // The accept is done when the server says ACCEPTED; the decline at once.
    const answered = lastValueFrom(move === 'accept' ? w.client.accept(invitation) : w.client.decline(invitation)).then((state) => state.status);
    await until('answered', () => w.session().status === (move === 'accept' ? 'joining' : 'declined'));
    await until('reconnected', () => opens(w) > before);
    expectRecovery(w, fault, idpCalls);
    if (move === 'accept') {
      // The call service's ACCEPTED arrives on the new socket; then the agent hangs up.
      w.emulator.agent.accept({ dialogId });
      await until('accepted$', () => w.record.accepted.length > 0);
      expect(await answered).toBe('active');
      w.emulator.agent.hangup({ dialogId });
      await until('closed$ after the hang-up', () => w.session().status === 'ended');
      await expectCleanEnd(w, dialogId, 'hangup', true);
    } else {
      // The fake lpTag tells the server nothing: the listing after the reconnect still says INVITED,
      // and the client must not show it again; the agent's cancel then closes nothing more.
      w.emulator.agent.cancel({ dialogId });
      await expectCleanEnd(w, dialogId, 'declined');
    }
  });
});

describe('chaos: a burst of faults', () => {
  test('[server-accepted | drop ×3, 4401, drop during re-auth, silence | agent acts after] → hangup', async () => {
    const w = await newWorld();
    const dialogId = await offered(w);
    const invitation = w.record.invitations[0];
    if (invitation === undefined) throw new Error('no invitation');
    const accepted = lastValueFrom(w.client.accept(invitation));
    await until('joining', () => w.session().status === 'joining');
    w.emulator.agent.accept({ dialogId });
    await until('accepted$', () => w.record.accepted.length === 1);
    expect((await accepted).status).toBe('active');
    const idpCalls = w.idpCalls();
    for (const [fault, pauseMs] of [['drop', 60], ['drop', 60], ['drop', 60], ['4401', 20], ['drop', 30], ['silence', 0]] as const) {
      await inject(w, fault);
      await sleep(pauseMs);
    }
    // A silence that hits a socket still opening leaves it CONNECTING: it must be given up (the
    // first run of this test found that it was not: lib/transport/socket-session.ts).
    await until('open at last', () => w.connection().status === 'open', 8_000);
    expect(w.idpCalls()).toBeGreaterThan(idpCalls);
    w.emulator.agent.hangup({ dialogId });
    await until('closed$', () => w.record.closed.length > 0, 8_000);
    await expectCleanEnd(w, dialogId, 'hangup', true);
  });
});
