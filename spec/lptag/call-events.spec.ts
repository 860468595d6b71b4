import { TestScheduler } from 'rxjs/testing';
import { fromSessionError, fromSessionResume, type LpTagDiagnostic } from '../../lib/lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('fromSessionError', () => {
  it('emits each cobrowse/sessionError as a typed error, one per documented id', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'UNABLE_TO_CONNECT', msg: 'Connection failed' }), 1);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'BROWSER_NOT_SUPPORTED', msg: 'Browser' }), 2);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'Camera' }), 3);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'AGENT_DISCONNECTED', msg: 'Agent left' }), 4);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'NEW_ONE', msg: 'New' }), 5);
      expectObservable(fromSessionError(lpTag, { scheduler }), '^-----!').toBe('-abcde', {
        a: { id: 'UNABLE_TO_CONNECT', message: 'Connection failed' },
        b: { id: 'BROWSER_NOT_SUPPORTED', message: 'Browser' },
        c: { id: 'NO_CAMERA_ACCESS', message: 'Camera' },
        d: { id: 'AGENT_DISCONNECTED', message: 'Agent left' },
        e: { id: 'NEW_ONE', message: 'New' },
      });
    });
    expect(lpTag.bindingCount()).toBe(0);
  });

  it('a malformed payload is still a value, plus a diagnostic; the stream lives on', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    const diagnostics: LpTagDiagnostic[] = [];
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 'oops'), 1);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { msg: 'no id' }), 2);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'ok' }), 3);
      const error$ = fromSessionError(lpTag, { scheduler, onDiagnostic: (d) => diagnostics.push(d) });
      expectObservable(error$, '^---!').toBe('-abc', {
        a: { id: 'UNKNOWN', message: '' },
        b: { id: 'UNKNOWN', message: 'no id' },
        c: { id: 'NO_CAMERA_ACCESS', message: 'ok' },
      });
    });
    expect(diagnostics).toEqual([
      { type: 'lptag-invalid-payload', app: 'cobrowse', event: 'sessionError', problems: ['payload is not an object'] },
      { type: 'lptag-invalid-payload', app: 'cobrowse', event: 'sessionError', problems: ['id is not a non-empty string'] },
    ]);
  });

  it('keeps a message with markup as plain text', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', { id: 'UNABLE_TO_CONNECT', msg: '<img src=x onerror=alert(1)>' }), 1);
      expectObservable(fromSessionError(lpTag, { scheduler }), '^-!').toBe('-a', { a: { id: 'UNABLE_TO_CONNECT', message: '<img src=x onerror=alert(1)>' } });
    });
  });

  it('does not replay errors that fired before subscribe', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionError', { id: 'UNABLE_TO_CONNECT', msg: 'old' });
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSessionError(lpTag, { scheduler }), '^-!').toBe('---');
    });
  });
});

describe('fromSessionResume', () => {
  it('replays a sessionResume that fired before subscribe, then emits live ones; unbinds on unsubscribe', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', { callId: 'c1' });
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionResume'), 2);
      expectObservable(fromSessionResume(lpTag, { scheduler }), '^---!').toBe('r-l-', {
        r: { replayed: true, data: { callId: 'c1' } },
        l: { replayed: false, data: undefined },
      });
    });
    expect(lpTag.bindingCount()).toBe(0);
  });

  it('emits nothing when no resume fired', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    scheduler.run(({ expectObservable }) => {
      expectObservable(fromSessionResume(lpTag, { scheduler }), '^--!').toBe('---');
    });
  });
});
