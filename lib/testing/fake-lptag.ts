/**
 * An in-memory lpTag with the documented Chronos.Events semantics, for tests and demos:
 * `bind` returns `"evId_<n>"`, `unbind(id)` returns whether it removed something, `publish`
 * returns whether a listener got the event and stores it for `hasFired`, app `"*"` matches every app.
 */
import type { LpTagLike, LpTagListener } from '../lptag/lptag-like';

/** A stored firing, as Chronos' `hasFired` returns it. */
export interface FakeFiredEvent {
  readonly appName: string;
  readonly eventName: string;
  readonly data: unknown;
}

/** One call of `events.publish` / `events.trigger` (not `fire`), in order. */
export interface FakePublish extends FakeFiredEvent {
  /** What `publish` returned. */
  readonly delivered: boolean;
}

/** Chronos' object form of `bind`. */
export interface FakeBindOptions {
  readonly appName?: string;
  readonly eventName?: string;
  readonly func?: LpTagListener;
  readonly triggerOnce?: boolean;
}

/** The fake lpTag: an `LpTagLike` plus controls for tests. */
export interface FakeLpTag extends LpTagLike {
  readonly events: {
    bind(appName: string, eventName: string, func: LpTagListener): string | null;
    bind(options: FakeBindOptions): string | null;
    unbind(bindId: unknown): boolean;
    publish(appName: string, eventName: string, data?: unknown): boolean;
    trigger(appName: string, eventName: string, data?: unknown): boolean;
    hasFired(appName: string, eventName: string): FakeFiredEvent[];
  };
  readonly taglets: { lp_monitoringSDK?: { getSid(): string | undefined; getVid(): string | undefined } };
  /** Fires an event as the LivePerson call app would (stored for `hasFired`, not logged as a publish). */
  fire(appName: string, eventName: string, data?: unknown): boolean;
  /** Live bindings right now. */
  bindingCount(): number;
  /** Every `events.publish` / `events.trigger` so far. */
  publishes(): readonly FakePublish[];
  /** Exceptions thrown by listeners (Chronos catches and logs them). */
  listenerErrors(): readonly unknown[];
  /** Replaces what `lp_monitoringSDK.getSid()` / `getVid()` return (an omitted id: `undefined`, not ready). */
  setMonitoringIds(ids: { readonly sid?: string; readonly vid?: string }): void;
}

/** Options of {@link createFakeLpTag}. */
export interface FakeLpTagOptions {
  /** Default `'fake-sid'`. */
  readonly sid?: string;
  /** Default `'fake-vid'`. */
  readonly vid?: string;
  /** `false`: no `taglets.lp_monitoringSDK` at all. Default `true`. */
  readonly monitoring?: boolean;
}

interface Binding {
  readonly id: string;
  readonly appName: string;
  readonly eventName: string;
  readonly func: LpTagListener;
  readonly once: boolean;
}

const matches = (pattern: string, name: string): boolean => pattern === '*' || pattern === name;

/**
 * Creates a fake lpTag.
 *
 * @example
 * import { createFakeLpTag } from 'lp-call-streams/testing';
 * const lpTag = createFakeLpTag({ sid: 's1', vid: 'v1' });
 * lpTag.fire('cobrowse', 'sessionError', { id: 'NO_CAMERA_ACCESS', msg: 'No camera' });
 * expect(lpTag.publishes().map((p) => p.eventName)).toEqual(['cobrowseOffered']);
 */
export function createFakeLpTag(options: FakeLpTagOptions = {}): FakeLpTag {
  let bindings: Binding[] = [];
  let nextId = 0;
  let ids: { sid?: string; vid?: string } = { sid: options.sid ?? 'fake-sid', vid: options.vid ?? 'fake-vid' };
  const fired: FakeFiredEvent[] = [];
  const publishLog: FakePublish[] = [];
  const errors: unknown[] = [];

  function bind(appOrOptions: string | FakeBindOptions, eventName?: string, func?: LpTagListener): string | null {
    const opts: FakeBindOptions = typeof appOrOptions === 'string' ? { appName: appOrOptions, eventName, func } : appOrOptions;
    if (!opts.eventName || typeof opts.func !== 'function') return null;
    const id = `evId_${nextId++}`;
    bindings.push({ id, appName: opts.appName ?? '*', eventName: opts.eventName, func: opts.func, once: opts.triggerOnce === true });
    return id;
  }

  function unbind(bindId: unknown): boolean {
    const before = bindings.length;
    bindings = bindings.filter((b) => b.id !== bindId);
    return bindings.length < before;
  }

  function dispatch(appName: string, eventName: string, data: unknown): boolean {
    const doNotStore = typeof data === 'object' && data !== null && 'doNotStore' in data && data.doNotStore === true;
    if (!doNotStore) fired.push({ appName, eventName, data });
    const targets = bindings.filter((b) => matches(b.appName, appName) && matches(b.eventName, eventName));
    for (const target of targets) {
      if (target.once) unbind(target.id);
      try {
        target.func(data, { appName, eventName });
      } catch (error: unknown) {
        errors.push(error);
      }
    }
    return targets.length > 0;
  }

  function publish(appName: string, eventName: string, data?: unknown): boolean {
    const delivered = dispatch(appName, eventName, data);
    publishLog.push({ appName, eventName, data, delivered });
    return delivered;
  }

  const monitoringSdk = { getSid: () => ids.sid, getVid: () => ids.vid };
  return {
    events: {
      bind,
      unbind,
      publish,
      trigger: publish,
      hasFired: (appName, eventName) =>
        fired.filter((f) => (appName === '*' || f.appName === appName) && matches(eventName, f.eventName)),
    },
    taglets: options.monitoring === false ? {} : { lp_monitoringSDK: monitoringSdk },
    fire: (appName, eventName, data) => dispatch(appName, eventName, data),
    bindingCount: () => bindings.length,
    publishes: () => [...publishLog],
    listenerErrors: () => [...errors],
    setMonitoringIds: (next) => {
      ids = { ...next };
    },
  };
}
