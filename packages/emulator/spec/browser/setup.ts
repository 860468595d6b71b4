/** A stand-in installed into the jsdom page with fakes, and the payloads the specs publish. */
import { installLpTagStandIn, type LpTagStandIn, type StandInInstallConfig } from '../../lib/browser/install';
import { createFakeChannel, createFakeTimers, type FakeChannel, type FakeTimers } from './fakes';

export const OFFER = {
  serviceId: 'consumer-1#conv-1',
  agentId: 'le123.456',
  visitorName: 'visitor',
  mode: 'VIDEO_CALL',
  ssid: 'sid-1',
  svid: 'vid-1',
} as const;

export const ACCEPT_DELAY_MS = 300;
export const RESUME_DELAY_MS = 200;

export interface StandInHarness {
  readonly standIn: LpTagStandIn;
  readonly target: object;
  readonly timers: FakeTimers;
  readonly channel: FakeChannel;
  readonly logs: string[];
  publish(eventName: string, data?: unknown): void;
  container(): Element | null;
  screen(): Element | null;
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
  const channel = createFakeChannel();
  const logs: string[] = [];
  const target = {};
  let n = 0;
  const standIn = installLpTagStandIn({
    target,
    document,
    storage: sessionStorage,
    log: (line) => logs.push(line),
    randomId: () => `random-${++n}`,
    channel,
    acceptDelayMs: ACCEPT_DELAY_MS,
    resumeDelayMs: RESUME_DELAY_MS,
    ...overrides,
    timers,
  });
  return {
    standIn,
    target,
    timers,
    channel,
    logs,
    publish: (eventName, data) => {
      standIn.lpTag.events.publish('lpCoBrowse', eventName, data);
    },
    container: () => document.querySelector('.lp_cobrowse_callscreen_container'),
    screen: () => document.querySelector('[data-testid="lp-standin-call-screen"]'),
  };
}
