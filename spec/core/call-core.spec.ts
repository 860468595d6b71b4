/** callCore: the step as an operator — marble tests of its timing, inputs, time and teardown. */
import { map, share, Subject, VirtualTimeScheduler, type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { callCore } from '../../lib/core/call-core';
import type { CallInput, CallStep } from '../../lib/core/types';
import type { InboundFrame } from '../../lib/protocol/types';
import { dialog, snapshot } from '../dialog/helpers';
import { stateLabel } from './driver';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const ID = 'call-1';
const FAR = 10 ** 13;
const frames: Record<string, InboundFrame> = {
  i: snapshot([dialog({ dialogId: ID, expiresAt: FAR, ts: 1 })]),
  a: snapshot([dialog({ dialogId: ID, expiresAt: FAR, sessionState: 'ACCEPTED', notificationKey: 'accepted', ts: 2 })]),
  c: snapshot([dialog({ dialogId: ID, expiresAt: FAR, sessionState: 'CLOSED', ts: 3 })]),
  e: snapshot([dialog({ dialogId: ID, expiresAt: 50, ts: 1 })]), // expires at 50 ms
};
const accept: CallInput = { type: 'intent', id: 1, intent: 'accept', dialogId: ID };

/** Each step as the label of its state (`idle`, `invited:call-1`, …). */
const states = (step$: Observable<CallStep>) => step$.pipe(map((step) => stateLabel(step.session)));

describe('callCore()', () => {
  it('emits the initial step on subscribe, then a step per input that changed something, and completes with the frames', () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const frame$ = cold('-i-i--c|', frames);
      expectObservable(frame$.pipe(callCore(), states)).toBe('si----c|', { s: 'idle', i: `invited:${ID}`, c: `ended:${ID}:cancelled` });
      expectSubscriptions(frame$.subscriptions).toBe('^------!');
    });
  });

  it('applies the other inputs (a command) in order with the frames', () => {
    newScheduler().run(({ cold, hot, expectObservable }) => {
      const inputs = hot<CallInput>('---x-----', { x: accept });
      expectObservable(cold('-i----a-', frames).pipe(callCore({ inputs }), states)).toBe('si-x--a-', {
        s: 'idle',
        i: `invited:${ID}`,
        x: `accepting:${ID}`,
        a: `active:${ID}:×0`,
      });
    });
  });

  it('expires an invitation on its scheduler, and tears the timer down with the subscription', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable, expectSubscriptions }) => {
      const frame$ = cold('-e----', frames);
      expectObservable(frame$.pipe(callCore({ scheduler }), states), '^ 60ms !').toBe('se 48ms x', { s: 'idle', e: `invited:${ID}`, x: `expired:${ID}` });
      expectSubscriptions(frame$.subscriptions).toBe('^ 60ms !');
    });
    expect(scheduler.actions).toHaveLength(0);
  });

  it('an unsubscription before the expiry leaves no timer behind', () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold('-e', frames).pipe(callCore({ scheduler }), states), '^--!').toBe('se-', { s: 'idle', e: `invited:${ID}` });
    });
    expect(scheduler.actions).toHaveLength(0);
    // Without a flush at the end (TestScheduler.run runs every action left): the timer is gone at once.
    const clock = new VirtualTimeScheduler();
    const frame$ = new Subject<InboundFrame>();
    const subscription = frame$.pipe(callCore({ scheduler: clock })).subscribe();
    frame$.next(frames['e'] as InboundFrame);
    expect(clock.actions).toHaveLength(1);
    subscription.unsubscribe();
    expect(clock.actions.filter((action) => !action.closed)).toHaveLength(0);
  });

  it('passes a frame error on, and an empty source gives the initial step and completes', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('-i-#', frames).pipe(callCore(), states)).toBe('si-#', { s: 'idle', i: `invited:${ID}` });
      expectObservable(cold<InboundFrame>('|').pipe(callCore(), states)).toBe('(s|)', { s: 'idle' });
      expectObservable(cold<InboundFrame>('-').pipe(callCore(), states)).toBe('s', { s: 'idle' });
    });
  });

  it('is cold: each subscription runs its own core', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const core$ = cold('-i|', frames).pipe(callCore(), states);
      expectObservable(core$).toBe('si|', { s: 'idle', i: `invited:${ID}` });
      expectObservable(core$).toBe('si|', { s: 'idle', i: `invited:${ID}` });
    });
  });

  it('an input sent while a step is delivered waits until that step reached every subscriber', () => {
    const frameSubject$ = new Subject<InboundFrame>();
    const inputSubject$ = new Subject<CallInput>();
    const step$ = frameSubject$.pipe(callCore({ inputs: inputSubject$, scheduler: new VirtualTimeScheduler() }), share());
    const seen: string[] = [];
    step$.subscribe((step) => {
      seen.push(`A:${step.session.status}`);
      if (step.session.status === 'invited') inputSubject$.next(accept); // a host accepting inside its handler
    });
    step$.subscribe((step) => seen.push(`B:${step.session.status}`));
    frameSubject$.next(frames['i'] as InboundFrame);
    expect(seen).toEqual(['A:idle', 'A:invited', 'B:invited', 'A:accepting', 'B:accepting']);
  });

  it('inputs sent at once on subscribe are applied after the initial step', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const inputs = cold<CallInput>('(r|)', { r: { type: 'resume', resume: { replayed: true, data: null } } });
      expectObservable(cold<InboundFrame>('-').pipe(callCore({ inputs }), states)).toBe('(sr)', { s: 'idle', r: 'active:?:×1' });
    });
  });
});
