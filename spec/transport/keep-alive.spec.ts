import { NEVER, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { keepAlive } from '../../lib/transport/keep-alive';

describe('peers §3.3 keep-alive and half-open detection', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });
  const config = { idleMs: 5, deadlineMs: 3 };

  it('probes after each idle period and stays silent while probes are answered', () => {
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const activity = hot('-------------');
      const probe = cold('--r');
      expectObservable(keepAlive(activity, NEVER, () => probe, config, scheduler), '^-------------!').toBe('');
      expectSubscriptions(probe.subscriptions).toBe(['-----^-!', '----------^-!']);
    });
  });

  it('outbound activity postpones the probe', () => {
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const activity = hot('---a-----');
      const probe = cold('-r');
      expectObservable(keepAlive(activity, NEVER, () => probe, config, scheduler), '^---------!').toBe('');
      expectSubscriptions(probe.subscriptions).toBe(['--------^!']);
    });
  });

  it('an unanswered probe is a half-open socket: emits once after the deadline and completes', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const probe = cold('------r');
      expectObservable(keepAlive(NEVER, NEVER, () => probe, config, scheduler)).toBe('--------(h|)', { h: 'half-open' });
      expectSubscriptions(probe.subscriptions).toBe('-----^--!');
    });
  });

  it('a probe that fails in another way (error response, socket gone) is not half-open', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const probe = cold('-#', {}, new Error('RequestError 500'));
      expectObservable(keepAlive(NEVER, NEVER, () => probe, config, scheduler), '^-----------!').toBe('');
    });
  });

  it('keep-alives never stack up: no second probe while one is in flight', () => {
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const probe = cold('-------r');
      const slow = { idleMs: 2, deadlineMs: 10 };
      expectObservable(keepAlive(NEVER, NEVER, () => probe, slow, scheduler), '^-----------!').toBe('');
      expectSubscriptions(probe.subscriptions).toBe(['--^------!', '----------^-!']);
    });
  });

  it('issue 14: a busy socket is never half-open — inbound frames while the pong is late restart the deadline', () => {
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      // The pong is queued behind a flood: it arrives 9 frames after the probe, frames keep coming meanwhile.
      const probe = cold('---------r');
      const inbound = hot('------f-f-f-f-f-f-f');
      expectObservable(keepAlive(NEVER, inbound, () => probe, config, scheduler), '^-----------------!').toBe('');
      // Answered at 14 (no half-open at 8 though the deadline is 3); the next probe at 15 is answered too late to see.
      expectSubscriptions(probe.subscriptions).toBe(['-----^--------!', '---------------^--!']);
    });
  });

  it('the last frame after the probe restarts the deadline; silence for the deadline then is half-open', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const probe = cold('------r');
      const inbound = hot('f-f-f-f-------');
      expectObservable(keepAlive(NEVER, inbound, () => probe, config, scheduler)).toBe('---------(h|)', { h: 'half-open' });
    });
  });

  it('a stall of the page itself is not half-open: frames read in the same turn as the overdue deadline count', () => {
    scheduler.run(({ cold, expectObservable }) => {
      const probe = cold('------r');
      const inbound = new Subject<void>();
      // Probe at 5, deadline at 8; a frame that arrived during a stall is read at 8, after the deadline's timer ran.
      scheduler.schedule(() => scheduler.schedule(() => inbound.next(), 2), 6);
      expectObservable(keepAlive(NEVER, inbound, () => probe, config, scheduler), '^----------!').toBe('');
    });
  });

  it('inbound frames do not postpone the probe (LivePerson cuts sockets idle on OUR side)', () => {
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const probe = cold('-r');
      const inbound = hot('-f-f-f-f-f');
      expectObservable(keepAlive(NEVER, inbound, () => probe, config, scheduler), '^-------!').toBe('');
      expectSubscriptions(probe.subscriptions).toBe(['-----^!']);
    });
  });

  it('stops probing on unsubscribe (nothing left scheduled)', () => {
    const activity = new Subject<void>();
    let probes = 0;
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(
        keepAlive(
          activity,
          NEVER,
          () => {
            probes += 1;
            return cold('-r');
          },
          config,
          scheduler,
        ),
        '^-------!',
      ).toBe('');
    });
    expect(probes).toBe(1);
    expect(scheduler.actions).toHaveLength(0);
  });
});
