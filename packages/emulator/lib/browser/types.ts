/**
 * Shapes shared by the stand-in call app (browser demo code served by the emulator as `/lptag.js`).
 * Everything the app touches in the page (bus, storage, timers, channel, fetch, console) is injected,
 * so the specs run it in jsdom with fakes and no real time.
 */

/**
 * The part of the lpTag the stand-in call app uses: Chronos-style `bind`/`unbind` on `lpTag.events`
 * and `fire`, which delivers an event as the LivePerson call app does (stored for `hasFired`).
 */
export interface StandInBus {
  /** Returns `"evId_<n>"` (or `null` when nothing was bound). */
  bind(appName: string, eventName: string, func: (data: unknown) => void): unknown;
  /** Removes the listener whose id `bind` returned. */
  unbind(bindId: unknown): unknown;
  /** Delivers an event to its listeners and stores it for `hasFired`; returns whether one got it. */
  fire(appName: string, eventName: string, data?: unknown): unknown;
}

/** The call modes LP's own window renders (calls upper case, co-browse lower case). */
export type CallMode = 'VIDEO_CALL' | 'VOICE_CALL' | 'shared' | 'view' | 'follow';

/** An offer or accept as the site published it (mandatory fields present and non-empty). */
export interface CallOffer {
  readonly serviceId: string;
  readonly agentId: string;
  readonly visitorName: string;
  readonly mode: CallMode;
  readonly ssid: string;
  readonly svid: string;
}

/** The call the stand-in considers running; kept in sessionStorage to survive a reload. */
export interface ActiveCall {
  readonly serviceId: string;
  readonly mode: CallMode;
  readonly agentId: string;
  /** Epoch ms when the media first connected (drives the call timer, kept across a reload); none before. */
  readonly startedAt: number | undefined;
}

/** Timers and clock (the browser's by default; fakes in specs). */
export interface StandInTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Where the stand-in writes its console lines (mimics lpTag's debug log). */
export type StandInLog = (line: string) => void;

/** The answer of a JSON POST: the status and the decoded body (undefined when it was not JSON). */
export interface PostAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs `body` as JSON to `url` (the browser's fetch by default); rejects only when nothing answered. */
export type PostJson = (url: string, body: object) => Promise<PostAnswer>;

/** The part of `EventSource` the hub client uses (injectable: jsdom has none). */
export interface EventSourceLike {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  close(): void;
}

/** Opens an event stream (`new EventSource(url)` in the browser). */
export type EventSourceFactory = (url: string) => EventSourceLike;
