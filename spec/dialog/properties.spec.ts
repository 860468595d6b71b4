import fc from 'fast-check';
import type { DialogEvent } from '../../lib/dialog/types';
import { wire } from './helpers';
import { actionArb, deliver, deliveryArb, observe, play } from './history';

const count = (ids: readonly string[], id: string) => ids.filter((x) => x === id).length;

/** The last thing `dialog$` said of dialog `id`. */
const lastEventOf = (events: readonly DialogEvent[], id: string) => events.filter((e) => e.dialog.dialogId === id).at(-1);

/** An open invitation on `dialog$`: its last event announced or updated it while INVITED. */
const isOpenInvitation = (event: DialogEvent | undefined) => (event?.type === 'invited' || event?.type === 'updated') && event.dialog.sessionState === 'INVITED';

describe('dialog streams under duplicated, reordered and replayed snapshots (property)', () => {
  it('announce each invitation at most once, close each closed dialog exactly once, and say nothing after a close', () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { minLength: 1, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.array(fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }), { minLength: 25, maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        (actions, cuts, copies, lost) => {
          const history = play(actions);
          const out = observe(deliver(history.steps, cuts, copies, lost).map(wire));
          for (const dialog of history.dialogs) {
            const conversation = history.conversations.get(dialog.conversation);
            const ended = dialog.phase === 'CLOSED' || dialog.phase === 'VANISHED' || conversation?.closed === true || conversation?.deleted === true;
            const own = out.events.filter((e) => e.dialog.dialogId === dialog.id);
            const closes = out.closed.filter((c) => c.id === dialog.id);
            expect(count(out.invited, dialog.id)).toBeLessThanOrEqual(1);
            expect(count(out.accepted, dialog.id)).toBeLessThanOrEqual(1);
            expect(own.slice(0, -1).some((e) => e.type === 'closed')).toBe(false); // nothing after the close
            if (ended) {
              expect(closes).toHaveLength(own.length > 0 ? 1 : 0);
              const expectedReasons = count(out.accepted, dialog.id) > 0 ? ['hangup', 'conversation-closed'] : ['cancelled', 'conversation-closed'];
              for (const c of closes) expect(expectedReasons).toContain(c.reason);
            } else {
              expect(closes).toHaveLength(0);
              expect(count(out.invited, dialog.id) + count(out.accepted, dialog.id)).toBeGreaterThan(0);
              if (dialog.phase === 'INVITED') expect([count(out.invited, dialog.id), count(out.accepted, dialog.id)]).toEqual([1, 0]);
              else expect(count(out.accepted, dialog.id)).toBe(1);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the call view shows calls only, one at a time: each invitation$ ends on closed$ before the next is shown, and none waits while no call is shown', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 25 }), deliveryArb, (actions, [cuts, copies, lost]) => {
        const out = observe(deliver(play(actions).steps, cuts, copies, lost).map(wire));
        // Each stream says what the steps told, in the steps' order.
        expect(out.invitations).toEqual(out.calls.flatMap((c) => (c.startsWith('invitation:') ? [c.slice('invitation:'.length)] : [])));
        expect(out.closedCalls.map((c) => `closed:${c.id}:${c.reason}`)).toEqual(out.calls.filter((c) => c.startsWith('closed:')));
        expect(out.acceptedCalls).toEqual([]); // nobody accepts here
        let shown: string | undefined;
        for (const label of out.calls) {
          const [type, id, reason] = label.split(':');
          if (type === 'invitation') {
            expect(shown).toBeUndefined();
            expect(out.events.find((e) => e.type === 'invited' && e.dialog.dialogId === id)?.dialog.isCall).toBe(true);
            expect(count(out.invitations, id ?? '')).toBe(1);
            shown = id;
          } else {
            expect([type, id]).toEqual(['closed', shown]);
            expect(['cancelled', 'conversation-closed', 'answered-elsewhere']).toContain(reason);
            shown = undefined;
          }
        }
        if (shown !== undefined) expect(isOpenInvitation(lastEventOf(out.events, shown))).toBe(true);
        else for (const id of new Set(out.invited)) if (lastEventOf(out.events, id)?.dialog.isCall === true) expect(isOpenInvitation(lastEventOf(out.events, id))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
