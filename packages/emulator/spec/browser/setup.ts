/** A stand-in installed into the jsdom page with fakes, and the payloads the specs publish. */
import { installLpTagStandIn, type LpTagStandIn, type StandInInstallConfig } from '../../lib/browser/install';
import { createFakeEngine, createFakeHub, createFakeTimers, type FakeEngine, type FakeHub, type FakeTimers } from './fakes';

export const OFFER = {
  serviceId: 'consumer-1#conv-1',
  agentId: 'le123.456',
  visitorName: 'visitor',
  mode: 'VIDEO_CALL',
  ssid: 'sid-1',
  svid: 'vid-1',
} as const;

export const RESUME_DELAY_MS = 200;

export interface StandInHarness {
  readonly standIn: LpTagStandIn;
  readonly target: object;
  readonly timers: FakeTimers;
  readonly hub: FakeHub;
  readonly engine: FakeEngine;
  readonly logs: string[];
  /** `cobrowse/sessionError` payloads the app fired. */
  readonly errors: unknown[];
  publish(eventName: string, data?: unknown): void;
  container(): Element | null;
  screen(): HTMLElement | null;
  /** `[data-testid="lp-standin-<id>"]` inside the page. */
  part(id: string): HTMLElement | null;
  /** The hub requests of `action`, their bodies. */
  sent(action: string): Readonly<Record<string, unknown>>[];
}

/** Adds the site's call container (with a loading text) to the page. */
export function addContainer(): HTMLElement {
  const div = document.createElement('div');
  div.className = 'lp_cobrowse_callscreen_container';
  div.textContent = 'Connecting…';
  document.body.append(div);
  return div;
}

/** Installs a fresh stand-in on a fresh target; `timers` may be shared to simulate a reload. */
export function installHarness(overrides: Partial<StandInInstallConfig> & { timers?: FakeTimers } = {}): StandInHarness {
  const timers = overrides.timers ?? createFakeTimers();
  const hub = createFakeHub();
  const engine = createFakeEngine();
  const logs: string[] = [];
  const errors: unknown[] = [];
  const target = {};
  let n = 0;
  const standIn = installLpTagStandIn({
    target,
    document,
    storage: sessionStorage,
    log: (line) => logs.push(line),
    randomId: () => `random-${++n}`,
    hub,
    engine,
    resumeDelayMs: RESUME_DELAY_MS,
    ...overrides,
    timers,
  });
  standIn.lpTag.events.bind('cobrowse', 'sessionError', (data) => errors.push(data));
  const part = (id: string): HTMLElement | null => document.querySelector(`[data-testid="lp-standin-${id}"]`);
  return {
    standIn,
    target,
    timers,
    hub,
    engine,
    logs,
    errors,
    publish: (eventName, data) => {
      standIn.lpTag.events.publish('lpCoBrowse', eventName, data);
    },
    container: () => document.querySelector('.lp_cobrowse_callscreen_container'),
    screen: () => part('call-screen'),
    part,
    sent: (action) => hub.requests.filter(([a]) => a === action).map(([, body]) => body),
  };
}
