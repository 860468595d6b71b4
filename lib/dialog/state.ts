/**
 * The inputs of the dialog index. Pure data: no rxjs, no clock.
 */
import type { InboundFrame } from '../protocol/types';

/** What the dialog index reacts to: a frame, or the clock (expiry). */
export type DialogInput = { readonly type: 'frame'; readonly frame: InboundFrame } | { readonly type: 'tick' };
