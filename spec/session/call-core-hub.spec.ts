import { EMPTY, NEVER, Observable, map, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { InboundFrame } from '../../lib/protocol/types';
import { createCallCoreHub, type CallCoreSources, type CoreStep, type SessionPorts } from '../../lib/session';
import { MAX_TIMER_DELAY_MS } from '../../lib/scheduling/clamp-delay';
import { DIALOG, dialog, snapshot } from '../dialog/helpers';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const FAR = 10 ** 13;
const inv = snapshot([dialog({ expiresAt: FAR, ts: 1 })]);
const clo = snapshot([dialog({ expiresAt: FAR, sessionState: 'CLOSED', ts: 2 })]);
const quietPorts: SessionPorts = { publish: () => NEVER, callScreen: () => NEVER };
const status = (step: CoreStep) => step.state.status;

function sources(frame$: Observable<InboundFrame>, rest: Partial<CallCoreSources> = {}): CallCoreSources {
  return { frame$, resume$: rest.resume$ ?? NEVER, sessionError$: rest.sessionError$ ?? NEVER };
}

describe('createCallCoreHub', () => {
  it('runs while subscribed: the sources are subscribed with the first subscriber and unsubscribed with the last', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const frame$ = cold('-i---c', { i: inv, c: clo });
      const hub = createCallCoreHub(sources(frame$), quietPorts, { scheduler: new VirtualTimeScheduler() });
      const states$ = hub.step$.pipe(map(status));
      expectObservable(states$, '^------!').toBe('si---e-', { s: 'idle', i: 'invited', e: 'ended' });
      expectObservable(states$, '--^--!').toBe('--i----', { i: 'invited' }); // a late subscriber first gets the current step
      expectSubscriptions(frame$.subscriptions).toBe('^------!');
    });
  });

  it('a subscriber after the last one left starts a fresh run', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const frame$ = cold('-i', { i: inv });
      const hub = createCallCoreHub(sources(frame$), quietPorts, { scheduler: new VirtualTimeScheduler() });
      const states$ = hub.step$.pipe(map(status));
      expectObservable(states$, '^--!').toBe('si-', { s: 'idle', i: 'invited' });
      expectObservable(states$, '----^--!').toBe('----si-', { s: 'idle', i: 'invited' });
      expectSubscriptions(frame$.subscriptions).toBe(['^--!', '----^--!']);
    });
  });

  it('the sources completing completes every subscriber; an error errors them', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const done = createCallCoreHub(sources(cold('-i|', { i: inv })), quietPorts, { scheduler: new VirtualTimeScheduler() });
      expectObservable(done.step$.pipe(map(status))).toBe('si|', { s: 'idle', i: 'invited' });
      const broken = createCallCoreHub(sources(cold('-#', undefined, new Error('boom'))), quietPorts, { scheduler: new VirtualTimeScheduler() });
      expectObservable(broken.step$.pipe(map(status))).toBe('s#', { s: 'idle' }, new Error('boom'));
    });
  });

  it('a dispatch inside a handler is applied after the step reached every subscriber', () => {
    const hub = createCallCoreHub(sources(new Observable<InboundFrame>((s) => s.next(inv))), quietPorts, { scheduler: new VirtualTimeScheduler() });
    const log: string[] = [];
    const first = hub.step$.subscribe((step) => {
      log.push(`first:${status(step)}`);
      if (status(step) === 'invited') hub.dispatch({ type: 'intent', id: 1, intent: { type: 'accept', dialogId: DIALOG } });
    });
    const second = hub.step$.subscribe((step) => log.push(`second:${status(step)}`));
    expect(log).toEqual(['first:idle', 'first:invited', 'first:accepting', 'second:accepting']);
    log.length = 0;
    hub.dispatch({ type: 'session-error', error: { id: 'X', message: 'm' } });
    expect(log).toEqual(['first:failed', 'second:failed']);
    first.unsubscribe();
    second.unsubscribe();
  });

  it('a step that reaches subscriber A before B: B never sees a later step first', () => {
    const hub = createCallCoreHub(sources(NEVER), quietPorts, { scheduler: new VirtualTimeScheduler() });
    const seen: number[] = [];
    const a = hub.step$.subscribe((step) => {
      if (step.seq === 0) hub.dispatch({ type: 'session-error', error: { id: 'X', message: 'm' } });
    });
    const b = hub.step$.subscribe((step) => seen.push(step.seq));
    expect(seen).toEqual([1]); // the replay of the current step, which is already step 1
    a.unsubscribe();
    b.unsubscribe();
  });

  it('dispatch without a run is dropped', () => {
    const hub = createCallCoreHub(sources(EMPTY), quietPorts, { scheduler: new VirtualTimeScheduler() });
    expect(() => hub.dispatch({ type: 'tick' })).not.toThrow();
  });

  it('runs the effects before delivering: the call screen exists when a subscriber sees accepting', () => {
    const log: string[] = [];
    const ports: SessionPorts = {
      publish: () => NEVER,
      callScreen: () => new Observable(() => (log.push('screen:open'), () => log.push('screen:close'))),
    };
    const hub = createCallCoreHub(sources(new Observable<InboundFrame>((s) => s.next(inv))), ports, { scheduler: new VirtualTimeScheduler() });
    const subscription = hub.step$.subscribe((step) => log.push(status(step)));
    hub.dispatch({ type: 'intent', id: 1, intent: { type: 'accept', dialogId: DIALOG } });
    subscription.unsubscribe();
    expect(log).toEqual(['idle', 'invited', 'screen:open', 'accepting', 'screen:close']);
  });

  it('one timer for the next expiry, clamped to what timers hold and re-armed when it fires early', () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    const thirtyDays = 30 * 24 * 3600 * 1000;
    // No creationTs / metaDataLastUpdateTs: the expires rule has no reference time, so its one-day horizon does not apply.
    const far = snapshot([dialog({ expiresAt: thirtyDays, creationTs: null, metaDataLastUpdateTs: null })], { ts: 1 });
    const hub = createCallCoreHub(sources(new Observable<InboundFrame>((s) => s.next(far))), quietPorts, { scheduler });
    const states: string[] = [];
    const subscription = hub.step$.subscribe((step) => states.push(status(step)));
    const pending = () => scheduler.actions.filter((action) => !action.closed);
    expect(pending()).toHaveLength(1);
    expect(pending()[0]?.delay).toBe(MAX_TIMER_DELAY_MS);
    scheduler.flush();
    expect(states.at(-1)).toBe('expired');
    expect(scheduler.frame).toBe(thirtyDays);
    subscription.unsubscribe();
    expect(pending()).toHaveLength(0);
  });
});
