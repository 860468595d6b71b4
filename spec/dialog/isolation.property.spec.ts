/**
 * Issue 14, point 1, as a property: inserting one corrupt dialog (or one corrupt change) into any
 * valid history of notifications — delivered with reconnects, losses, duplicates and reordering —
 * changes no event of the other dialogs on `dialog$` (nor on its split by type: invited, accepted,
 * closed). A corrupt element that never reaches `dialog$` changes the call view (`invitation$`,
 * `accepted$`, `closed$`) in nothing either. (One that does reach it, a plausible call invitation,
 * may rightly hold the call view: one call at a time.)
 *
 * Seeded and bounded in `npm test`; `FC_RUNS=2000 FC_SEED=… npx jest spec/dialog/isolation.property` for more.
 */
import fc from 'fast-check';
import { decode } from '../../lib/protocol';
import type { Json, JsonObject } from '../../lib/protocol/types';
import { callDialog, frameText } from '../../lib/testing/frames';
import { wire } from './helpers';
import { actionArb, deliver, deliveryArb, observe, play } from './history';

const RUNS = Number(process.env['FC_RUNS'] ?? 300);
const SEED = process.env['FC_SEED'] === undefined ? 20261129 : Number(process.env['FC_SEED']);

/** The inserted dialog's id: no dialog of the history has it. */
const CORRUPT = 'corrupt-dialog';

/** One corrupt (or implausible) COBROWSE dialog; some are dropped by the decoder, some kept by a rule. */
const corruptDialogs: readonly Json[] = [
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), metaData: { sessionState: 7, mode: 'VIDEO_CALL' } }, // dropped: bad type
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), metaData: 'INVITED' }, // dropped: metaData not an object
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), creationTs: -1 }, // dropped: timestamp out of range
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), dialogId: null }, // dropped, no readable id
  42, // dropped: not an object
  { ...callDialog({ dialogId: CORRUPT, sessionState: 'CLOSED', creationTs: 0 }), metaData: { sessionState: 'CLOSED', expires: 1e16 } }, // kept: expires ignored
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), metaData: { sessionState: 'INVITED', mode: 'VOICE_CALL', expires: 5e12 } }, // kept: read as ms
  { ...callDialog({ dialogId: CORRUPT, creationTs: 0 }), participants: [1, 'x'] }, // kept: one participant dropped
];

/** One corrupt change (dropped by the decoder): with a fresh convId, or without a readable one. */
const corruptChanges: readonly JsonObject[] = [
  { type: 'UPSERT', result: { convId: 'corrupt-conversation', conversationDetails: { dialogs: 'broken' } } },
  { type: 'UPSERT', result: { conversationDetails: { dialogs: [] } } },
  { type: 7 },
];

interface Corruption {
  readonly frame: number;
  readonly change: number;
  readonly position: number;
  readonly what: { readonly kind: 'dialog' | 'change'; readonly index: number };
}

const corruptionArb: fc.Arbitrary<Corruption> = fc.record({
  frame: fc.nat(),
  change: fc.nat(),
  position: fc.nat(),
  what: fc.oneof(
    fc.record({ kind: fc.constant('dialog' as const), index: fc.nat(corruptDialogs.length - 1) }),
    fc.record({ kind: fc.constant('change' as const), index: fc.nat(corruptChanges.length - 1) }),
  ),
});

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isList(value: Json | undefined): value is readonly Json[] {
  return Array.isArray(value);
}

function listAt(value: Json | undefined, key: string): readonly Json[] {
  const list = isObject(value) ? value[key] : undefined;
  return isList(list) ? list : [];
}

