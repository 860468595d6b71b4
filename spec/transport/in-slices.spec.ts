import fc from 'fast-check';
import { type SchedulerAction, type SchedulerLike, Subject, Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { inSlices } from '../../lib/transport/in-slices';

/**
 * A scheduler run by hand: `now()` is a clock the test advances (the "work" downstream costs time),
 * scheduled actions wait until `runTurn()` (one macrotask of the event loop).
 */
class HandScheduler implements SchedulerLike {
  clock = 0;
  readonly pending: (() => void)[] = [];
  now(): number {
    return this.clock;
  }
  schedule<T>(work: (this: SchedulerAction<T>, state: T) => void, delay = 0, state?: T): Subscription {
    return new HandAction(this, work).schedule(state, delay);
  }
  /** Runs the next scheduled action; false if there was none. */
  runTurn(): boolean {
    const next = this.pending.shift();
    next?.();
    return next !== undefined;
  }
}

class HandAction<T> extends Subscription implements SchedulerAction<T> {
  constructor(
    private readonly host: HandScheduler,
    private readonly work: (this: SchedulerAction<T>, state: T) => void,
  ) {
    super();
  }
  schedule(state?: T, _delay?: number): Subscription {
    this.host.pending.push(() => {
      if (!this.closed) this.work.call(this, state as T);
    });
    return this;
  }
}

describe('inSlices (issue 14: a flood must not hold the event loop)', () => {
  describe('marbles', () => {
    let scheduler: TestScheduler;
    beforeEach(() => {
      scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    });

    it('cheap values pass through unchanged, in order, with the completion', () => {
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const source = hot('--a-(bcd)--e--|');
        expectObservable(source.pipe(inSlices(10, scheduler))).toBe('--a-(bcd)--e--|');
        expectSubscriptions(source.subscriptions).toBe('^-------------!');
      });
    });

    it('with no budget at all, every value still comes, in order, then the error', () => {
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const source = hot('--(abc)--d--#');
        expectObservable(source.pipe(inSlices(0, scheduler))).toBe('--(abc)--d--#');
        expectSubscriptions(source.subscriptions).toBe('^-----------!');
      });
    });

    it('unsubscribing stops the source and leaves nothing scheduled', () => {
      scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
        const source = hot('--a--b--c--d');
        expectObservable(source.pipe(inSlices(0, scheduler)), '^------!').toBe('--a--b--');
        expectSubscriptions(source.subscriptions).toBe('^------!');
      });
      expect(scheduler.actions).toHaveLength(0);
    });
  });

  describe('slices (a hand-run scheduler; each value costs 1 ms downstream)', () => {
    const setup = (budgetMs: number) => {
      const hand = new HandScheduler();
      const source = new Subject<string>();
      const seen: string[] = [];
      let done = false;
      const subscription = source.pipe(inSlices(budgetMs, hand)).subscribe({
        next: (value) => {
          seen.push(value);
          hand.clock += 1;
        },
        complete: () => (done = true),
      });
      return { hand, source, seen, subscription, isDone: () => done };
    };

    it('a burst longer than the budget is cut: a slice now, the rest one slice per turn', () => {
      const { hand, source, seen } = setup(3);
      for (const value of 'abcdefghi') source.next(value);
      expect(seen).toEqual(['a', 'b', 'c']);
      hand.runTurn();
      expect(seen.join('')).toBe('abcdef');
      hand.runTurn();
      expect(seen.join('')).toBe('abcdefghi');
      expect(hand.runTurn()).toBe(false); // nothing left scheduled
    });

    it('values arriving while others wait queue behind them (order kept), then the completion', () => {
      const { hand, source, seen, isDone } = setup(2);
      for (const value of 'abcd') source.next(value);
      expect(seen.join('')).toBe('ab');
      source.next('e');
      source.complete();
      expect(isDone()).toBe(false);
      while (hand.runTurn());
      expect(seen.join('')).toBe('abcde');
      expect(isDone()).toBe(true);
    });

    it('after the loop had its turn, a new value opens a new slice and passes synchronously', () => {
      const { hand, source, seen } = setup(2);
      for (const value of 'abc') source.next(value);
      while (hand.runTurn());
      expect(seen.join('')).toBe('abc');
      source.next('d');
      expect(seen.join('')).toBe('abcd');
    });

    it('a slow value still makes progress: at least one per turn', () => {
      const hand = new HandScheduler();
      const source = new Subject<string>();
      const seen: string[] = [];
      source.pipe(inSlices(1, hand)).subscribe((value) => {
        seen.push(value);
        hand.clock += 50;
      });
      for (const value of 'abc') source.next(value);
      expect(seen).toEqual(['a']);
      hand.runTurn();
      expect(seen).toEqual(['a', 'b']);
      hand.runTurn();
      expect(seen).toEqual(['a', 'b', 'c']);
    });

    it('unsubscribing drops what waits and cancels the turn', () => {
      const { hand, source, seen, subscription } = setup(1);
      for (const value of 'abcd') source.next(value);
      subscription.unsubscribe();
      while (hand.runTurn());
      expect(seen).toEqual(['a']);
      expect(source.observed).toBe(false);
    });
  });

  describe('property', () => {
    type Step = { readonly kind: 'value'; readonly cost: number } | { readonly kind: 'turn' };
    const step = fc.oneof(
      fc.record({ kind: fc.constant('value' as const), cost: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ kind: fc.constant('turn' as const) }),
    );

    it('never loses, duplicates or reorders a value (e.g. a dialog INVITED → ACCEPTED → CLOSED), whatever the costs, budget and turns', () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 0, max: 8 }), (steps: readonly Step[], budgetMs) => {
          const hand = new HandScheduler();
          const source = new Subject<{ readonly index: number; readonly cost: number }>();
          const seen: number[] = [];
          let completed = 0;
          source.pipe(inSlices(budgetMs, hand)).subscribe({
            next: ({ index, cost }) => {
              seen.push(index);
              hand.clock += cost;
            },
            complete: () => (completed += 1),
          });
          let sent = 0;
          for (const s of steps) {
            if (s.kind === 'turn') hand.runTurn();
            else source.next({ index: sent++, cost: s.cost });
            // Whatever came out so far is a prefix of what went in.
            expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i));
          }
          source.complete();
          while (hand.runTurn());
          expect(seen).toEqual(Array.from({ length: sent }, (_, i) => i));
          expect(completed).toBe(1);
          expect(hand.pending).toHaveLength(0);
        }),
      );
    });
  });
});
