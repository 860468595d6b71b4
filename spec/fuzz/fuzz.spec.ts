/**
 * @jest-environment node
 *
 * The fuzz cases of `npm run fuzz` (fuzz/README.md), a few thousand of them in `npm test`: a fixed
 * seed (the same cases every run) and a random one (new cases every run; the seed is in the
 * failure message, with the command that reproduces each escape). FUZZ_CASES sets the number.
 */
import { throwError } from 'rxjs';
import type { Rand } from '../../fuzz/rand';
import { FAMILIES, type FuzzSummary, runFuzz } from '../../fuzz/runner';
import { formatSummary } from '../../fuzz/summary';

/** All cases of the suite: three quarters with the fixed seed, a quarter with a random one. */
const CASES = Number(process.env['FUZZ_CASES'] ?? 2_000);
const FIXED_CASES = Math.ceil(CASES * 0.75);
const RANDOM_CASES = Math.max(10, CASES - FIXED_CASES);
const FIXED_SEED = 20_261_129;
const RANDOM_SEED = Math.floor(Math.random() * 2 ** 31);
const TIMEOUT_MS = 600_000;

function expectNoEscapes(summary: FuzzSummary, cases: number): void {
  // The whole summary (seed, per-family table, reproduce commands) is the failure message.
  expect(formatSummary(summary)).toContain('escapes: none');
  expect(FAMILIES.map((family) => summary.families[family].cases).reduce((a, b) => a + b, 0)).toBe(cases);
  for (const family of FAMILIES) expect(summary.families[family].cases).toBeGreaterThan(0);
}

describe('fuzz', () => {
  it(`${FIXED_CASES} cases with the fixed seed ${FIXED_SEED} escape nothing`, async () => {
    expectNoEscapes(await runFuzz({ seed: FIXED_SEED, cases: FIXED_CASES }), FIXED_CASES);
  }, TIMEOUT_MS);

  it(`${RANDOM_CASES} cases with a random seed (${RANDOM_SEED}) escape nothing`, async () => {
    expectNoEscapes(await runFuzz({ seed: RANDOM_SEED, cases: RANDOM_CASES }), RANDOM_CASES);
  }, TIMEOUT_MS);
});

describe('the fuzz runner', () => {
  // (An unhandled rejection is counted by the runner under `npm run fuzz`; under jest, jest itself
  // fails the test on one, so it is not provoked here.)
  it('reports a throw, an rxjs unhandled error and an escape a case found, with the case that caused it', async () => {
    const summary = await runFuzz({
      seed: 1,
      cases: 10,
      run: {
        decode: () => {
          throw new TypeError('boom');
        },
        dialogs: () => ({ label: 'found', escapes: [{ kind: 'no-diagnostic', message: 'dropped silently' }] }),
        client: () => {
          throwError(() => new Error('nobody listens')).subscribe();
          return { label: 'errors', escapes: [] };
        },
      },
    });
    const seen = summary.escapes.map(({ family, index, kind, message }) => `${family} #${index} ${kind} ${message.split(' at ')[0] ?? ''}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'decode #0 throw TypeError: boom',
        'dialogs #5 no-diagnostic dropped silently',
        'client #8 unhandled rxjs unhandled error: Error: nobody listens',
      ]),
    );
    expect(summary.escapes).toHaveLength(5 + 3 + 2);
    expect(formatSummary(summary)).toContain('reproduce: npm run fuzz -- --seed 1 --case 0');
  });

  it('regenerates a case from the seed and its index alone', async () => {
    const draws = new Map<string, number>();
    const recordAs = (run: string) => (r: Rand) => {
      draws.set(`${run}:${draws.size}`, r.next());
      return { label: '', escapes: [] };
    };
    const whole = await runFuzz({ seed: 5, cases: 4, run: { decode: recordAs('whole'), dialogs: recordAs('whole'), client: recordAs('whole') } });
    const alone = await runFuzz({ seed: 5, cases: 4, only: [3], run: { decode: recordAs('alone') } });
    expect([whole.cases, alone.cases]).toEqual([4, 1]);
    expect(draws.get('alone:4')).toBe(draws.get('whole:3'));
    expect(draws.get('whole:2')).not.toBe(draws.get('whole:3'));
  });
});
