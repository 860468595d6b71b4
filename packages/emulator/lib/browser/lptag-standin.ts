/**
 * Entry of `dist/browser/lptag.js`, which the emulator serves as `/lptag.js`: installs the stand-in
 * `lpTag` and call app into this page with the browser's own timers, storage, fetch, EventSource,
 * getUserMedia and RTCPeerConnection. Browser demo code (not part of the library).
 */
import { browserEventSource, browserPostJson, browserTimers } from './browser-defaults';
import { browserMediaEngine } from './browser-media';
import { connectHub } from './hub-client';
import { installLpTagStandIn } from './install';

/** The emulator that served this script (falls back to the page's origin). */
const emulatorOf = (script: Element | null): string => {
  const src = script instanceof HTMLScriptElement ? script.src : '';
  try {
    return new URL('/', src === '' ? window.location.href : src).href;
  } catch {
    return window.location.origin;
  }
};

const randomId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');

// document.currentScript is only set while this script first runs: read the URL now.
const emulator = emulatorOf(document.currentScript);

if (!('lpTagStandIn' in window)) {
  const timers = browserTimers(window);
  const post = browserPostJson(window);
  installLpTagStandIn({
    target: window,
    document,
    storage: window.sessionStorage,
    timers,
    log: (line) => console.error(line),
    randomId,
    engine: browserMediaEngine(window, timers),
    hub: typeof window.EventSource === 'function' ? connectHub({ baseUrl: new URL('/emulator/call/', emulator).href, role: 'consumer', openEvents: browserEventSource(window), post }) : undefined,
    // LivePerson's call service closes a declined invitation; the emulator's control does it here.
    onDeclined: () => void post(new URL('/emulator/agent/decline', emulator).href, {}).catch(() => undefined),
  });
}
