import fc from 'fast-check';
import { wire } from './helpers';
import { actionArb, deliver, observe, play } from './history';

const count = (ids: readonly string[], id: string) => ids.filter((x) => x === id).length;

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
});
