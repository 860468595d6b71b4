import { Subject, VirtualAction, VirtualTimeScheduler, type SchedulerLike } from 'rxjs';
import { callCore } from '../../lib/core/call-core';
import type { CallInput } from '../../lib/core/types';
import type { InboundFrame } from '../../lib/protocol/types';
import { createAlarm } from '../../lib/scheduling/alarm';
import { MAX_TIMER_DELAY_MS } from '../../lib/scheduling/clamp-delay';
import { dialog, dialogEvents, snapshot } from '../dialog/helpers';
import { recording } from './recording-scheduler';

/** A virtual scheduler (`virtual`, to flush) seen through `scheduler`, which records every delay handed to it. */
function recordingScheduler() {
  const virtual = new VirtualTimeScheduler(VirtualAction, Infinity);
  return { virtual, ...recording(virtual) };
}

describe('createAlarm', () => {
  it('fires once at the deadline', () => {
    const { scheduler, virtual } = recordingScheduler();
    const fired: number[] = [];
    const alarm = createAlarm(scheduler, () => fired.push(scheduler.now()));
    alarm.set(50);
    virtual.flush();
    expect(fired).toEqual([50]);
  });

  it('never hands the scheduler a delay above 2^31-1 ms: it clamps, and re-arms until the deadline', () => {
    const { scheduler, virtual, delays } = recordingScheduler();
    const fired: number[] = [];
    const at = 3 * MAX_TIMER_DELAY_MS + 7;
    createAlarm(scheduler, () => fired.push(scheduler.now())).set(at);
    virtual.flush();
    expect(fired).toEqual([at]);
    expect(delays).toEqual([MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, MAX_TIMER_DELAY_MS, 7]);
  });

  it('keeps the pending action when armed again for the same deadline, replaces it for another, and stops on unsubscribe', () => {
    const { scheduler, virtual, delays } = recordingScheduler();
    const fired: number[] = [];
    const alarm = createAlarm(scheduler, () => fired.push(scheduler.now()));
    alarm.set(100);
    alarm.set(100);
    alarm.set(100);
    expect(delays).toEqual([100]);
    alarm.set(40);
    alarm.set(undefined);
    alarm.set(60);
    virtual.flush();
    expect(fired).toEqual([60]);
    alarm.set(200);
    alarm.unsubscribe();
    alarm.set(300);
    virtual.flush();
    expect(fired).toEqual([60]);
    expect(virtual.actions).toHaveLength(0);
  });
});

describe('callCore timers (the expiry alarm)', () => {
  /** Feeds `frames` to the call core on `scheduler`; `events` are its dialog events, each with the time it came. */
  const feed = (frames: readonly InboundFrame[], scheduler: SchedulerLike) => {
    const source = new Subject<InboundFrame>();
    const events: string[] = [];
    const subscription = source.pipe(dialogEvents({ scheduler })).subscribe((e) => events.push(`${e.type}@${scheduler.now()}`));
    for (const frame of frames) source.next(frame);
    return { events, subscription };
  };

  it('arms one timer for an invitation however often it is re-sent', () => {
    const { scheduler, delays } = recordingScheduler();
    const invited = snapshot([dialog({ ts: 1 })]);
    feed(Array.from({ length: 100 }, () => invited), scheduler);
    expect(delays).toEqual([1000]);
  });

  it('keeps that one timer through the core’s other inputs (each input re-reads the next expiry)', () => {
    const { scheduler, delays } = recordingScheduler();
    const inputSubject$ = new Subject<CallInput>();
    const frameSubject$ = new Subject<InboundFrame>();
    const steps: string[] = [];
    const subscription = frameSubject$.pipe(callCore({ scheduler, inputs: inputSubject$ })).subscribe((step) => steps.push(step.session.status));
    frameSubject$.next(snapshot([dialog({ ts: 1 })]));
    for (let id = 1; id <= 100; id += 1) inputSubject$.next({ type: 'intent', id, intent: 'accept', dialogId: 'unknown' });
    expect(steps).toHaveLength(102); // idle, invited, then one refusal per command
    expect(delays).toEqual([1000]);
    subscription.unsubscribe();
  });

  it('expires an invitation due beyond 2^31-1 ms at its deadline, not at once', () => {
    const { scheduler, virtual, delays } = recordingScheduler();
    const far = 2 ** 31 + 1000;
    // Without creationTs / metaDataLastUpdateTs the expires rule has no reference time, so no
    // one-day horizon applies and the far expiry reaches the timer as is.
    const { events } = feed([snapshot([dialog({ expiresAt: far, creationTs: null, metaDataLastUpdateTs: null })], { ts: 1 })], scheduler);
    virtual.flush();
    expect(events).toEqual(['invited@0', `closed@${far}`]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
  });
});
