/** Fakes for the browser specs: manual timers, a scripted call hub, a media engine without WebRTC. */
import type { CallSignal, HubMessage, MediaConfig } from '../../lib/hub-protocol';
import type { HubAnswer, HubClient } from '../../lib/browser/hub-client';
import type { CaptureOutcome, LinkOptions, LinkState, LocalMedia, MediaEngine, MediaLink, ShownMedia } from '../../lib/browser/media-engine';
import type { StandInTimers } from '../../lib/browser/types';

export interface FakeTimers extends StandInTimers {
  /** Moves the clock forward, running due timeouts and intervals in time order. */
  advance(ms: number): void;
  /** Number of timeouts and intervals still scheduled. */
  pendingCount(): number;
}

interface Task {
  readonly id: number;
  due: number;
  readonly every: number | undefined;
  readonly fn: () => void;
}

export function createFakeTimers(start = 1_000_000): FakeTimers {
  let now = start;
  let nextId = 1;
  let tasks: Task[] = [];
  const add = (fn: () => void, ms: number, every: number | undefined): number => {
    const id = nextId++;
    tasks.push({ id, due: now + ms, every, fn });
    return id;
  };
  const remove = (handle: unknown): void => {
    tasks = tasks.filter((t) => t.id !== handle);
  };
  return {
    now: () => now,
    setTimeout: (fn, ms) => add(fn, ms, undefined),
    setInterval: (fn, ms) => add(fn, ms, ms),
    clearTimeout: remove,
    clearInterval: remove,
    pendingCount: () => tasks.length,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = tasks.filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
        if (next === undefined) break;
        now = next.due;
        if (next.every === undefined) remove(next.id);
        else next.due += next.every;
        next.fn();
      }
      now = end;
    },
  };
}

/** Lets pending promise callbacks run. */
export const flushPromises = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

export const MEDIA: MediaConfig = { iceServers: [{ urls: 'stun:stun.example' }], iceTransportPolicy: 'all', connectTimeoutMs: 15_000, agentGoneMs: 5_000 };

export interface FakeHub extends HubClient {
  /** Requests so far: `[action, body]` (body with the peerId the real client adds). */
  readonly requests: [string, Readonly<Record<string, unknown>>][];
  /** Delivers a message from the hub. */
  deliver(message: HubMessage): void;
  /** `hello` with `peerId` (and the media config). */
  hello(peerId?: string): void;
  /** What requests of `action` answer from now on (default ok). */
  answer(action: string, answer: HubAnswer): void;
  closed(): boolean;
}

export function createFakeHub(): FakeHub {
  const listeners = new Set<(message: HubMessage) => void>();
  const answers = new Map<string, HubAnswer>();
  const requests: [string, Readonly<Record<string, unknown>>][] = [];
  let peerId: string | undefined;
  let isClosed = false;
  const deliver = (message: HubMessage): void => {
    if (message.type === 'hello') peerId = message.peerId;
    for (const listener of [...listeners]) listener(message);
  };
  return {
    requests,
    deliver,
    hello: (id = 'peer-1') => deliver({ type: 'hello', peerId: id, role: 'consumer', media: MEDIA }),
    answer: (action, answer) => void answers.set(action, answer),
    closed: () => isClosed,
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    peerId: () => peerId,
    request(action, body) {
      requests.push([action, action === 'accept' ? body : { ...body, peerId: peerId ?? '' }]);
      return Promise.resolve(answers.get(action) ?? { ok: true, body: {} });
    },
    close() {
      isClosed = true;
      listeners.clear();
    },
  };
}

/** Media the fake engine "shows": attaching writes `data-shown` on the element. */
const shown = (name: string, kinds: readonly ('audio' | 'video')[]): ShownMedia => ({
  kinds,
  attach: (element) => {
    element.dataset['shown'] = name;
    return Promise.resolve('sound');
  },
});

export interface FakeLocalMedia extends LocalMedia {
  readonly enabled: { audio: boolean; video: boolean };
  stopped(): boolean;
}

export function fakeLocalMedia(synthetic = false): FakeLocalMedia {
  let isStopped = false;
  const enabled = { audio: true, video: true };
  return {
    ...shown(synthetic ? 'synthetic' : 'local', ['audio', 'video']),
    synthetic,
    enabled,
    setEnabled: (kind, on) => void (enabled[kind] = on),
    stop: () => void (isStopped = true),
    stopped: () => isStopped,
  };
}

export interface FakeLink extends MediaLink {
  readonly options: LinkOptions;
  readonly received: CallSignal[];
  started(): boolean;
  closed(): boolean;
  /** The connection reaches `state`. */
  state(state: LinkState): void;
  /** The other side's media arrives. */
  remote(): void;
}

export interface FakeEngine extends MediaEngine {
  readonly links: FakeLink[];
  readonly captures: { readonly mode: string; readonly synthetic: boolean }[];
  /** The media of the last successful capture. */
  lastMedia(): FakeLocalMedia | undefined;
  /** What the next captures give (default: a fake camera and microphone). */
  captureWith(outcome: () => CaptureOutcome): void;
  /** Captures wait until `release()` (to see the state in between). */
  holdCaptures(): { release(): void };
  setSupported(supported: boolean): void;
}

export function createFakeEngine(): FakeEngine {
  const links: FakeLink[] = [];
  const captures: { mode: string; synthetic: boolean }[] = [];
  let supported = true;
  let last: FakeLocalMedia | undefined;
  let next = (): CaptureOutcome => {
    last = fakeLocalMedia();
    return { ok: true, media: last };
  };
  let gate: Promise<void> = Promise.resolve();
  return {
    links,
    captures,
    lastMedia: () => last,
    captureWith: (outcome) => void (next = outcome),
    holdCaptures: () => {
      let release = (): void => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return { release: () => release() };
    },
    setSupported: (value) => void (supported = value),
    supported: () => supported,
    async capture(mode, options) {
      captures.push({ mode, synthetic: options?.synthetic ?? false });
      await gate;
      return next();
    },
    connect(options) {
      let isStarted = false;
      let isClosed = false;
      const link: FakeLink = {
        options,
        received: [],
        started: () => isStarted,
        closed: () => isClosed,
        state: (state) => options.onState(state),
        remote: () => options.onRemote(shown('remote', ['audio', 'video'])),
        start: () => void (isStarted = true),
        receive: (signal) => void link.received.push(signal),
        close: () => void (isClosed = true),
      };
      links.push(link);
      return link;
    },
  };
}
