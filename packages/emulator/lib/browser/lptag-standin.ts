/**
 * Entry of `dist/browser/lptag.js`, which the emulator serves as `/lptag.js`: installs the stand-in
 * `lpTag` and call app into this page with the browser's own timers, storage, fetch and
 * BroadcastChannel. Browser demo code (not part of the library): real timers and console are fine here.
 */
import { installLpTagStandIn } from './install';
import { STANDIN_CHANNEL_NAME, type StandInChannel, type StandInFetch } from './types';

/** `/emulator/state` on the server that served this script (falls back to the page's origin). */
const stateUrlFor = (script: Element | null): string => {
  const src = script instanceof HTMLScriptElement ? script.src : '';
  try {
    return new URL('/emulator/state', src === '' ? window.location.href : src).href;
  } catch {
    return '/emulator/state';
  }
};

const openChannel = (): StandInChannel | undefined => {
  if (typeof BroadcastChannel !== 'function') return undefined;
  const channel = new BroadcastChannel(STANDIN_CHANNEL_NAME);
  return {
    onMessage: (listener) => channel.addEventListener('message', (event) => listener(event.data)),
    close: () => channel.close(),
  };
};

const fetchState: StandInFetch = (url) => window.fetch(url, { cache: 'no-store' });

const randomId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');

// document.currentScript is only set while this script first runs: read the URLs now.
const stateUrl = stateUrlFor(document.currentScript);
const declineUrl = stateUrl.replace(/\/emulator\/state$/, '/emulator/agent/decline');

if (!('lpTagStandIn' in window)) {
  installLpTagStandIn({
    target: window,
    document,
    storage: window.sessionStorage,
    timers: {
      now: () => Date.now(),
      setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      clearTimeout: (handle) => window.clearTimeout(typeof handle === 'number' ? handle : undefined),
      setInterval: (fn, ms) => window.setInterval(fn, ms),
      clearInterval: (handle) => window.clearInterval(typeof handle === 'number' ? handle : undefined),
    },
    log: (line) => console.error(line),
    randomId,
    channel: openChannel(),
    fetch: fetchState,
    stateUrl,
    // LivePerson's call service closes a declined invitation; the emulator's control does it here.
    onDeclined: () => {
      void window.fetch(declineUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => undefined);
    },
  });
}
