/** The README's "Compose your own client" is samples/compose/compose-call-client.ts (type-checked, linted, run by the contracts property). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('README "Compose your own client"', () => {
  it('is the same code as samples/compose/compose-call-client.ts, from its imports on', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Compose your own client'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const sample = readFileSync(join(root, 'samples', 'compose', 'compose-call-client.ts'), 'utf8');
    expect(block.length).toBeGreaterThan(800);
    expect(block).toBe(sample.slice(sample.indexOf('import {')));
  });

  it('is about 30 lines of wiring: the function body', () => {
    const sample = readFileSync(join(root, 'samples', 'compose', 'compose-call-client.ts'), 'utf8');
    const body = sample.slice(sample.indexOf('export function composeCallClient')).split('\n');
    expect(body.length).toBeLessThanOrEqual(40);
  });
});
