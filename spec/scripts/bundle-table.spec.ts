/** @jest-environment node */
/** The README's bundle table is what `npm run size` measures now (`npm run size -- --write` rewrites it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, measure, readBlock, staleness } from '../../scripts/check-size';

const root = join(__dirname, '..', '..');

describe("the README's bundle table", () => {
  it('says what webpack and esbuild give for every row, within 2 %', async () => {
    const results = evaluate(await measure(root));
    expect(staleness(readBlock(readFileSync(join(root, 'README.md'), 'utf8')), results)).toEqual([]);
  }, 60_000);
});
