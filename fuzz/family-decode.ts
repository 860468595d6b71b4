/** Family `decode`: one frame text through `decode` (lp-call-streams/protocol). */
import { decode } from 'lp-call-streams/protocol';
import { checkDecodeResult, type Escape } from './checks';
import { anyFrameInput } from './inputs';
import type { Rand } from './rand';
import { universe } from './valid-frames';

/** The virtual "now" of generated frames (the seed's creation time). */
export const NOW = 1_502_893_041_905;

/** One decode case: the label of the input and the escapes found. */
export function decodeCase(r: Rand): { readonly label: string; readonly escapes: Escape[] } {
  const input = anyFrameInput(r, universe(r), NOW);
  const escape = checkDecodeResult(decode(input.text), input.mustDecode);
  return { label: input.label, escapes: escape === undefined ? [] : [escape] };
}
