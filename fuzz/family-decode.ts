/**
 * Family `decode`: one frame text through `decode` and through `decodeCallFrame` (the call client's
 * decoder) (lp-call-streams/protocol): both total, with a usable error for every rejection; the call
 * decoder never refuses a frame `decode` takes (it reads a subset of it).
 */
import { decode, decodeCallFrame } from 'lp-call-streams/protocol';
import { checkDecodeResult, type Escape } from './checks';
import { anyFrameInput } from './inputs';
import type { Rand } from './rand';
import { universe } from './valid-frames';

/** The virtual "now" of generated frames (the seed's creation time). */
export const NOW = 1_502_893_041_905;

/** One decode case: the label of the input and the escapes found. */
export function decodeCase(r: Rand): { readonly label: string; readonly escapes: Escape[] } {
  const input = anyFrameInput(r, universe(r), NOW);
  const full = decode(input.text);
  const lean = decodeCallFrame(input.text);
  const escapes = [checkDecodeResult(full, input.mustDecode), checkDecodeResult(lean, input.mustDecode)].filter((e): e is Escape => e !== undefined);
  if (full.ok && !lean.ok) escapes.push({ kind: 'valid-rejected', message: `decodeCallFrame refused what decode took: ${lean.error.message}` });
  return { label: input.label, escapes };
}
