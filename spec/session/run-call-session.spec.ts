import { defer, EMPTY, Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { runCallSession, type CallState, type SessionEvent, type SessionPorts } from '../../lib/session';
import { ev, invitation } from './fixtures';
import { S } from './states';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('runCallSession()', () => {
  it('feeds synchronous publish outcomes back: offered and active follow at once', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions, flush }) => {
      const log: string[] = [];
      const screen$ = cold('-');
      const ports: SessionPorts = {
        publish: (request) => defer(() => (log.push(request.event), EMPTY)),
        callScreen: () => defer(() => (log.push('screen'), screen$)),
      };
      const event$ = hot('--i---a---c---|', { i: ev.invited(), a: ev.accept(), c: ev.closed('d1', 'hangup') });
      expectObservable(event$.pipe(runCallSession(ports))).toBe('s-(IO)(AC)E---|', {
        s: S.idle,
        I: S.invited,
        O: S.offered,
        A: S.accepting,
        C: S.activeAfterPublish,
        E: S.ended,
      });
      expectSubscriptions(screen$.subscriptions).toBe('------^---!');
      expectSubscriptions(event$.subscriptions).toBe('^-------------!');
      flush();
      expect(log).toEqual(['cobrowseOffered', 'screen', 'cobrowseAccepted']);
    });
  });

  it('waits for asynchronous publishes', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const ports: SessionPorts = { publish: () => cold('--|'), callScreen: () => cold('-') };
      const event$ = hot('--i---a-----', { i: ev.invited(), a: ev.accept() });
      expectObservable(event$.pipe(runCallSession(ports))).toBe('s-I-O-A-C---', {
        s: S.idle,
        I: S.invited,
        O: S.offered,
        A: S.accepting,
        C: S.activeAfterPublish,
      });
    });
  });

  it('declines: publishes cobrowseDeclined and never creates the screen', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions, flush }) => {
      const log: string[] = [];
      const screen$ = cold('-');
      const ports: SessionPorts = { publish: (request) => defer(() => (log.push(request.event), EMPTY)), callScreen: () => screen$ };
      const event$ = hot('-i----d-c-|', { i: ev.invited(), d: ev.decline(), c: ev.closed('d1', 'declined') });
      expectObservable(event$.pipe(runCallSession(ports))).toBe('s(IO)-D---|', { s: S.idle, I: S.invited, O: S.offered, D: S.declined });
      expectSubscriptions(screen$.subscriptions).toBe([]);
      flush();
      expect(log).toEqual(['cobrowseOffered', 'cobrowseDeclined']);
    });
  });

  it('resume after a reload: the screen comes back and sliderOpened is published; leaving removes the screen', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions, flush }) => {
      const log: string[] = [];
      const screen$ = cold('-');
      const ports: SessionPorts = {
        publish: (request) => defer(() => (log.push(request.event), EMPTY)),
        callScreen: () => defer(() => (log.push('screen'), screen$)),
      };
      const event$ = hot('-r--------', { r: ev.resume(true) });
      expectObservable(event$.pipe(runCallSession(ports)), '^-----!').toBe('sR----', { s: S.idle, R: S.resumed });
      expectSubscriptions(screen$.subscriptions).toBe('-^----!');
      expectSubscriptions(event$.subscriptions).toBe('^-----!');
      flush();
      expect(log).toEqual(['screen', 'sliderOpened']);
    });
  });

  it('a failed offer fails the session (errors are values, the stream lives on)', () => {
    newScheduler().run(({ hot, cold, expectObservable }) => {
      const ports: SessionPorts = { publish: () => cold('#', undefined, new Error('lpTag missing')), callScreen: () => cold('-') };
      const event$ = hot('-i---j---|', { i: ev.invited(), j: ev.invited('d2') });
      const failed: CallState = {
        status: 'failed',
        dialog: invitation(),
        failure: { type: 'publish-failed', event: 'cobrowseOffered', field: undefined, message: 'lpTag missing' },
      };
      const failedAgain: CallState = { ...failed, dialog: invitation('d2') };
      expectObservable(event$.pipe(runCallSession(ports))).toBe('s(IF)(JG)|', { s: S.idle, I: S.invited, F: failed, J: { status: 'invited', dialog: invitation('d2') }, G: failedAgain });
    });
  });

  it('passes an error of the events through and releases the screen', () => {
    newScheduler().run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const screen$ = cold('-');
      const ports: SessionPorts = { publish: () => EMPTY, callScreen: () => screen$ };
      const event$ = hot('-r--#', { r: ev.resume(false) });
      expectObservable(event$.pipe(runCallSession(ports))).toBe('sR--#', { s: S.idle, R: S.resumed });
      expectSubscriptions(screen$.subscriptions).toBe('-^--!');
    });
  });

  it('completes with the events, releasing the screen, and is cold (own loop per subscriber)', () => {
    const events = new Subject<SessionEvent>();
    let screens = 0;
    const ports: SessionPorts = {
      publish: () => EMPTY,
      callScreen: () => defer(() => ((screens += 1), new Subject<never>())),
    };
    const session$ = events.pipe(runCallSession(ports));
    const first: CallState[] = [];
    const second: CallState[] = [];
    let completed = 0;
    session$.subscribe({ next: (s) => first.push(s), complete: () => (completed += 1) });
    session$.subscribe({ next: (s) => second.push(s), complete: () => (completed += 1) });
    events.next(ev.resume());
    events.complete();
    expect(first).toEqual([S.idle, S.resumed]);
    expect(second).toEqual(first);
    expect(screens).toBe(2);
    expect(completed).toBe(2);
  });
});
