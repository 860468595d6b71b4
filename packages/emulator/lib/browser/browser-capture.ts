/**
 * Camera and microphone for the real media engine: `getUserMedia`, and for the agent console a
 * made-up stand-in when no device can be had (a drawn, ticking picture and silence), so the visitor
 * still sees the agent's side on a machine whose only camera the visitor's page holds.
 */
import type { MediaMode } from '../hub-protocol';
import type { BrowserWindow, CaptureOutcome, LocalMedia, ShownMedia } from './media-engine';

/** Plays `stream` in `element`; when autoplay refuses sound, plays it muted. */
export async function play(element: HTMLMediaElement, stream: MediaStream): Promise<'sound' | 'muted' | 'blocked'> {
  if (element.srcObject !== stream) element.srcObject = stream;
  try {
    await element.play();
    return element.muted ? 'muted' : 'sound';
  } catch {
    element.muted = true;
    try {
      await element.play();
      return 'muted';
    } catch {
      return 'blocked';
    }
  }
}

const kindsOf = (stream: MediaStream): ('audio' | 'video')[] => [
  ...(stream.getAudioTracks().length > 0 ? ['audio' as const] : []),
  ...(stream.getVideoTracks().length > 0 ? ['video' as const] : []),
];

/** A received stream as something the page can show. */
export function shownStream(stream: MediaStream): ShownMedia {
  return { kinds: kindsOf(stream), attach: (element) => play(element, stream) };
}

/** The stream behind each LocalMedia this engine made (the link adds its tracks). */
const streams = new WeakMap<LocalMedia, MediaStream>();

/** The stream of a LocalMedia made by {@link captureMedia}. */
export const streamOf = (media: LocalMedia): MediaStream | undefined => streams.get(media);

function localMedia(stream: MediaStream, synthetic: boolean, stopExtra: () => void = () => undefined): LocalMedia {
  const media: LocalMedia = {
    ...shownStream(stream),
    synthetic,
    setEnabled(kind, on) {
      for (const track of kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks()) track.enabled = on;
    },
    stop() {
      for (const track of stream.getTracks()) track.stop();
      stopExtra();
    },
  };
  streams.set(media, stream);
  return media;
}

/** A 640×360 picture saying who this is, redrawn every 200 ms (a moving clock), plus a silent audio track. */
function syntheticMedia(win: BrowserWindow, mode: MediaMode): LocalMedia {
  const tracks: MediaStreamTrack[] = [];
  const stops: (() => void)[] = [];
  const AudioContextClass = win.AudioContext;
  if (typeof AudioContextClass === 'function') {
    const audio = new AudioContextClass();
    tracks.push(...audio.createMediaStreamDestination().stream.getAudioTracks());
    stops.push(() => void audio.close());
  }
  const canvas = win.document.createElement('canvas');
  if (mode === 'VIDEO_CALL' && typeof canvas.captureStream === 'function') {
    canvas.width = 640;
    canvas.height = 360;
    const draw = (): void => {
      const g = canvas.getContext('2d');
      if (g === null) return;
      g.fillStyle = '#23395d';
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = '#ffffff';
      g.font = '32px sans-serif';
      g.fillText('Agent (no camera here)', 40, 160);
      g.font = '24px monospace';
      g.fillText(new Date().toISOString().slice(11, 21), 40, 210);
    };
    draw();
    const interval = win.setInterval(draw, 200);
    stops.push(() => win.clearInterval(interval));
    tracks.push(...canvas.captureStream(15).getVideoTracks());
  }
  return localMedia(new win.MediaStream(tracks), true, () => stops.forEach((stop) => stop()));
}

/** `getUserMedia` for `mode`; with `synthetic`, made-up media instead of a failure. */
export async function captureMedia(win: BrowserWindow, mode: MediaMode, synthetic: boolean): Promise<CaptureOutcome> {
  try {
    const stream = await win.navigator.mediaDevices.getUserMedia({ audio: true, video: mode === 'VIDEO_CALL' });
    return { ok: true, media: localMedia(stream, false) };
  } catch (error: unknown) {
    if (synthetic) return { ok: true, media: syntheticMedia(win, mode) };
    const errorName = error instanceof Error || (typeof DOMException === 'function' && error instanceof DOMException) ? error.name : 'Error';
    return { ok: false, errorName, message: error instanceof Error ? error.message : String(error) };
  }
}
