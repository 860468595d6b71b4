import { callReadiness, type CallMode, type CallReadiness, type MediaReading, type MediaReadings, type WebRtcSupport } from '../../lib/readiness';
import { runMarbles } from '../../lib/testing';
import { Answer, camera, type FakeBrowser, fakeBrowser, microphone, ok, rejected, speaker } from './fakes';

const SUPPORT: WebRtcSupport = { secureContext: true, peerConnection: true, getUserMedia: true, enumerateDevices: true, permissionsApi: true };
const api = (permission: MediaReading['permission'], device: MediaReading['device'] = 'present'): MediaReading => ({ permission, permissionSource: 'permissions-api', device });
const base = (mode: CallMode, media: MediaReadings, support = SUPPORT) => ({ mode, media, support });
const GRANTED_BOTH = { camera: api('granted'), microphone: api('granted') };
const LABELLED = [camera('FaceTime HD'), microphone('Built-in'), speaker('Speakers')];

describe('callReadiness', () => {
  it('VIDEO_CALL: queries camera and microphone, lists devices once both answered, emits ready; teardown removes every listener', () => {
    let browser: FakeBrowser | undefined;
    const during: number[] = [];
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const fake = fakeBrowser(scheduler, { permissions: { states: { camera: 'granted', microphone: 'granted' }, delay: 2 }, devices: { devices: LABELLED, enumerateDelay: 1 } });
      browser = fake;
      scheduler.schedule(() => during.push(fake.permissions.changeListeners(), fake.mediaDevices.listenerCount('devicechange')), 4);
      expectObservable(callReadiness('VIDEO_CALL', { environment: fake.environment, scheduler }), '^-----!').toBe('---r', {
        r: { ...base('VIDEO_CALL', GRANTED_BOTH), status: 'ready' } satisfies CallReadiness,
      });
    });
    expect(browser?.permissions.queries).toEqual(['camera', 'microphone']);
    expect(during).toEqual([2, 1]);
    expect(browser?.permissions.changeListeners()).toBe(0);
    expect(browser?.mediaDevices.listenerCount('devicechange')).toBe(0);
    expect(browser?.mediaDevices.getUserMediaCalls).toEqual([]); // never prompts
  });

  it('VOICE_CALL needs only the microphone: the camera is never queried, a denied camera does not matter', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { permissions: { states: { camera: 'denied', microphone: 'granted' } }, devices: { devices: [microphone('mic')] } });
      expectObservable(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler }), '^--!').toBe('r--', {
        r: { ...base('VOICE_CALL', { microphone: api('granted') }), status: 'ready' },
      });
      scheduler.schedule(() => expect(browser.permissions.queries).toEqual(['microphone']), 1);
    });
  });

  it('follows the user changing a permission (PermissionStatus change): prompt → granted → denied, listing devices again after each', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { permissions: { states: { camera: 'prompt', microphone: 'granted' } }, devices: { enumerateDelay: 1 } });
      scheduler.schedule(() => browser.permissions.change('camera', 'granted'), 3);
      scheduler.schedule(() => browser.permissions.change('camera', 'denied'), 6);
      expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler }), '^---------!').toBe('-p--r--d', {
        p: { ...base('VIDEO_CALL', { camera: api('prompt'), microphone: api('granted') }), status: 'prompt', kinds: ['camera'] },
        r: { ...base('VIDEO_CALL', GRANTED_BOTH), status: 'ready' },
        d: { ...base('VIDEO_CALL', { camera: api('denied'), microphone: api('granted') }), status: 'blocked', reason: 'permission-denied', kinds: ['camera'] },
      });
      scheduler.schedule(() => expect(browser.mediaDevices.enumerations).toBe(3), 9);
    });
  });

  it('follows devicechange: camera unplugged → no-device, plugged back → ready; a change that changes nothing emits nothing', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { permissions: { states: { camera: 'granted', microphone: 'granted' } } });
      scheduler.schedule(() => browser.mediaDevices.plug([microphone()]), 2);
      scheduler.schedule(() => browser.mediaDevices.plug([microphone(), speaker()]), 4);
      scheduler.schedule(() => browser.mediaDevices.plug([camera(), microphone()]), 6);
      expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler }), '^-------!').toBe('r-n---r-', {
        r: { ...base('VIDEO_CALL', GRANTED_BOTH), status: 'ready' },
        n: { ...base('VIDEO_CALL', { camera: api('granted', 'absent'), microphone: api('granted') }), status: 'blocked', reason: 'no-device', kinds: ['camera'] },
      });
    });
  });

  it('no device beats a denied permission, and lists every kind concerned', () => {
    runMarbles(expect, ({ expectObservable, scheduler }) => {
      const browser = fakeBrowser(scheduler, { permissions: { states: { camera: 'denied', microphone: 'denied' } }, devices: { devices: [speaker()] } });
      expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler })).toBe('n', {
        n: { ...base('VIDEO_CALL', { camera: api('denied', 'absent'), microphone: api('denied', 'absent') }), status: 'blocked', reason: 'no-device', kinds: ['camera', 'microphone'] },
      });
    });
  });

  describe('fallbacks where the Permissions API cannot answer', () => {
    const noApi = { ...SUPPORT, permissionsApi: false };

    it('no navigator.permissions (older Safari): labelled devices mean granted; unlabelled ones mean unknown', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const labelled = fakeBrowser(scheduler, { devices: { devices: LABELLED } });
        const unlabelled = fakeBrowser(scheduler);
        const withoutApi = (b: typeof labelled) => () => {
          const env = b.environment();
          return { ...env, navigator: { mediaDevices: b.mediaDevices } };
        };
        const byLabels: MediaReading = { permission: 'granted', permissionSource: 'device-labels', device: 'present' };
        const none: MediaReading = { permission: 'unknown', permissionSource: 'none', device: 'present' };
        expectObservable(callReadiness('VIDEO_CALL', { environment: withoutApi(labelled), scheduler })).toBe('r', {
          r: { ...base('VIDEO_CALL', { camera: byLabels, microphone: byLabels }, noApi), status: 'ready' },
        });
        expectObservable(callReadiness('VIDEO_CALL', { environment: withoutApi(unlabelled), scheduler })).toBe('u', {
          u: { ...base('VIDEO_CALL', { camera: none, microphone: none }, noApi), status: 'unknown', kinds: ['camera', 'microphone'] },
        });
      });
    });

    it("a query that rejects the name (Firefox's TypeError for 'camera') falls back for that kind only", () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'granted' }, unknownNames: ['camera'], delay: 1 }, devices: { devices: [camera(), microphone('mic')] } });
        expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler })).toBe('-u', {
          u: { ...base('VIDEO_CALL', { camera: { permission: 'unknown', permissionSource: 'none', device: 'present' }, microphone: api('granted') }), status: 'unknown', kinds: ['camera'] },
        });
      });
    });

    it('a query that never answers counts as unsupported after timeoutMs', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { delay: 'never' }, devices: { devices: LABELLED } });
        const byLabels: MediaReading = { permission: 'granted', permissionSource: 'device-labels', device: 'present' };
        expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler, timeoutMs: 50 })).toBe('50ms r', {
          r: { ...base('VIDEO_CALL', { camera: byLabels, microphone: byLabels }), status: 'ready' },
        });
      });
    });

    it('a state the library does not know counts as unsupported', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'granted-for-now' } } });
        expectObservable(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler })).toBe('u', {
          u: { ...base('VOICE_CALL', { microphone: { permission: 'unknown', permissionSource: 'none', device: 'present' } }), status: 'unknown', kinds: ['microphone'] },
        });
      });
    });

    it('recheck re-reads everything: after a grant the labels show, and the verdict turns ready', () => {
      runMarbles(expect, ({ cold, expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler);
        const environment = () => ({ ...browser.environment(), navigator: { mediaDevices: browser.mediaDevices } });
        scheduler.schedule(() => (browser.mediaDevices.devices = [camera('cam'), microphone('mic')]), 3); // what a getUserMedia grant does
        const recheck = cold('--x---x');
        const byLabels: MediaReading = { permission: 'granted', permissionSource: 'device-labels', device: 'present' };
        const none: MediaReading = { permission: 'unknown', permissionSource: 'none', device: 'present' };
        expectObservable(callReadiness('VOICE_CALL', { environment, scheduler, recheck }), '^-------!').toBe('u-----r-', {
          u: { ...base('VOICE_CALL', { microphone: none }, { ...SUPPORT, permissionsApi: false }), status: 'unknown', kinds: ['microphone'] },
          r: { ...base('VOICE_CALL', { microphone: byLabels }, { ...SUPPORT, permissionsApi: false }), status: 'ready' },
        });
        scheduler.schedule(() => expect(browser.mediaDevices.enumerations).toBe(3), 7);
      });
    });
  });

  describe('errors are values, never stream errors', () => {
    it('enumerateDevices rejecting: devices unknown', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'granted' } }, devices: { enumerateError: new Error('boom'), enumerateDelay: 2 } });
        expectObservable(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler }), '^----!').toBe('--u', {
          u: { ...base('VOICE_CALL', { microphone: api('granted', 'unknown') }), status: 'unknown', kinds: ['microphone'] },
        });
      });
    });

    it('enumerateDevices never answering: devices unknown after timeoutMs', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'prompt' } }, devices: { enumerateDelay: 'never' } });
        expectObservable(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler, timeoutMs: 20 })).toBe('20ms u', {
          u: { ...base('VOICE_CALL', { microphone: api('prompt', 'unknown') }), status: 'unknown', kinds: ['microphone'] },
        });
      });
    });

    it('permissions.query throwing synchronously, and enumerateDevices answering junk, still give a value', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler);
        const environment = () => ({
          ...browser.environment(),
          navigator: {
            permissions: { query: (): never => { throw new TypeError('Illegal invocation'); } },
            mediaDevices: { getUserMedia: () => new Answer<never>(scheduler, 'never', rejected(new Error('unused'))), enumerateDevices: () => new Answer(scheduler, 1, ok('junk' as never)) },
          },
        });
        expectObservable(callReadiness('VOICE_CALL', { environment, scheduler })).toBe('-u', {
          u: { ...base('VOICE_CALL', { microphone: { permission: 'unknown', permissionSource: 'none', device: 'unknown' } }), status: 'unknown', kinds: ['microphone'] },
        });
      });
    });
  });

  describe('blocks no permission or device can lift', () => {
    it('no RTCPeerConnection: blocked no-webrtc, completes, queries nothing', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { env: { RTCPeerConnection: undefined } });
        expectObservable(callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler })).toBe('(b|)', {
          b: { ...base('VIDEO_CALL', {}, { ...SUPPORT, peerConnection: false }), status: 'blocked', reason: 'no-webrtc', missing: ['RTCPeerConnection'] },
        });
        scheduler.schedule(() => expect(browser.permissions.queries).toEqual([]), 1);
      });
    });

    it('no navigator.mediaDevices at all: blocked no-webrtc naming getUserMedia', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const environment = () => ({ isSecureContext: true, RTCPeerConnection: fakeBrowser(scheduler).environment().RTCPeerConnection, navigator: {} });
        expectObservable(callReadiness('VOICE_CALL', { environment, scheduler })).toBe('(b|)', {
          b: { ...base('VOICE_CALL', {}, { ...SUPPORT, getUserMedia: false, enumerateDevices: false, permissionsApi: false }), status: 'blocked', reason: 'no-webrtc', missing: ['getUserMedia'] },
        });
      });
    });

    it('an insecure page (http, not localhost): blocked insecure-context first', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const environment = () => ({ isSecureContext: false, navigator: {} });
        expectObservable(callReadiness('VIDEO_CALL', { environment, scheduler })).toBe('(b|)', {
          b: { ...base('VIDEO_CALL', {}, { secureContext: false, peerConnection: false, getUserMedia: false, enumerateDevices: false, permissionsApi: false }), status: 'blocked', reason: 'insecure-context' },
        });
      });
    });
  });

  describe('cold, lazy, torn down', () => {
    it('reads the environment on each subscribe, not when created', () => {
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'granted' } } });
        const readiness$ = callReadiness('VOICE_CALL', { environment: browser.environment, scheduler });
        expect(browser.reads()).toBe(0);
        expectObservable(readiness$, '^-!').toBe('r-', { r: { ...base('VOICE_CALL', { microphone: api('granted') }), status: 'ready' } });
        expectObservable(readiness$, '--^-!').toBe('--r-', { r: { ...base('VOICE_CALL', { microphone: api('granted') }), status: 'ready' } });
        scheduler.schedule(() => expect(browser.reads()).toBe(2), 3);
      });
    });

    it('unsubscribing while the queries are pending emits nothing, leaves no listener, and ignores the late answers', () => {
      const seen: CallReadiness[] = [];
      let listeners = -1;
      runMarbles(expect, ({ expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { delay: 5 } });
        const readiness$ = callReadiness('VIDEO_CALL', { environment: browser.environment, scheduler });
        expectObservable(readiness$, '^--!').toBe('---');
        const subscription = readiness$.subscribe((r) => seen.push(r));
        scheduler.schedule(() => subscription.unsubscribe(), 3);
        scheduler.schedule(() => (listeners = browser.permissions.changeListeners() + browser.mediaDevices.listenerCount('devicechange')), 8);
      });
      expect(seen).toEqual([]);
      expect(listeners).toBe(0);
    });

    it('a recheck while listing devices cancels that listing (the newest read wins)', () => {
      runMarbles(expect, ({ hot, expectObservable, scheduler }) => {
        const browser = fakeBrowser(scheduler, { permissions: { states: { microphone: 'granted' } }, devices: { enumerateDelay: 3 } });
        const recheck = hot('--x');
        expectObservable(callReadiness('VOICE_CALL', { environment: browser.environment, scheduler, recheck }), '^------!').toBe('-----r-', {
          r: { ...base('VOICE_CALL', { microphone: api('granted') }), status: 'ready' },
        });
      });
    });
  });
});
