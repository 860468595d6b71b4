import { map, merge, Observable, Subject, Subscription, type SchedulerLike, type Subscriber } from 'rxjs';
import type { InboundFrame } from '../protocol/types';
import { scheduleAt } from '../scheduling/clamp-delay';
import { createCallCore, type CallCoreOptions, type CoreInput, type CoreStep, type ResumeSignal, type SessionErrorSignal } from './call-core';
import type { CallState } from './call-state';
import type { SessionPorts } from './ports';
import { sessionEffects } from './session-effects';
import { createTrampoline } from './trampoline';

/** What the call core listens to while it runs. */
export interface CallCoreSources {
  /** Decoded frames (the conversation subscription's notifications). Completing ends the run. */
  readonly frame$: Observable<InboundFrame>;
  readonly resume$: Observable<ResumeSignal>;
  readonly sessionError$: Observable<SessionErrorSignal>;
}

/** Options of {@link createCallCoreHub}. */
export interface CallCoreHubOptions extends CallCoreOptions {
  /** Runs the expiry timer and supplies `now()`. */
  readonly scheduler: SchedulerLike;
}

/** A running call core, multicast. */
export interface CallCoreHub {
  /**
   * Hot and shared: the first subscriber starts a run (a fresh core, the sources, the effects),
   * the last one leaving ends it. Each subscriber first gets the current step, then every new one.
   * Every delivery is serialized: what a subscriber does synchronously inside its handler
   * (dispatch, subscribe, unsubscribe) happens after the current step reached every subscriber.
   */
  readonly step$: Observable<CoreStep>;
  /** Hands an input to the running core (after the step being delivered, if any); dropped when none runs. */
  dispatch(input: CoreInput): void;
}

interface Run {
  readonly core: ReturnType<typeof createCallCore>;
  readonly subscription: Subscription;
  readonly effectState$: Subject<CallState>;
  timer: Subscription | undefined;
  timerAt: number | undefined;
}

/**
 * The call core as a hub: one run at a time, fed by the sources, the effects' outcomes (the
 * session's publishes and call screen, derived from its states by `sessionEffects`) and
 * `dispatch`ed intents, with one scheduler timer for the next invitation expiry.
 *
 * ```
 * sources: --f---r----      f: frame (invited), r: resume
 * step$:   s-S---S----      s: initial step, S: a step with its events
 * ```
 */
export function createCallCoreHub(sources: CallCoreSources, ports: SessionPorts, options: CallCoreHubOptions): CallCoreHub {
  const { scheduler } = options;
  const trampoline = createTrampoline();
  const observers = new Set<Subscriber<CoreStep>>();
  let run: Run | undefined;

  const deliver = (step: CoreStep, to: readonly Subscriber<CoreStep>[] = [...observers]): void => {
    for (const observer of to) if (observers.has(observer)) observer.next(step);
  };

  const armTimer = (current: Run): void => {
    const at = current.core.nextExpiry();
    if (at === current.timerAt) return;
    current.timer?.unsubscribe();
    current.timerAt = at;
    if (at === undefined) return;
    // Clamped to what timers hold, re-armed until really due (lib/scheduling).
    current.timer = scheduleAt(scheduler, at, () => {
      current.timerAt = undefined;
      dispatch({ type: 'tick' });
    });
  };

  const apply = (current: Run, input: CoreInput): void => {
    if (run !== current) return;
    const previous = current.core.current().state;
    const step = current.core.apply(input, scheduler.now());
    armTimer(current);
    if (step === undefined) return;
    // Effects first: the call screen exists when a host sees `accepting` and is gone when it sees the end.
    if (step.state !== previous) current.effectState$.next(step.state);
    if (run === current) deliver(step);
  };

  function dispatch(input: CoreInput): void {
    const current = run;
    if (current !== undefined) trampoline.run(() => apply(current, input));
  }

  const end = (notify: (observer: Subscriber<CoreStep>) => void): void => {
    const current = run;
    if (current === undefined) return;
    stop(current);
    const ended = [...observers];
    observers.clear();
    for (const observer of ended) notify(observer);
  };

  function start(): void {
    const effectState$ = new Subject<CallState>();
    const subscription = new Subscription();
    const current: Run = { core: createCallCore(options), subscription, effectState$, timer: undefined, timerAt: undefined };
    run = current;
    trampoline.run(() => {
      deliver(current.core.current());
      const fail = (error: unknown): void => trampoline.run(() => end((observer) => observer.error(error)));
      subscription.add(effectState$.pipe(sessionEffects(ports)).subscribe((outcome) => dispatch({ type: 'outcome', outcome })));
      effectState$.next(current.core.current().state);
      subscription.add(
        merge(
          sources.resume$.pipe(map((resume): CoreInput => ({ type: 'resume', resume }))),
          sources.sessionError$.pipe(map((error): CoreInput => ({ type: 'session-error', error }))),
        ).subscribe({ next: dispatch, error: fail }),
      );
      // The frames end the run: the connection is over for good.
      subscription.add(
        sources.frame$.subscribe({
          next: (frame) => dispatch({ type: 'frame', frame }),
          error: fail,
          complete: () => trampoline.run(() => end((observer) => observer.complete())),
        }),
      );
    });
  }

  function stop(current: Run): void {
    run = undefined;
    current.timer?.unsubscribe();
    current.effectState$.complete();
    current.subscription.unsubscribe();
  }

  const step$ = new Observable<CoreStep>((subscriber) => {
    observers.add(subscriber);
    if (run === undefined) start();
    else {
      const current = run;
      trampoline.run(() => {
        if (run === current) deliver(current.core.current(), [subscriber]);
      });
    }
    return () => {
      observers.delete(subscriber);
      if (observers.size === 0 && run !== undefined) stop(run);
    };
  });

  return { step$, dispatch };
}
