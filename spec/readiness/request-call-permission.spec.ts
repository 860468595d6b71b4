import { requestCallPermission, type CallPermissionResult, type PermissionFailure } from '../../lib/readiness';
import { runMarbles } from '../../lib/testing';
import { domError, fakeBrowser, type FakeMediaDevicesOptions } from './fakes';

const failed = (mode: 'VOICE_CALL' | 'VIDEO_CALL', reason: PermissionFailure, errorName = '', message = ''): CallPermissionResult => ({
  outcome: 'failed',
  mode,
  kinds: mode === 'VOICE_CALL' ? ['microphone'] : ['camera', 'microphone'],
  reason,
  errorName,
  message,
});

describe('requestCallPermission', () => {
  it('VIDEO_CALL: asks for audio + video on subscribe, stops every track at once, emits granted and completes', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { devices: { getUserMediaDelay: 3 } });
      const request$ = requestCallPermission('VIDEO_CALL', { environment: browser.environment });
      expect(browser.mediaDevices.getUserMediaCalls).toEqual([]); // cold
      expectObservable(request$, '^-----!').toBe('---(g|)', { g: { outcome: 'granted', mode: 'VIDEO_CALL', kinds: ['camera', 'microphone'] } });
      scheduler.schedule(() => {
        expect(browser.mediaDevices.getUserMediaCalls).toEqual([{ audio: true, video: true }]);
        expect(browser.mediaDevices.tracks.map((t) => t.stopped)).toEqual([false, false]);
      }, 2);
      scheduler.schedule(() => expect(browser.mediaDevices.tracks.map((t) => t.stopped)).toEqual([true, true]), 4);
    });
  });

  it('VOICE_CALL asks for audio only', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler);
      expectObservable(requestCallPermission('VOICE_CALL', { environment: browser.environment })).toBe('(g|)', { g: { outcome: 'granted', mode: 'VOICE_CALL', kinds: ['microphone'] } });
      scheduler.schedule(() => expect(browser.mediaDevices.getUserMediaCalls).toEqual([{ audio: true, video: false }]), 1);
    });
  });

  it.each<[string, FakeMediaDevicesOptions, CallPermissionResult]>([
    ['a denial (NotAllowedError)', { getUserMediaError: domError('NotAllowedError', 'Permission denied') }, failed('VIDEO_CALL', 'permission-denied', 'NotAllowedError', 'Permission denied')],
    ['no device (NotFoundError)', { getUserMediaError: domError('NotFoundError') }, failed('VIDEO_CALL', 'no-device', 'NotFoundError', 'NotFoundError message')],
    ['a busy camera (NotReadableError)', { getUserMediaError: domError('NotReadableError') }, failed('VIDEO_CALL', 'device-busy', 'NotReadableError', 'NotReadableError message')],
    ['an unknown error name', { getUserMediaError: domError('WeirdError', 'odd') }, failed('VIDEO_CALL', 'other', 'WeirdError', 'odd')],
    ['a rejection with a non-error', { getUserMediaError: 42 }, failed('VIDEO_CALL', 'other')],
  ])('%s is a value, not an error', (_, devices, expected) => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { devices: { ...devices, getUserMediaDelay: 1 } });
      expectObservable(requestCallPermission('VIDEO_CALL', { environment: browser.environment })).toBe('-(f|)', { f: expected });
    });
  });

  it('a synchronous throw is a value at once', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { devices: { getUserMediaThrows: new TypeError('bad constraints') } });
      expectObservable(requestCallPermission('VIDEO_CALL', { environment: browser.environment })).toBe('(f|)', { f: failed('VIDEO_CALL', 'other', 'TypeError', 'bad constraints') });
    });
  });

  it('no getUserMedia: no-webrtc; an insecure page: insecure-context — without calling anything', () => {
    runMarbles(expect, ({ expectObservable }) => {
      expectObservable(requestCallPermission('VOICE_CALL', { environment: () => ({ isSecureContext: true, navigator: {} }) })).toBe('(f|)', { f: failed('VOICE_CALL', 'no-webrtc') });
      expectObservable(requestCallPermission('VOICE_CALL', { environment: () => ({ isSecureContext: false }) })).toBe('(f|)', { f: failed('VOICE_CALL', 'insecure-context') });
    });
  });

  it('unsubscribing before the answer emits nothing, and the tracks that still arrive are stopped', () => {
    let stopped: boolean[] = [];
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { devices: { getUserMediaDelay: 5 } });
      expectObservable(requestCallPermission('VIDEO_CALL', { environment: browser.environment }), '^-!').toBe('---');
      scheduler.schedule(() => (stopped = browser.mediaDevices.tracks.map((t) => t.stopped)), 6);
    });
    expect(stopped).toEqual([true, true]);
  });

  it('each subscription asks again', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler);
      const request$ = requestCallPermission('VOICE_CALL', { environment: browser.environment });
      const g = { g: { outcome: 'granted', mode: 'VOICE_CALL', kinds: ['microphone'] } };
      expectObservable(request$).toBe('(g|)', g);
      expectObservable(request$, '--^').toBe('--(g|)', g);
      scheduler.schedule(() => expect(browser.mediaDevices.getUserMediaCalls).toHaveLength(2), 3);
    });
  });
});
