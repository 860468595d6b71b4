/** callEffects / runCallEffects: the call screen and the publishes the steps call for, outcomes as inputs. */
import { defer, NEVER, Observable, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { callEffects, runCallEffects, type CallPorts } from '../../lib/core/effects';
import type { CallInput, CallPublish, CallState, CallStep } from '../../lib/core/types';
import { invitation } from './fixtures';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const idle: CallState = { status: 'idle' };
const step = (screen: boolean, publishes: readonly CallPublish[] = []): CallStep => ({ session: idle, events: [], publishes, screen, resumed: undefined });
const offer: CallPublish = { event: 'cobrowseOffered', dialog: invitation() };
const accept: CallPublish = { event: 'cobrowseAccepted', dialog: invitation() };
const published = (event: CallPublish['event']): CallInput => ({ type: 'outcome', outcome: { type: 'published', event, dialogId: 'd1' } });

describe('callEffects()', () => {
  it('holds the call screen across the steps that say so, releases it when they stop; publishes each step asks for, in order', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const screen = cold('-');
      const ports: CallPorts = { publish: () => of(true), callScreen: () => screen };
      const step$ = hot('-o-a-j-e-|', { o: step(false, [offer]), a: step(true, [accept]), j: step(true), e: step(false) });
      expectObservable(step$.pipe(callEffects(ports))).toBe('-o-a-----|', { o: published('cobrowseOffered'), a: published('cobrowseAccepted') });
      expectSubscriptions(screen.subscriptions).toBe('---^---!--');
    });
  });

  it('opens the screen before the publishes of the same step (the container exists before cobrowseAccepted)', () => {
    const order: string[] = [];
    const ports: CallPorts = {
      publish: (request) => defer(() => (order.push(`publish:${request.event}`), of(true))),
      callScreen: () => new Observable<never>(() => void order.push('screen')),
    };
    of(step(true, [offer, accept])).pipe(callEffects(ports)).subscribe();
    expect(order).toEqual(['screen', 'publish:cobrowseOffered', 'publish:cobrowseAccepted']);
  });

  it('turns a failing screen and a failing publish into outcomes (values, the stream lives on)', () => {
    newScheduler().run(({ hot, expectObservable }) => {
      // eslint-disable-next-line rxjs-x/throw-error -- a port that fails with something that is not an Error
      const ports: CallPorts = { publish: () => throwError(() => new Error('lpTag gone')), callScreen: () => throwError(() => 'not an Error') };
      const step$ = hot('-a-----|', { a: step(true, [accept]) });
      expectObservable(step$.pipe(callEffects(ports))).toBe('-(sp)--|', {
        s: { type: 'outcome', outcome: { type: 'call-screen-failed', message: 'call screen failed' } },
        p: { type: 'outcome', outcome: { type: 'publish-failed', event: 'cobrowseAccepted', dialogId: 'd1', field: undefined, message: 'lpTag gone' } },
      });
    });
  });

  it('releases the screen when the steps complete, error, or the subscriber leaves', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const screen = cold('-');
      const ports: CallPorts = { publish: () => NEVER, callScreen: () => screen };
      expectObservable(hot('-a--|', { a: step(true) }).pipe(callEffects(ports))).toBe('----|');
      expectObservable(hot('-a--#', { a: step(true) }).pipe(callEffects(ports))).toBe('----#');
      expectObservable(hot('-a----', { a: step(true) }).pipe(callEffects(ports)), '^--!').toBe('---');
      expectSubscriptions(screen.subscriptions).toBe(['-^--!', '-^--!', '-^-!']);
    });
  });
});

describe('runCallEffects()', () => {
  it('opens the screen before the step passes on, publishes once it has, and feeds the outcomes to dispatch', () => {
    const seen: string[] = [];
    const ports: CallPorts = {
      publish: (request) => defer(() => (seen.push(`publish:${request.event}`), of(true))),
      callScreen: () => new Observable<never>(() => void seen.push('screen')),
    };
    of(step(true, [accept])).pipe(runCallEffects(ports, (input) => seen.push(`dispatch:${input.type}`))).subscribe(() => seen.push('step'));
    expect(seen).toEqual(['screen', 'step', 'publish:cobrowseAccepted', 'dispatch:outcome']);
  });

  it('ends with the steps: a publish still pending is dropped, the screen released', () => {
    newScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const pending = cold('-');
      const screen = cold('-');
      const ports: CallPorts = { publish: () => pending, callScreen: () => screen };
      const a = step(true, [accept]);
      expectObservable(hot('-a--|', { a }).pipe(runCallEffects(ports, () => undefined))).toBe('-a--|', { a });
      expectSubscriptions(pending.subscriptions).toBe('-^--!');
      expectSubscriptions(screen.subscriptions).toBe('-^--!');
    });
  });
});
