/**
 * The minimal structural view of LivePerson's `lpTag` this library needs, and the runtime check
 * that a candidate really is a loaded tag (not the inline stub, which has no `unbind`/`publish`).
 */

/** A listener as `lpTag.events.bind` calls it: `(eventData, { eventName, appName })`. */
export type LpTagListener = (data: unknown, info?: unknown) => void;

/**
 * What we use of `lpTag` (a Chronos-style event bus). Every value it hands back is `unknown`
 * and narrowed where it is read.
 */
export interface LpTagLike {
  /** `lpTag.events`: the bus the call app and the page talk over. */
  readonly events: {
    /** Returns a binding id (Chronos: `"evId_<n>"`) that `unbind` accepts. */
    bind(appName: string, eventName: string, func: LpTagListener): unknown;
    /** Chronos: `true` if a listener was removed. */
    unbind(bindId: unknown): unknown;
    /** Chronos: `true` if at least one listener got the event. */
    publish(appName: string, eventName: string, data?: unknown): unknown;
    /** Chronos: an array of `{ appName, eventName, data }` of every stored firing. */
    hasFired?(appName: string, eventName: string): unknown;
  };
  /** `lpTag.taglets`: the monitoring SDK gives the visitor's ids for the call events. */
  readonly taglets?: {
    readonly lp_monitoringSDK?: {
      /** The monitoring session id (`ssid`). */
      getSid?(): unknown;
      /** The monitoring visitor id (`svid`). */
      getVid?(): unknown;
    };
  };
}

/**
 * Reads `lpTag` when asked, so the tag may load after the library (e.g. `() => window.lpTag`).
 * What it returns is checked with {@link isLpTagLike} each time, so it may return anything.
 */
export type LpTagAccessor = () => unknown;

/** An `lpTag` itself, or an accessor for one that may appear later. */
export type LpTagSource = LpTagLike | LpTagAccessor;

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

/** `read()`, or `undefined` if it throws: lpTag, its SDKs and the page's accessors are foreign code. */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * True when `candidate` is a loaded lpTag: `events.bind`, `events.unbind` and `events.publish`
 * are functions. The inline tag stub (bind/trigger only, queueing) is not ready.
 *
 * @example
 * import { isLpTagLike } from 'lp-call-streams/testing';
 * const lpTag = () => { const t: unknown = Reflect.get(globalThis, 'lpTag'); return isLpTagLike(t) ? t : undefined; };
 */
export function isLpTagLike(candidate: unknown): candidate is LpTagLike {
  const events: unknown = isObject(candidate) ? Reflect.get(candidate, 'events') : undefined;
  return isObject(events) && ['bind', 'unbind', 'publish'].every((method) => typeof Reflect.get(events, method) === 'function');
}

/** The ready lpTag behind `source` right now, or `undefined` (a throwing accessor counts as absent). */
export function readLpTag(source: LpTagSource): LpTagLike | undefined {
  const candidate = attempt(() => (typeof source === 'function' ? source() : source));
  return isLpTagLike(candidate) ? candidate : undefined;
}
