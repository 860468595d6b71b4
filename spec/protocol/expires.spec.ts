/**
 * The `expires` plausibility rule (issue 14, point 2): an implausible COBROWSE `expires` never fails
 * its dialog; it is read by a documented rule and reported as an issue of the frame.
 */
import fc from 'fast-check';
import { decode, isCobrowseDialog, isExConversationChange } from '../../lib/protocol';
import { EXPIRES_MS_FROM, ExpiresAdjustment, expiresAt } from '../../lib/protocol/expires';
import type { DecodeError, ExpiresRule, JsonObject } from '../../lib/protocol';
import { callDialog, conversationUpsert, exConversationNotification, frameText } from '../../lib/testing/frames';

const CREATED = 1_700_000_000_000; // the dialog's creationTs: the rule's reference time
const DAY = 86_400_000;
const PATH = 'body.changes[0].result.conversationDetails.dialogs[0].metaData.expires';
const runs = { numRuns: Number(process.env['FC_RUNS'] ?? 200), seed: process.env['FC_SEED'] === undefined ? 20261129 : Number(process.env['FC_SEED']) };

/** A frame with one COBROWSE dialog whose metaData `expires` is `expires` (as JSON text, so `1e400` can be written). */
function frameWith(expires: string, dialog: JsonObject = callDialog({ creationTs: CREATED, metaDataLastUpdateTs: CREATED + 1 })): string {
  const text = frameText(exConversationNotification({ changes: [conversationUpsert({ dialogs: [{ ...dialog, metaData: { sessionState: 'INVITED', mode: 'VOICE_CALL', expires: '@@' } }] })] }));
  return text.replace('"@@"', expires);
}

function read(text: string): { readonly expiresAtMs: number | undefined; readonly expires: number | undefined; readonly issues: readonly DecodeError[] } {
  const result = decode(text);
  if (!result.ok) throw new Error(`the dialog must still decode, got ${result.error.message}`);
  const { frame } = result;
  if (!isExConversationChange(frame) || frame.body.changes[0]?.type !== 'UPSERT') throw new Error('no UPSERT');
  const dialog = frame.body.changes[0].result.conversationDetails.dialogs[0];
  if (dialog === undefined || !isCobrowseDialog(dialog)) throw new Error('the COBROWSE dialog was dropped');
  return { expiresAtMs: dialog.metaData.expiresAtMs, expires: dialog.metaData.expires, issues: result.issues };
}

function rulesOf(issues: readonly DecodeError[]): (ExpiresRule | undefined)[] {
  return issues.map((issue) => (issue.recovery?.type === 'expires' ? issue.recovery.rule : undefined));
}

