/**
 * The fake call screen: a dark panel with the agent, the mode and an elapsed-seconds counter,
 * rendered into the site's `.lp_cobrowse_callscreen_container`. No media; text only (textContent).
 */
import type { ActiveCall, CallMode, StandInTimers } from './types';

/** Class of the element the site creates for the call UI (LP docs, "Prepare UI"). */
export const CONTAINER_SELECTOR = '.lp_cobrowse_callscreen_container';

/** `data-testid` of the panel and of its counter. */
export const CALL_SCREEN_TESTID = 'lp-standin-call-screen';
export const ELAPSED_TESTID = 'lp-standin-call-elapsed';

const TITLES: Record<CallMode, string> = {
  VIDEO_CALL: 'Video call',
  VOICE_CALL: 'Voice call',
  shared: 'Co-browse',
  view: 'Co-browse',
  follow: 'Co-browse',
};

/** Removes the panel and stops its counter. */
export type CallScreenDispose = () => void;

const elapsedText = (call: ActiveCall, timers: StandInTimers): string =>
  `${Math.max(0, Math.floor((timers.now() - call.startedAt) / 1000))} s`;

/**
 * Replaces the content of `container` with the call panel of `call`; the counter ticks every second.
 * The returned function stops the counter and removes the panel (the container itself stays: the
 * site owns it).
 */
export function renderCallScreen(container: Element, call: ActiveCall, timers: StandInTimers): CallScreenDispose {
  const doc = container.ownerDocument;
  const panel = doc.createElement('div');
  panel.dataset['testid'] = CALL_SCREEN_TESTID;
  panel.dataset['serviceId'] = call.serviceId;
  panel.dataset['mode'] = call.mode;
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', 'Call');
  Object.assign(panel.style, {
    background: '#1f2430',
    color: '#f5f7fa',
    padding: '16px',
    borderRadius: '8px',
    font: '14px/1.4 system-ui, sans-serif',
    minHeight: '120px',
  });

  const title = doc.createElement('div');
  title.style.fontWeight = '600';
  title.textContent = `${TITLES[call.mode]} with agent ${call.agentId} — ${call.mode}`;

  const note = doc.createElement('div');
  note.style.opacity = '0.7';
  note.textContent = 'Stand-in call screen (lp-call-streams emulator, no media)';

  const elapsed = doc.createElement('div');
  elapsed.dataset['testid'] = ELAPSED_TESTID;
  elapsed.textContent = elapsedText(call, timers);

  panel.append(title, note, elapsed);
  container.replaceChildren(panel);

  const tick = timers.setInterval(() => {
    elapsed.textContent = elapsedText(call, timers);
  }, 1000);
  return () => {
    timers.clearInterval(tick);
    panel.remove();
  };
}
