/**
 * Installs the stand-in `lpTag` (the test kit's Chronos-style fake bus plus monitoring ids) and the
 * stand-in call app into a page, and exposes `window.lpTagStandIn`. Every page dependency is
 * injectable; `lptag-standin.ts` passes the browser's.
 */
import { createFakeLpTag, type FakeLpTag } from 'lp-call-streams/testing';
import { startCallApp, type StandInCallApp } from './call-app';
import type { StandInStorage } from './call-store';
import type { HubClient } from './hub-client';
import type { MediaEngine } from './media-engine';
import { isRecord } from './narrow';
import type { StandInBus, StandInLog, StandInTimers } from './types';

/** Page dependencies of {@link installLpTagStandIn}. */
export interface StandInInstallConfig {
  /** Receives `lpTag` and `lpTagStandIn` (the browser's `window`). */
  readonly target: object;
  readonly document: Document;
  /** sessionStorage: monitoring ids and the active call. */
  readonly storage: StandInStorage;
  readonly timers: StandInTimers;
  readonly log: StandInLog;
  /** A fresh random id (monitoring session/visitor ids). */
  readonly randomId: () => string;
  /** getUserMedia and RTCPeerConnection. */
  readonly engine: MediaEngine;
  /** The emulator's call hub (accept, join, signalling, sessionError on demand); none: calls never connect. */
  readonly hub?: HubClient | undefined;
  readonly resumeDelayMs?: number;
  /** Called when the consumer declined a valid offer (see `CallAppDeps.onDeclined`). */
  readonly onDeclined?: (serviceId: string | undefined) => void;
}

/** What `window.lpTagStandIn` holds. */
export interface LpTagStandIn extends Pick<StandInCallApp, 'activeCall' | 'pendingOffer' | 'endCall' | 'fireSessionError'> {
  /** The installed bus (also `window.lpTag`). */
  readonly lpTag: FakeLpTag;
  /** Unbinds the call app, stops its timers and media, closes the hub's event stream. */
  uninstall(): void;
}

const installs = new WeakMap<object, LpTagStandIn>();

const SID_KEY = 'lpCallStreamsStandIn.sid';
const VID_KEY = 'lpCallStreamsStandIn.vid';

const storedId = (storage: StandInStorage, key: string, randomId: () => string): string => {
  const existing = storage.getItem(key);
  if (existing !== null && existing.length > 0) return existing;
  const id = randomId();
  storage.setItem(key, id);
  return id;
};

/** Runs the callbacks an inline lpTag stub queued with `lpTag.defer` before the tag loaded. */
const runDeferred = (previous: unknown, log: StandInLog): void => {
  if (!isRecord(previous)) return;
  for (const key of ['_defB', '_defL', '_defT']) {
    const queue = previous[key];
    if (!Array.isArray(queue)) continue;
    const items: readonly unknown[] = queue;
    for (const fn of items) {
      try {
        if (typeof fn === 'function') Reflect.apply(fn, undefined, []);
      } catch (error: unknown) {
        log(`Events : Error executing deferred call: ${String(error)} LEVEL: ERROR`);
      }
    }
  }
};

/**
 * Installs the stand-in into `config.target` (idempotent: a second call returns the first install).
 * Sets `target.lpTag` and `target.lpTagStandIn`; the call app binds at once and, if sessionStorage
 * holds an active call, fires `cobrowse/sessionResume` after `resumeDelayMs`.
 */
export function installLpTagStandIn(config: StandInInstallConfig): LpTagStandIn {
  const { target, storage, log } = config;
  const existing = installs.get(target);
  if (existing !== undefined) return existing;
  const previous: unknown = Reflect.get(target, 'lpTag');
  const lpTag = createFakeLpTag({
    sid: storedId(storage, SID_KEY, config.randomId),
    vid: storedId(storage, VID_KEY, config.randomId),
  });
  const bus: StandInBus = {
    bind: (appName, eventName, func) => lpTag.events.bind(appName, eventName, func),
    unbind: (bindId) => lpTag.events.unbind(bindId),
    fire: (appName, eventName, data) => lpTag.fire(appName, eventName, data),
  };
  const app = startCallApp({
    bus,
    document: config.document,
    storage,
    timers: config.timers,
    log,
    engine: config.engine,
    hub: config.hub,
    onDeclined: config.onDeclined,
    ...(config.resumeDelayMs === undefined ? {} : { resumeDelayMs: config.resumeDelayMs }),
  });

  const standIn: LpTagStandIn = {
    lpTag,
    activeCall: app.activeCall,
    pendingOffer: app.pendingOffer,
    endCall: app.endCall,
    fireSessionError: app.fireSessionError,
    uninstall: () => {
      app.dispose();
      config.hub?.close();
      installs.delete(target);
      Reflect.deleteProperty(target, 'lpTagStandIn');
    },
  };
  installs.set(target, standIn);
  Reflect.set(target, 'lpTag', lpTag);
  Reflect.set(target, 'lpTagStandIn', standIn);
  runDeferred(previous, log);
  return standIn;
}
