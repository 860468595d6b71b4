/**
 * The stand-in LivePerson call app: listens on `lpCoBrowse` like the real one, renders a fake call
 * screen into `.lp_cobrowse_callscreen_container`, keeps the active call in sessionStorage, fires
 * `cobrowse/sessionResume` after a reload and `cobrowse/sessionError` on demand.
 */
import { renderCallScreen, CONTAINER_SELECTOR, type CallScreenDispose } from './call-screen';
import { clearActiveCall, readActiveCall, writeActiveCall, type StandInStorage } from './call-store';
import { watchCall, type CallWatchConfig } from './call-watch';
import type { SessionErrorId } from './channel-messages';
import { decodeOffer, payloadServiceId } from './offer';
import type { ActiveCall, CallOffer, StandInBus, StandInLog, StandInTimers } from './types';

/** What the call app needs from the page. */
export interface CallAppDeps {
  readonly bus: StandInBus;
  readonly document: Document;
  readonly storage: StandInStorage;
  readonly timers: StandInTimers;
  readonly log: StandInLog;
  /** Polling of the emulator state (ends the call when the emulator's dialog closes); none if absent. */
  readonly watch?: CallWatchConfig | undefined;
  /**
   * Tells LivePerson's side that the consumer declined (the real call service closes the dialog;
   * the stand-in POSTs the emulator's `/emulator/agent/decline`). None: nothing is told.
   */
  readonly onDeclined?: ((serviceId: string | undefined) => void) | undefined;
  /** Delay between `cobrowseAccepted` and the call screen (default 300 ms, "connecting"). */
  readonly acceptDelayMs?: number;
  /** Delay between start-up with a stored call and `sessionResume` (default 200 ms). */
  readonly resumeDelayMs?: number;
}

/** Control over a running stand-in call app. */
export interface StandInCallApp {
  /** The call the app considers running, if any. */
  readonly activeCall: () => ActiveCall | undefined;
  /** The last valid offer not yet accepted or declined, if any. */
  readonly pendingOffer: () => CallOffer | undefined;
  /** Ends the call: removes the screen and forgets it (also in sessionStorage). */
  readonly endCall: () => void;
  /** Fires `cobrowse/sessionError {msg, id}`. */
  readonly fireSessionError: (id: SessionErrorId, msg: string) => void;
  /** Unbinds every listener and stops every timer (the stored call stays). */
  readonly dispose: () => void;
}

const APP = 'lpCoBrowse';
const errorLine = (event: string, bindId: unknown, detail: string): string =>
  `Events : Error executing ${event} eventId: ${String(bindId)}=${detail} LEVEL: ERROR`;

/** Starts the stand-in call app on `deps.bus` (binds at once; resumes a stored call). */
export function startCallApp(deps: CallAppDeps): StandInCallApp {
  const { bus, document, storage, timers, log } = deps;
  let offer: CallOffer | undefined;
  let active: ActiveCall | undefined = readActiveCall(storage);
  let disposeScreen: CallScreenDispose | undefined;
  let stopWatch: (() => void) | undefined;
  const pending = new Set<unknown>();
  const bindIds: unknown[] = [];

  const later = (ms: number, fn: () => void): void => {
    const handle = timers.setTimeout(() => {
      pending.delete(handle);
      fn();
    }, ms);
    pending.add(handle);
  };
  const cancelPending = (): void => {
    for (const handle of pending) timers.clearTimeout(handle);
    pending.clear();
  };

  const render = (event: string, bindId: unknown): void => {
    if (active === undefined) return;
    disposeScreen?.();
    disposeScreen = undefined;
    const container = document.querySelector(CONTAINER_SELECTOR);
    if (container === null) {
      log(errorLine(event, bindId, `no ${CONTAINER_SELECTOR} in the page`));
      return;
    }
    disposeScreen = renderCallScreen(container, active, timers);
  };

  const watch = (call: ActiveCall): void => {
    stopWatch?.();
    stopWatch = deps.watch === undefined ? undefined : watchCall(deps.watch, call.serviceId, endCall);
  };

  const endCall = (): void => {
    cancelPending();
    stopWatch?.();
    stopWatch = undefined;
    disposeScreen?.();
    disposeScreen = undefined;
    active = undefined;
    offer = undefined;
    clearActiveCall(storage);
  };

  const on = (event: string, handler: (data: unknown, bindId: unknown) => void): void => {
    const bindId: unknown = bus.bind(APP, event, (data) => handler(data, bindId));
    bindIds.push(bindId);
  };

  on('cobrowseOffered', (data, bindId) => {
    const decoded = decodeOffer(data);
    if (!decoded.ok) return log(errorLine('cobrowseOffered', bindId, `${decoded.field} is undefined`));
    offer = decoded.offer;
  });

  on('cobrowseAccepted', (data, bindId) => {
    const decoded = decodeOffer(data, offer);
    if (!decoded.ok) return log(errorLine('cobrowseAccepted', bindId, `${decoded.field} is undefined`));
    const accepted = decoded.offer;
    offer = undefined;
    cancelPending();
    later(deps.acceptDelayMs ?? 300, () => {
      const startedAt = active?.serviceId === accepted.serviceId ? active.startedAt : timers.now();
      active = { serviceId: accepted.serviceId, mode: accepted.mode, agentId: accepted.agentId, startedAt };
      writeActiveCall(storage, active);
      watch(active);
      render('cobrowseAccepted', bindId);
    });
  });

  on('cobrowseDeclined', (data) => {
    const serviceId = payloadServiceId(data);
    if (offer !== undefined && (serviceId === undefined || serviceId === offer.serviceId)) {
      offer = undefined;
      deps.onDeclined?.(serviceId);
    }
  });

  on('sliderOpened', (_data, bindId) => {
    if (active === undefined) return log(errorLine('sliderOpened', bindId, 'no active call'));
    render('sliderOpened', bindId);
  });

  const resumed = active;
  if (resumed !== undefined) {
    watch(resumed);
    // The payload of sessionResume is undocumented; the real app's is unknown, so none is sent.
    later(deps.resumeDelayMs ?? 200, () => bus.fire('cobrowse', 'sessionResume'));
  }

  return {
    activeCall: () => active,
    pendingOffer: () => offer,
    endCall,
    fireSessionError: (id, msg) => bus.fire('cobrowse', 'sessionError', { msg, id }),
    dispose: () => {
      cancelPending();
      stopWatch?.();
      disposeScreen?.();
      for (const id of bindIds.splice(0)) bus.unbind(id);
    },
  };
}
