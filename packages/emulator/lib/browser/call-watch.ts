/**
 * Ends the stand-in call when the emulator says it ended: polls `GET /emulator/state` every second
 * while a call is active. This is how the real call app learns of a hang-up (its own media session
 * ends); here the emulator's dialog is the source of truth, whatever ended it (agent console button,
 * control API from a test, expiry, conversation closed).
 */
import { callStatusIn } from './call-status';
import type { StandInFetch, StandInTimers } from './types';

/** What the watch needs. */
export interface CallWatchConfig {
  readonly fetch: StandInFetch;
  /** Absolute or page-relative URL of `GET /emulator/state`. */
  readonly stateUrl: string;
  readonly timers: StandInTimers;
  /** Poll period in ms (default 1000). */
  readonly periodMs?: number;
}

/**
 * Polls until the call `serviceId` is closed (or disappears after it was seen), then calls `onEnded`
 * once. Fetch or JSON failures are ignored (the next poll retries). Returns a stop function.
 */
export function watchCall(config: CallWatchConfig, serviceId: string, onEnded: () => void): () => void {
  const { fetch, stateUrl, timers } = config;
  let stopped = false;
  let inFlight = false;
  let seenOpen = false;

  const poll = async (): Promise<void> => {
    const response = await fetch(stateUrl);
    if (!response.ok) return;
    const status = callStatusIn(await response.json(), serviceId);
    if (stopped) return;
    if (status === 'open') seenOpen = true;
    if (status === 'closed' || (status === 'absent' && seenOpen)) {
      stop();
      onEnded();
    }
  };

  const handle = timers.setInterval(() => {
    if (inFlight || stopped) return;
    inFlight = true;
    poll()
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
      });
  }, config.periodMs ?? 1000);

  const stop = (): void => {
    stopped = true;
    timers.clearInterval(handle);
  };
  return stop;
}
