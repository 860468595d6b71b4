import { TestScheduler } from 'rxjs/testing';
import { fromLpTagEvent, type LpTagDiagnostic, type LpTagLike } from '../../lib/lptag';
import { createFakeLpTag } from '../../lib/testing/fake-lptag';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const live = (data: unknown) => ({ data, replayed: false });

describe('fromLpTagEvent', () => {
  it('binds on subscribe, emits each firing of that app/event, and unbinds on unsubscribe', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    const counts: number[] = [];
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 1), 2);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'other', 'x'), 3);
      scheduler.schedule(() => lpTag.fire('elsewhere', 'sessionError', 'y'), 3);
      scheduler.schedule(() => counts.push(lpTag.bindingCount()), 4);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 2), 5);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 3), 8);
      expectObservable(fromLpTagEvent(lpTag, 'cobrowse', 'sessionError', { scheduler }), '^-----!').toBe('--a--b-', { a: live(1), b: live(2) });
    });
    expect(counts).toEqual([1]);
    expect(lpTag.bindingCount()).toBe(0);
  });

  it('each subscription has its own binding; all are gone after unsubscribe', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    const counts: number[] = [];
    scheduler.run(({ expectObservable }) => {
      const event$ = fromLpTagEvent(lpTag, 'cobrowse', 'sessionResume', { scheduler });
      scheduler.schedule(() => counts.push(lpTag.bindingCount()), 1);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionResume', 'r'), 2);
      expectObservable(event$, '^--!').toBe('--r', { r: live('r') });
      expectObservable(event$, '^---!').toBe('--r', { r: live('r') });
    });
    expect(counts).toEqual([2]);
    expect(lpTag.bindingCount()).toBe(0);
  });

  it('replays the latest firing from hasFired on subscribe when asked, then live ones', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', 'old');
    lpTag.fire('cobrowse', 'sessionResume', 'newer');
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionResume', 'live'), 3);
      expectObservable(fromLpTagEvent(lpTag, 'cobrowse', 'sessionResume', { scheduler, replay: true }), '^----!').toBe('r--l-', {
        r: { data: 'newer', replayed: true },
        l: live('live'),
      });
      expectObservable(fromLpTagEvent(lpTag, 'cobrowse', 'sessionResume', { scheduler }), '^----!').toBe('---l-', { l: live('live') });
    });
  });

  it('replays a firing at most once per Observable: re-subscribing gets only what fired in between', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    lpTag.fire('cobrowse', 'sessionResume', 'before');
    scheduler.run(({ expectObservable }) => {
      const resume$ = fromLpTagEvent(lpTag, 'cobrowse', 'sessionResume', { scheduler, replay: true });
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionResume', 'live'), 1);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionResume', 'while away'), 7);
      expectObservable(resume$, '^--!').toBe('bl-', { b: { data: 'before', replayed: true }, l: live('live') });
      expectObservable(resume$, '---- ^-!').toBe('------', {});
      expectObservable(resume$, '---------- ^-!').toBe('----------w', { w: { data: 'while away', replayed: true } });
    });
  });

  it('waits for lpTag to appear, polling on the scheduler, then binds', () => {
    const scheduler = newScheduler();
    const lpTag = createFakeLpTag();
    let current: LpTagLike | undefined;
    scheduler.run(({ expectObservable }) => {
      scheduler.schedule(() => (current = lpTag), 400);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 'early'), 450);
      scheduler.schedule(() => lpTag.fire('cobrowse', 'sessionError', 'bound'), 550);
      expectObservable(fromLpTagEvent(() => current, 'cobrowse', 'sessionError', { scheduler, pollMs: 250 }), '^ 600ms !').toBe('550ms b', { b: live('bound') });
    });
    expect(lpTag.bindingCount()).toBe(0);
  });

  it('completes with an lptag-unavailable diagnostic when lpTag never appears (no error)', () => {
    const scheduler = newScheduler();
    const diagnostics: LpTagDiagnostic[] = [];
    scheduler.run(({ expectObservable }) => {
      const config = { scheduler, waitMs: 2000, onDiagnostic: (d: LpTagDiagnostic) => diagnostics.push(d) };
      expectObservable(fromLpTagEvent(() => undefined, 'cobrowse', 'sessionError', config)).toBe('2000ms |');
    });
    expect(diagnostics).toEqual([{ type: 'lptag-unavailable', waitedMs: 2000 }]);
  });

  describe('with a misbehaving lpTag', () => {
    const make = (bind: () => unknown, unbind: () => unknown = () => true, hasFired?: () => unknown): LpTagLike => ({
      events: { bind, unbind, publish: () => true, ...(hasFired && { hasFired }) },
    });

    it('bind returning no id, or throwing: bind-failed diagnostic and completion', () => {
      const scheduler = newScheduler();
      const diagnostics: LpTagDiagnostic[] = [];
      const onDiagnostic = (d: LpTagDiagnostic) => diagnostics.push(d);
      scheduler.run(({ expectObservable }) => {
        expectObservable(fromLpTagEvent(make(() => null), 'a', 'e', { scheduler, onDiagnostic })).toBe('|');
        const throwing = make(() => {
          throw new Error('bind failed');
        });
        expectObservable(fromLpTagEvent(throwing, 'a', 'e', { scheduler, onDiagnostic })).toBe('|');
      });
      expect(diagnostics).toEqual([
        { type: 'lptag-bind-failed', app: 'a', event: 'e' },
        { type: 'lptag-bind-failed', app: 'a', event: 'e' },
      ]);
    });

    it('unbind not confirming (false or throwing): unbind-failed diagnostic', () => {
      const scheduler = newScheduler();
      const diagnostics: LpTagDiagnostic[] = [];
      const onDiagnostic = (d: LpTagDiagnostic) => diagnostics.push(d);
      const unbind = jest.fn(() => false);
      scheduler.run(({ expectObservable }) => {
        expectObservable(fromLpTagEvent(make(() => 'evId_7', unbind), 'a', 'e', { scheduler, onDiagnostic }), '^-!').toBe('---');
        const throwing = make(
          () => 'evId_8',
          () => {
            throw new Error('unbind failed');
          },
        );
        expectObservable(fromLpTagEvent(throwing, 'a', 'e', { scheduler, onDiagnostic }), '^-!').toBe('---');
      });
      expect(unbind).toHaveBeenCalledWith('evId_7');
      expect(diagnostics).toEqual([
        { type: 'lptag-unbind-failed', app: 'a', event: 'e' },
        { type: 'lptag-unbind-failed', app: 'a', event: 'e' },
      ]);
    });

    it('a hasFired that throws, is missing or returns garbage means nothing to replay', () => {
      const scheduler = newScheduler();
      scheduler.run(({ expectObservable }) => {
        const variants = [
          make(() => 'id'),
          make(
            () => 'id',
            () => true,
            () => {
              throw new Error('x');
            },
          ),
          make(
            () => 'id',
            () => true,
            () => 'not an array',
          ),
          make(
            () => 'id',
            () => true,
            () => [42],
          ),
        ];
        for (const lpTag of variants) {
          expectObservable(fromLpTagEvent(lpTag, 'a', 'e', { scheduler, replay: true }), '^-!').toBe('---');
        }
      });
    });
  });
});
