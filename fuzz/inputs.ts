/**
 * Inbound frame texts for the fuzz families: valid, mutated, or not frames at all. Each comes with
 * a label (what it is) and whether `decode` must accept it.
 */
import type { Rand } from './rand';
import { binaryText, deepText, randomJsonText, randomText } from './texts';
import { mutateText, mutateTree, type Splices, stringify } from './mutate';
import { anyValidFrame, type Universe } from './valid-frames';
import type { JsonObject } from 'lp-call-streams/protocol';

/** One generated frame text. */
export interface FrameInput {
  readonly text: string;
  /** What it is, e.g. `mutated:delete+type-swap`. */
  readonly label: string;
  /** A valid frame: `decode` must accept it. */
  readonly mustDecode: boolean;
}

/** The largest text generated (a little over the client's default 1 MiB cap, so the cap is hit too). */
export const MAX_TEXT = 1_200_000;

/** The largest huge string or deep nesting spliced into a frame of a sequence (dialogs, client). */
export const SEQUENCE_BUDGET = 64 * 1024;

/** A valid frame mutated 1–4 times (structurally, then sometimes textually); `budget` bounds what is spliced in. */
export function mutatedFrame(r: Rand, frame: JsonObject, budget = SEQUENCE_BUDGET): FrameInput {
  const splices: Splices = new Map();
  const names: string[] = [];
  for (let n = r.range(1, 4); n > 0; n--) names.push(mutateTree(r, frame, splices, budget));
  let text = stringify(frame, splices);
  if (r.chance(0.2)) {
    const mutated = mutateText(r, text);
    text = mutated.text;
    names.push(mutated.name);
  }
  return { text, label: `mutated:${names.join('+')}`, mustDecode: false };
}

/** Any frame text: valid (30 %), mutated (45 %), or random text / JSON / binary / deep / huge. */
export function anyFrameInput(r: Rand, u: Universe, now: number): FrameInput {
  const roll = r.int(100);
  if (roll < 30) return { text: JSON.stringify(anyValidFrame(r, u, now)), label: 'valid', mustDecode: true };
  if (roll < 75) return mutatedFrame(r, anyValidFrame(r, u, now), MAX_TEXT);
  if (roll < 82) return { text: randomJsonText(r), label: 'random-json', mustDecode: false };
  if (roll < 87) return { text: randomText(r), label: 'random-text', mustDecode: false };
  if (roll < 91) return { text: binaryText(r, r.logInt(100_000)), label: 'binary', mustDecode: false };
  if (roll < 95) {
    const depth = r.logInt(200_000);
    return { text: deepText(r, depth, r.chance(0.2)), label: `deep:${depth}`, mustDecode: false };
  }
  if (roll < 98) {
    const envelope = JSON.stringify({ kind: 'notification', type: 'cqm.ExConversationChangeNotification', body: '@' });
    const depth = r.logInt(200_000);
    return { text: envelope.replace('"@"', deepText(r, depth)), label: `deep-body:${depth}`, mustDecode: false };
  }
  const huge = JSON.stringify({ kind: 'notification', type: 'x', body: 'y'.repeat(r.logInt(MAX_TEXT - 100)) });
  return { text: huge, label: `huge:${huge.length}`, mustDecode: true };
}
