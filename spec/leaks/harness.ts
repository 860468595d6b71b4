/**
 * What the leak suites look at after many subscribe/unsubscribe cycles: live lpTag bindings, pending
 * scheduler actions, the close codes the sockets were closed with, call-screen containers in the
 * DOM, and retained heap after a forced GC.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import type { Subscription, VirtualTimeScheduler } from 'rxjs';
import { CALL_SCREEN_CLASS } from '../../lib/dom/call-screen-container';
import { createFakeSocketFactory, type FakeSocket, type FakeSocketOptions } from '../../lib/testing/fake-socket';
import type { WebSocketFactory } from '../../lib/transport/websocket-like';
import type { LpTagLike, LpTagListener } from '../../lib/lptag/lptag-like';

/** How many subscribe/unsubscribe cycles each stream gets. */
export const CYCLES = 1000;

/** Runs everything due in the next `ms` of the scheduler's virtual time. */
export function advance(scheduler: VirtualTimeScheduler, ms: number): void {
  scheduler.maxFrames = scheduler.frame + ms;
  scheduler.flush();
  scheduler.frame = scheduler.maxFrames;
}

/** Actions still scheduled (a VirtualAction leaves `actions` when it runs or is unsubscribed). */
export const pending = (scheduler: VirtualTimeScheduler): number => scheduler.actions.length;

/** Call-screen containers in the jsdom document. */
export const containers = (): number => document.querySelectorAll(`.${CALL_SCREEN_CLASS}`).length;

/**
 * A socket factory that keeps, of each socket, only how it ended: the code the client closed it
 * with (`'not closed'` while it is open, `'dropped'` when the server side ended it). Holding no socket,
 * it retains nothing per cycle, so heap measurements see the library alone.
 */
export interface SocketLedger {
  readonly webSocketFactory: WebSocketFactory;
  /** Sockets made so far. */
  made(): number;
  /** The newest socket (the server's side of the script). */
  latest(): FakeSocket;
  /** Close codes by how many sockets ended with them (`'open'`: not closed by the client yet). */
  closes(): Readonly<Record<string, number>>;
}

export function socketLedger(options: FakeSocketOptions): SocketLedger {
  const open = new Set<FakeSocket>();
  const codes: Record<string, number> = {};
  let made = 0;
  let latest: FakeSocket | undefined;
  const count = (key: string): void => {
    codes[key] = (codes[key] ?? 0) + 1;
  };
  return {
    webSocketFactory: (url) => {
      // A fresh fake factory per socket: the old ones (and their record of sockets) can be collected.
      const socket = createFakeSocketFactory(options).webSocketFactory(url);
      made += 1;
      latest = socket;
      open.add(socket);
      const clientClose = socket.close.bind(socket);
      socket.close = (code, reason) => {
        if (open.delete(socket)) count(String(code ?? 'none'));
        clientClose(code, reason);
      };
      return socket;
    },
    made: () => made,
    latest: () => {
      if (latest === undefined) throw new Error('no socket was made yet');
      return latest;
    },
    closes: () => ({ ...codes, ...(open.size > 0 ? { open: open.size } : {}) }),
  };
}

/**
 * An lpTag that keeps no history (the test kit's fake stores every firing and publish, which would
 * grow the heap the heap checks measure): live bindings, and how many publishes a listener heard.
 */
export interface CountingLpTag extends LpTagLike {
  bindingCount(): number;
  published(): number;
}

export function countingLpTag(): CountingLpTag {
  const bindings = new Map<string, { readonly app: string; readonly event: string; readonly func: LpTagListener }>();
  let nextId = 0;
  let published = 0;
  return {
    events: {
      bind: (app, event, func) => {
        const id = `evId_${nextId++}`;
        bindings.set(id, { app, event, func });
        return id;
      },
      unbind: (id) => typeof id === 'string' && bindings.delete(id),
      publish: (app, event, data) => {
        published += 1;
        for (const binding of [...bindings.values()]) if (binding.app === app && binding.event === event) binding.func(data, { appName: app, eventName: event });
        return true;
      },
    },
    taglets: { lp_monitoringSDK: { getSid: () => 'sid-1', getVid: () => 'vid-1' } },
    bindingCount: () => bindings.size,
    published: () => published,
  };
}

/** Subscribes `times` times, running `between` while subscribed and `after` after each unsubscribe. */
export function cycle(times: number, subscribe: () => Subscription, between: () => void, after: () => void = () => undefined): void {
  for (let i = 0; i < times; i += 1) {
    const subscription = subscribe();
    between();
    subscription.unsubscribe();
    after();
  }
}

let collect: (() => void) | undefined;

/** A full, forced garbage collection (V8's `gc`, exposed at run time for a fresh context). */
export function forceGc(): void {
  if (collect === undefined) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  collect();
}

/** Heap used after a forced GC: the lowest of three readings (finalizers may free more on the next pass). */
export function retainedHeap(): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i += 1) {
    forceGc();
    lowest = Math.min(lowest, process.memoryUsage().heapUsed);
  }
  return lowest;
}

/**
 * Retained heap growth of `run(cycles)`: `run(warmUp)` first (module caches, JIT, lazily built
 * tables), then the heap after `run(cycles)` minus the heap before it.
 */
export function heapGrowth(run: (cycles: number) => void, warmUp: number, cycles: number): { readonly before: number; readonly after: number; readonly growth: number } {
  run(warmUp);
  const before = retainedHeap();
  run(cycles);
  const after = retainedHeap();
  return { before, after, growth: after - before };
}