describe('protocol: the expires rule', () => {
  it('plausible epoch seconds: converted to ms, no issue', () => {
    expect(read(frameWith(String((CREATED + 120_000) / 1000)))).toEqual({ expiresAtMs: CREATED + 120_000, expires: (CREATED + 120_000) / 1000, issues: [] });
  });

  it('epoch milliseconds (the unit mistake): read as ms, with an issue', () => {
    const { expiresAtMs, issues } = read(frameWith(String(CREATED + 120_000)));
    expect(expiresAtMs).toBe(CREATED + 120_000);
    expect(rulesOf(issues)).toEqual(['read-as-ms']);
    expect(issues[0]).toMatchObject({ path: PATH, message: expect.stringContaining('(read as epoch milliseconds)') });
  });

  it.each([
    ['1e16 (the issue’s value: beyond any date even as ms)', '1e16'],
    ['1e400 (Infinity after JSON.parse)', '1e400'],
    ['negative', '-5'],
    ['zero', '0'],
    ['a string', '"1700000120"'],
    ['an object', '{"s":1}'],
    ['more than a day before the dialog was created', String((CREATED - DAY - 1000) / 1000)],
  ])('%s: ignored (no client-side expiry), with an issue; the dialog is kept', (_name, expires) => {
    const { expiresAtMs, issues } = read(frameWith(expires));
    expect(expiresAtMs).toBeUndefined();
    expect(rulesOf(issues)).toEqual(['ignored']);
    expect(issues[0]?.path).toBe(PATH);
  });

  it('null is absent: no expiry, no issue', () => {
    expect(read(frameWith('null'))).toEqual({ expiresAtMs: undefined, expires: undefined, issues: [] });
  });

  it('30 days after creation: clamped to creation + 1 day, with an issue', () => {
    const { expiresAtMs, issues } = read(frameWith(String((CREATED + 30 * DAY) / 1000)));
    expect(expiresAtMs).toBe(CREATED + DAY);
    expect(rulesOf(issues)).toEqual(['clamped']);
  });

  it('exactly one day either side of creation is plausible', () => {
    expect(read(frameWith(String((CREATED + DAY) / 1000))).issues).toEqual([]);
    expect(read(frameWith(String((CREATED - DAY) / 1000))).issues).toEqual([]);
  });

  it('the reference is creationTs, else metaDataLastUpdateTs; without either, no horizon applies', () => {
    const noCreation = callDialog({ creationTs: null, metaDataLastUpdateTs: CREATED });
    expect(read(frameWith(String((CREATED + 30 * DAY) / 1000), noCreation)).expiresAtMs).toBe(CREATED + DAY);
    const noTimes = callDialog({ creationTs: null, metaDataLastUpdateTs: null });
    expect(read(frameWith(String((CREATED + 30 * DAY) / 1000), noTimes))).toMatchObject({ expiresAtMs: CREATED + 30 * DAY, issues: [] });
  });

  it('property: any number never fails the dialog, and expiresAtMs is undefined or an integer within a day of creation', () => {
    const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.double({ min: 1e8, max: 1e13 }), fc.double({ min: 1e11, max: 1e16 }));
    fc.assert(
      fc.property(anyNumber, (expires) => {
        const text = frameWith(Number.isFinite(expires) ? JSON.stringify(expires) : expires > 0 ? '1e400' : '-1e400');
        const { expiresAtMs, issues } = read(text);
        if (expiresAtMs !== undefined) {
          expect(Number.isInteger(expiresAtMs)).toBe(true);
          expect(Math.abs(expiresAtMs - CREATED)).toBeLessThanOrEqual(DAY);
        }
        expect(issues.length).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  describe('expiresAt at its bounds, and what each adjustment says was expected', () => {
    const adjustment = (expires: number, reference?: number): ExpiresAdjustment => {
      const at = expiresAt(expires, reference);
      if (!(at instanceof ExpiresAdjustment)) throw new Error(`expected an adjustment, got ${at}`);
      return at;
    };
    const SECONDS = 'epoch seconds (a positive finite number)';

    it.each([
      ['0', 0],
      ['Infinity', Infinity],
      ['NaN', NaN],
      ['-1', -1],
    ])('%s is ignored as not epoch seconds', (_name, expires) => {
      expect(adjustment(expires)).toEqual(new ExpiresAdjustment(undefined, 'ignored', SECONDS));
    });

    it('from EXPIRES_MS_FROM (1e11) on, the value is epoch milliseconds; just below, seconds', () => {
      expect(adjustment(EXPIRES_MS_FROM)).toEqual(new ExpiresAdjustment(1e11, 'read-as-ms', 'epoch seconds (a value this large is read as epoch milliseconds)'));
      expect(expiresAt(EXPIRES_MS_FROM - 1, undefined)).toBe((EXPIRES_MS_FROM - 1) * 1000);
    });

    it('8.64e15 ms (the last date) is read as ms; anything beyond is ignored', () => {
      expect(adjustment(8.64e15)).toMatchObject({ atMs: 8.64e15, rule: 'read-as-ms' });
      expect(adjustment(8.64e15 + 2)).toEqual(new ExpiresAdjustment(undefined, 'ignored', `${SECONDS}, or epoch milliseconds up to 8.64e15`));
    });

    it('beyond the one-day horizon either way: clamped after, ignored before, each saying why', () => {
      expect(adjustment((CREATED + DAY + 1000) / 1000, CREATED)).toEqual(new ExpiresAdjustment(CREATED + DAY, 'clamped', 'an expiry at most 1 day after the dialog was created'));
      expect(adjustment((CREATED - DAY - 1000) / 1000, CREATED)).toEqual(new ExpiresAdjustment(undefined, 'ignored', 'an expiry at most 1 day before the dialog was created'));
    });
  });
});
