/**
 * The real media engine: `getUserMedia` and `RTCPeerConnection` of `win` (the page's window).
 */
import { captureMedia } from './browser-capture';
import { openLink } from './browser-link';
import type { BrowserWindow, MediaEngine } from './media-engine';
import type { StandInTimers } from './types';

export function browserMediaEngine(win: BrowserWindow, timers: StandInTimers): MediaEngine {
  return {
    supported: () => typeof win.RTCPeerConnection === 'function' && typeof win.navigator.mediaDevices?.getUserMedia === 'function',
    capture: (mode, options) => captureMedia(win, mode, options?.synthetic ?? false),
    connect: (options) => openLink(win, timers, options),
  };
}
