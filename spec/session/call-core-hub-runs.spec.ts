import { config, NEVER, Observable, Subject, VirtualTimeScheduler, type Subscription } from 'rxjs';
import type { InboundFrame } from '../../lib/protocol/types';
import { createCallCoreHub, type CallCoreSources, type CoreStep, type SessionPorts } from '../../lib/session';
import { DIALOG, dialog, snapshot } from '../dialog/helpers';

const quietPorts: SessionPorts = { publish: () => NEVER, callScreen: () => NEVER };
const status = (step: CoreStep) => step.state.status;
const sources = (frame$: Observable<InboundFrame>): CallCoreSources => ({ frame$, resume$: NEVER, sessionError$: NEVER });
/** An invitation of DIALOG that never expires (no expiry timer). */
const timeless = dialog({ ts: 1, expiresAt: null });
const accept = { type: 'intent', id: 1, intent: { type: 'accept', dialogId: DIALOG } } as const;

/**
 * Runs `body` with rxjs' `config.onStoppedNotification` recording every notification pushed to a
 * subscriber that had already stopped (rxjs drops those silently, and reports them on a timeout).
 */
async function stoppedNotifications(body: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const before = config.onStoppedNotification;
  config.onStoppedNotification = (notification) => seen.push(notification);
  try {
    body();
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    config.onStoppedNotification = before;
  }
  return seen;
}

describe('createCallCoreHub: delivery to subscribers that come and go', () => {
  it('a subscriber that leaves while a step is being delivered is not pushed that step', async () => {
    const frames = new Subject<InboundFrame>();
    const hub = createCallCoreHub(sources(frames), quietPorts, { scheduler: new VirtualTimeScheduler() });
    const log: string[] = [];
    const first = hub.step$.subscribe((step) => {
      if (status(step) === 'invited') second.unsubscribe();
    });
    const second = hub.step$.subscribe((step) => log.push(status(step)));
    const stopped = await stoppedNotifications(() => frames.next(snapshot([timeless])));
    expect(log).toEqual(['idle']);
    expect(stopped).toEqual([]);
    first.unsubscribe();
  });

  it('a subscriber of a new run never sees a step of the run before it', () => {
    const log: string[] = [];
    let replacement: Subscription | undefined;
    // A call screen whose opening makes the host leave and a new subscriber start a fresh run.
    const ports: SessionPorts = {
      publish: () => NEVER,
      callScreen: () =>
        new Observable<never>(() => {
          if (replacement !== undefined) return;
          host.unsubscribe();
          replacement = hub.step$.subscribe((step) => log.push(`new:${status(step)}`));
        }),
    };
    const hub = createCallCoreHub(sources(new Observable<InboundFrame>((s) => s.next(snapshot([timeless])))), ports, {
      scheduler: new VirtualTimeScheduler(),
    });
    const host = hub.step$.subscribe((step) => log.push(`host:${status(step)}`));
    hub.dispatch(accept);
    expect(log).toEqual(['host:idle', 'host:invited', 'new:idle', 'new:invited']);
    replacement?.unsubscribe();
  });
});

describe('createCallCoreHub: the expiry timer', () => {
  it('is armed once per expiry: steps that leave the next expiry as it is do not re-arm it', () => {
    const scheduler = new VirtualTimeScheduler();
    const schedule = jest.spyOn(scheduler, 'schedule');
    const frames = new Subject<InboundFrame>();
    const hub = createCallCoreHub(sources(frames), quietPorts, { scheduler });
    const states: string[] = [];
    const subscription = hub.step$.subscribe((step) => states.push(status(step)));
    frames.next(snapshot([dialog({ ts: 1, expiresAt: 5000 })]));
    hub.dispatch({ type: 'intent', id: 1, intent: { type: 'offer', dialogId: DIALOG } });
    hub.dispatch({ type: 'intent', id: 2, intent: { type: 'accept', dialogId: 'unknown' } });
    hub.dispatch({ type: 'session-error', error: { id: 'X', message: 'm' } });
    expect(states).toEqual(['idle', 'invited', 'invited', 'invited', 'failed']);
    expect(schedule).toHaveBeenCalledTimes(1);
    scheduler.flush();
    expect(scheduler.now()).toBe(5000);
    expect(schedule).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
  });

  it('an input still queued when the last subscriber leaves is dropped: no timer outlives the run', () => {
    const scheduler = new VirtualTimeScheduler();
    const frames = new Subject<InboundFrame>();
    const hub = createCallCoreHub(sources(frames), quietPorts, { scheduler });
    const expiring = snapshot([timeless, dialog({ dialogId: 'd2', ts: 2, expiresAt: 5000 })]);
    const subscription = hub.step$.subscribe((step) => {
      if (status(step) !== 'invited') return;
      frames.next(expiring); // queued behind this delivery…
      subscription.unsubscribe(); // …which ends the run first
    });
    frames.next(snapshot([timeless]));
    expect(frames.observed).toBe(false);
    expect(scheduler.actions.filter((action) => !action.closed)).toHaveLength(0);
  });
});
