/**
 * The inputs of the dialog core. Pure data: no rxjs, no clock.
 */
import type { InboundFrame } from '../protocol/types';

/**
 * Why the call session closes a dialog itself (the server may never say so, or says it later):
 * `declined` — the consumer declined the invitation here; `answered-elsewhere` — the invitation
 * reached ACCEPTED although this client never accepted it (another tab or device did).
 */
export type SessionCloseReason = 'declined' | 'answered-elsewhere';

/**
 * What the dialog core reacts to: a frame, a close decided by the call session, or the clock (expiry).
 * `close` with `declined` closes an announced invitation; with `answered-elsewhere` an announced
 * invitation or accepted dialog. Either way the dialog is a tombstone afterwards.
 */
export type DialogInput =
  | { readonly type: 'frame'; readonly frame: InboundFrame }
  | { readonly type: 'close'; readonly dialogId: string; readonly reason: SessionCloseReason }
  | { readonly type: 'tick' };
