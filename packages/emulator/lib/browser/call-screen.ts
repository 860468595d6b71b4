/**
 * The call screen both sides show: the remote video (or audio), a small local preview, the status,
 * a timer, and mute / camera-off / hang-up buttons. The stand-in call app renders it into the site's
 * `.lp_cobrowse_callscreen_container`, the agent console into its call panel. Text only (textContent);
 * inline styles, so it needs no stylesheet from the site, and it fits a 390 px wide phone.
 */
import type { LocalMedia, ShownMedia } from './media-engine';
import type { CallMode, StandInTimers } from './types';

/** Class of the element the site creates for the call UI (LP docs, "Prepare UI"). */
export const CONTAINER_SELECTOR = '.lp_cobrowse_callscreen_container';

export interface CallScreenOptions {
  readonly mode: CallMode;
  /** e.g. "Video call with agent 123456.356285412". */
  readonly title: string;
  /** `data-testid` prefix: `lp-standin` (visitor page) or `agent` (console). */
  readonly testIdPrefix: string;
  /** How the other side is called in texts, e.g. "The agent". */
  readonly remoteName: string;
  readonly timers: StandInTimers;
  onHangup(): void;
  onToggle(kind: 'audio' | 'video', on: boolean): void;
}

export interface CallScreen {
  readonly element: HTMLElement;
  /** Puts the screen into `container`, replacing what was there (the site's loading text). */
  mount(container: Element): void;
  /** The status line; `state` goes to `data-status` (e.g. `waiting`, `connected`). */
  status(text: string, state: string): void;
  showLocal(media: LocalMedia): void;
  showRemote(media: ShownMedia): void;
  /** What the other side said about its microphone and camera. */
  remoteMedia(audio: boolean, video: boolean): void;
  /** Starts (or restarts) the timer from `startedAt` (epoch ms). */
  startTimer(startedAt: number): void;
  /** Stops the timer and removes the screen. */
  dispose(): void;
}

const TITLE_STYLE = 'font-weight:600;overflow-wrap:anywhere';
const BUTTON_STYLE = 'font:inherit;padding:6px 12px;border-radius:6px;border:0;cursor:pointer;background:#3b4252;color:#fff';

/** `m:ss` (or `h:mm:ss`) since `startedAt`. */
export function elapsedText(now: number, startedAt: number): string {
  const total = Math.max(0, Math.floor((now - startedAt) / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function createCallScreen(doc: Document, options: CallScreenOptions): CallScreen {
  const { testIdPrefix: p, timers } = options;
  const video = options.mode === 'VIDEO_CALL';
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, testId: string, style: string, text = ''): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (testId !== '') node.dataset['testid'] = `${p}-${testId}`;
    node.style.cssText = style;
    node.textContent = text;
    return node;
  };
  const root = el('div', 'call-screen', 'background:#1f2430;color:#f5f7fa;padding:12px;border-radius:8px;font:14px/1.4 system-ui,sans-serif;display:grid;gap:8px;max-width:100%;box-sizing:border-box');
  root.dataset['mode'] = options.mode;
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', 'Call');
  const title = el('div', 'call-title', TITLE_STYLE, options.title);
  const statusText = el('span', 'call-status', '', '');
  const elapsed = el('span', 'call-elapsed', 'font-variant-numeric:tabular-nums;opacity:.8', '');
  const line = el('div', '', 'display:flex;gap:12px;flex-wrap:wrap;justify-content:space-between');
  line.append(statusText, elapsed);
  const note = el('div', 'remote-media', 'opacity:.8;min-height:1.2em');

  const remoteVideo = el('video', 'remote-video', 'width:100%;height:100%;object-fit:contain;background:#000');
  const localVideo = el('video', 'local-video', 'position:absolute;right:8px;bottom:8px;width:30%;max-width:160px;border:2px solid #fff;border-radius:6px;background:#000');
  const remoteAudio = el('audio', 'remote-audio', 'display:none');
  for (const media of [remoteVideo, localVideo, remoteAudio]) media.autoplay = true;
  for (const media of [remoteVideo, localVideo]) media.setAttribute('playsinline', '');
  localVideo.muted = true;
  const stage = el('div', 'call-stage', 'position:relative;width:100%;aspect-ratio:16/9;background:#000;border-radius:6px;overflow:hidden');
  stage.append(remoteVideo, localVideo);

  const controls = el('div', '', 'display:flex;gap:8px;flex-wrap:wrap');
  const mute = el('button', 'mute', BUTTON_STYLE, 'Mute');
  const camera = el('button', 'camera', BUTTON_STYLE, 'Camera off');
  const sound = el('button', 'sound', `${BUTTON_STYLE};background:#b7791f`, 'Turn the sound on');
  const hangup = el('button', 'hangup', `${BUTTON_STYLE};background:#c53030`, 'Hang up');
  for (const button of [mute, camera, sound, hangup]) button.type = 'button';
  sound.hidden = true;
  controls.append(mute, ...(video ? [camera] : []), sound, hangup);
  root.append(title, line, ...(video ? [stage] : []), remoteAudio, note, controls);

  const toggles = { audio: true, video: true };
  const toggle = (kind: 'audio' | 'video', button: HTMLButtonElement, on: string, off: string): void => {
    toggles[kind] = !toggles[kind];
    button.textContent = toggles[kind] ? off : on;
    button.setAttribute('aria-pressed', String(!toggles[kind]));
    options.onToggle(kind, toggles[kind]);
  };
  mute.addEventListener('click', () => toggle('audio', mute, 'Unmute', 'Mute'));
  camera.addEventListener('click', () => toggle('video', camera, 'Camera on', 'Camera off'));
  hangup.addEventListener('click', () => options.onHangup());
  const remoteElement = (): HTMLMediaElement => (video ? remoteVideo : remoteAudio);
  sound.addEventListener('click', () => {
    remoteElement().muted = false;
    sound.hidden = true;
    void remoteElement().play();
  });

  let tick: unknown;
  const stopTimer = (): void => {
    if (tick !== undefined) timers.clearInterval(tick);
    tick = undefined;
  };
  return {
    element: root,
    mount: (container) => container.replaceChildren(root),
    status(text, state) {
      statusText.textContent = text;
      root.dataset['status'] = state;
    },
    showLocal(media) {
      if (video) void media.attach(localVideo);
    },
    showRemote(media) {
      void media.attach(remoteElement()).then((how) => {
        sound.hidden = how === 'sound';
      });
    },
    remoteMedia(audio, camOn) {
      const off = [...(audio ? [] : ['muted the microphone']), ...(camOn || !video ? [] : ['turned the camera off'])];
      note.textContent = off.length === 0 ? '' : `${options.remoteName} ${off.join(' and ')}.`;
    },
    startTimer(startedAt) {
      stopTimer();
      const show = (): void => void (elapsed.textContent = elapsedText(timers.now(), startedAt));
      show();
      tick = timers.setInterval(show, 1000);
    },
    dispose() {
      stopTimer();
      root.remove();
    },
  };
}
