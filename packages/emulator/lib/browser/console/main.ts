/**
 * Entry of `dist/browser/agent-console.js`, loaded by the agent console page (`/agent`, same origin
 * as the emulator): starts the console with the browser's fetch, EventSource, timers, getUserMedia
 * and RTCPeerConnection. Browser demo code (not part of the library).
 */
import { browserEventSource, browserPostJson, browserTimers } from '../browser-defaults';
import { browserMediaEngine } from '../browser-media';
import { connectHub } from '../hub-client';
import { startConsole } from './console-app';

const timers = browserTimers(window);
const post = browserPostJson(window);
const hub = connectHub({ baseUrl: new URL('/emulator/call/', window.location.href).href, role: 'agent', openEvents: browserEventSource(window), post });
const stop = startConsole({
  document,
  timers,
  post,
  getState: async () => {
    const response = await window.fetch('/emulator/state', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body: unknown = await response.json();
    return body;
  },
  hub,
  engine: browserMediaEngine(window, timers),
});
window.addEventListener(
  'pagehide',
  () => {
    stop();
    hub.close();
  },
  { once: true },
);
