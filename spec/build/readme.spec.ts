/** The README's quickstart is the type-checked, linted samples/quickstart/quickstart.ts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const withoutDeclarations = (source: string): string =>
  source
    .split('\n')
    .filter((line) => !line.startsWith('declare ') && !line.startsWith('// ── '))
    .join('\n')
    .replace(/^\/\*\*[\s\S]*?\*\/\n/, '')
    .replace(/\n{2,}/g, '\n')
    .trim();

describe('README quickstart', () => {
  it('is the same code as samples/quickstart/quickstart.ts', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Quickstart'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const sample = readFileSync(join(root, 'samples', 'quickstart', 'quickstart.ts'), 'utf8');
    expect(block.length).toBeGreaterThan(200);
    expect(withoutDeclarations(block)).toBe(withoutDeclarations(sample));
  });
});