function insert<T>(list: readonly T[], position: number, item: T): T[] {
  const at = position % (list.length + 1);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** The frames with `corruption` inserted; `undefined` when no frame can take it (no UPSERT at all). */
function corrupted(frames: readonly JsonObject[], corruption: Corruption): JsonObject[] | undefined {
  const { what } = corruption;
  const upserts = (frame: JsonObject) => listAt(frame['body'], 'changes').filter((c) => isObject(c) && c['type'] === 'UPSERT');
  const candidates = frames.flatMap((frame, i) => (what.kind === 'change' || upserts(frame).length > 0 ? [i] : []));
  const target = candidates[corruption.frame % Math.max(1, candidates.length)];
  const frame = target === undefined ? undefined : frames[target];
  if (target === undefined || frame === undefined || !isObject(frame['body'])) return undefined;
  const body = frame['body'];
  const changes = listAt(body, 'changes');
  let nextChanges: Json[];
  if (what.kind === 'change') {
    nextChanges = insert(changes, corruption.position, corruptChanges[what.index] ?? {});
  } else {
    const chosen = upserts(frame)[corruption.change % upserts(frame).length];
    nextChanges = changes.map((change) => {
      if (change !== chosen || !isObject(change) || !isObject(change['result'])) return change;
      const details = change['result']['conversationDetails'];
      if (!isObject(details)) return change;
      const dialogs = insert(listAt(details, 'dialogs'), corruption.position, corruptDialogs[what.index] ?? null);
      return { ...change, result: { ...change['result'], conversationDetails: { ...details, dialogs } } };
    });
  }
  return frames.map((f, i) => (i === target ? { ...f, body: { ...body, changes: nextChanges } } : f));
}

/** What the streams said about dialogs other than the inserted one. */
function views(frames: readonly JsonObject[]) {
  const out = observe(frames.map(wire)); // `wire` throws if a frame fails to decode as a whole
  const other = (id: string) => id !== CORRUPT;
  return {
    dialogs: {
      events: out.events.filter((e) => other(e.dialog.dialogId)),
      invited: out.invited.filter(other),
      accepted: out.accepted.filter(other),
      closed: out.closed.filter((c) => other(c.id)),
    },
    /** The call view, when the inserted element never reached `dialog$` (else `undefined`). */
    calls: out.events.some((e) => !other(e.dialog.dialogId)) ? undefined : out.calls,
  };
}

describe('one corrupt element costs the others nothing (property)', () => {
  it('inserting one corrupt dialog or change into any valid history changes no event of the other dialogs', () => {
    let applied = 0;
    let callsCompared = 0;
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 1, maxLength: 25 }), deliveryArb, corruptionArb, (actions, [cuts, copies, lost], corruption) => {
        const frames = deliver(play(actions).steps, cuts, copies, lost);
        const withCorruption = corrupted(frames, corruption);
        if (withCorruption === undefined) return;
        applied += 1;
        const corrupt = views(withCorruption);
        const clean = views(frames);
        expect(corrupt.dialogs).toEqual(clean.dialogs);
        if (corrupt.calls === undefined) return;
        callsCompared += 1;
        expect(corrupt.calls).toEqual(clean.calls);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(applied).toBeGreaterThan(RUNS / 2); // the property is not vacuous
    expect(callsCompared).toBeGreaterThan(RUNS / 4);
  });

  it('the corruptions are real: each gives an issue, and the histories have events to lose', () => {
    const frames = deliver(play([{ kind: 'invite', dialog: 0, conversation: 0, mode: 'VIDEO_CALL' }, { kind: 'accept', dialog: 0 }, { kind: 'close', dialog: 0, vanish: false }]).steps, [], [], []);
    expect(views(frames).dialogs.events.map((e) => e.type)).toEqual(['invited', 'accepted', 'closed']);
    const issuesOf = (changed: readonly JsonObject[]) => changed.flatMap((f) => { const r = decode(frameText(f)); return r.ok ? r.issues : [r.error]; });
    expect(issuesOf(frames)).toHaveLength(0);
    const all: Corruption['what'][] = [
      ...[...corruptDialogs.keys()].map((index) => ({ kind: 'dialog' as const, index })),
      ...[...corruptChanges.keys()].map((index) => ({ kind: 'change' as const, index })),
    ];
    for (const what of all) {
      const changed = corrupted(frames, { frame: 1, change: 0, position: 0, what }) ?? [];
      expect(issuesOf(changed).length).toBeGreaterThan(0);
      const [corrupt, clean] = [views(changed), views(frames)];
      expect(corrupt.dialogs).toEqual(clean.dialogs);
      if (corrupt.calls !== undefined) expect(corrupt.calls).toEqual(clean.calls);
    }
  });
});
