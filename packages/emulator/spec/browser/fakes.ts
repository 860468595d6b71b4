/** Fakes for the stand-in specs: manual timers, an in-memory channel, a scripted fetch. */
import type { StandInChannel, StandInFetch, StandInTimers } from '../../lib/browser/types';

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

export interface FakeChannel extends StandInChannel {
  /** Delivers `data` as a message from another page. */
  deliver(data: unknown): void;
  closed(): boolean;
}

export function createFakeChannel(): FakeChannel {
  const listeners: ((data: unknown) => void)[] = [];
  let isClosed = false;
  return {
    onMessage: (listener) => {
      listeners.push(listener);
    },
    close: () => {
      isClosed = true;
    },
    deliver: (data) => {
      if (!isClosed) for (const listener of listeners) listener(data);
    },
    closed: () => isClosed,
  };
}

export interface FakeFetch {
  readonly fetch: StandInFetch;
  /** URLs requested so far. */
  readonly calls: string[];
  /** What the next requests answer (the last one repeats): a JSON body, or an Error to reject with. */
  respond(body: unknown): void;
}

export function createFakeFetch(): FakeFetch {
  const calls: string[] = [];
  let body: unknown = { conversations: [] };
  return {
    calls,
    respond: (next) => {
      body = next;
    },
    fetch: (url) => {
      calls.push(url);
      const current = body;
      if (current instanceof Error) return Promise.reject(current);
      return Promise.resolve({ ok: true, json: () => Promise.resolve(current) });
    },
  };
}

/** Lets pending promise callbacks (the fake fetch) run. */
export const flushPromises = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
