/**
 * The browser's own implementations of what the stand-in and the agent console take injected:
 * timers, JSON POSTs (fetch) and event streams (EventSource). Browser demo code: real time is fine here.
 */
import type { EventSourceFactory, EventSourceLike, PostJson, StandInTimers } from './types';

export const browserTimers = (win: Window): StandInTimers => ({
  now: () => Date.now(),
  setTimeout: (fn, ms) => win.setTimeout(fn, ms),
  clearTimeout: (handle) => win.clearTimeout(typeof handle === 'number' ? handle : undefined),
  setInterval: (fn, ms) => win.setInterval(fn, ms),
  clearInterval: (handle) => win.clearInterval(typeof handle === 'number' ? handle : undefined),
});

export const browserPostJson =
  (win: Window): PostJson =>
  async (url, body) => {
    const response = await win.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed };
  };

export const browserEventSource =
  (win: Window & typeof globalThis): EventSourceFactory =>
  (url) => {
    const source = new win.EventSource(url);
    const like: EventSourceLike = { onmessage: null, close: () => source.close() };
    source.onmessage = (event: MessageEvent<unknown>) => like.onmessage?.({ data: event.data });
    return like;
  };
