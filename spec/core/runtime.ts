/**
 * The core composed as the client composes it — `callCore` → `runCallEffects` → `callStreams`,
 * commands through `callCommand` — over hand-fed frames and lpTag inputs, in virtual time, with
 * ports that record what they were asked for.
 */
import { merge, Observable, of, Subject, VirtualAction, VirtualTimeScheduler, type Subscription } from 'rxjs';
import { callCommand } from '../../lib/core/command';
import { callCore } from '../../lib/core/call-core';
import { runCallEffects, type CallPorts } from '../../lib/core/effects';
import type { CallCoreOptions } from '../../lib/core/model';
import { callStreams } from '../../lib/core/streams';
import type { CallInput, CallPublish, IntentType } from '../../lib/core/types';
import type { InboundFrame } from '../../lib/protocol/types';

export interface RuntimeOptions extends CallCoreOptions {
  /** What `publish` returns for a request (default: completes at once). */
  readonly publish?: (request: CallPublish) => Observable<unknown>;
  /** What the call screen is (default: held until unsubscribed, recorded). */
  readonly callScreen?: () => Observable<unknown>;
}

export function runtime(options: RuntimeOptions = {}) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
  const frameSubject$ = new Subject<InboundFrame>();
  const lpTagSubject$ = new Subject<CallInput>();
  const inputSubject$ = new Subject<CallInput>();
  const dispatch = (input: CallInput): void => inputSubject$.next(input);
  const log: string[] = [];
  const ports: CallPorts = {
    publish: (request) => {
      log.push(`publish:${request.event}`);
      return options.publish?.(request) ?? of(true);
    },
    callScreen:
      options.callScreen ??
      (() =>
        new Observable<never>(() => {
          log.push('screen:open');
          return () => log.push('screen:close');
        })),
  };
  const calls = callStreams(
    frameSubject$.pipe(
      callCore({ ...options, scheduler, inputs: merge(lpTagSubject$, inputSubject$) }),
      runCallEffects(ports, dispatch),
    ),
  );
  const command = (intent: IntentType, dialogId: string) => {
    const outcome: string[] = [];
    const subscription: Subscription = callCommand(calls.step$, dispatch, intent, dialogId).subscribe({
      next: (state) => outcome.push(state.status),
      error: (error: unknown) => outcome.push(`error:${typeof error === 'object' && error !== null && 'reason' in error ? String(error.reason) : 'other'}`),
      complete: () => outcome.push('|'),
    });
    return { outcome, subscription };
  };
  const advance = (ms: number): void => {
    scheduler.maxFrames = scheduler.frame + ms;
    scheduler.flush();
    scheduler.frame = scheduler.maxFrames;
  };
  return { scheduler, calls, log, command, advance, frame: (frame: InboundFrame) => frameSubject$.next(frame), lpTag: lpTagSubject$, frames: frameSubject$, hold: () => calls.step$.subscribe() };
}
