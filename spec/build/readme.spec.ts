/**
 * The README's code is real: the quickstart is the type-checked, linted samples/quickstart/quickstart.ts;
 * the testing examples are samples/testing (run by jest); the Configuration section lists every option.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_RULES } from '../../lib/client/validate-config';
import { CONNECTION_RULES } from '../../lib/connection/validate-config';

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

describe('README "Testing your integration"', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Testing your integration'), readme.indexOf('\n## ', readme.indexOf('## Testing your integration') + 3));
  const blocks = [...section.matchAll(/```ts\n\/\/ (\S+)\n([\s\S]*?)```/g)].map((match) => ({ file: match[1] ?? '', code: match[2] ?? '' }));

  it('shows every file of samples/testing, verbatim (npm test type-checks, lints and runs them there)', () => {
    const files = readdirSync(join(root, 'samples', 'testing')).sort();
    expect(blocks.map((block) => block.file).sort()).toEqual(files);
    for (const { file, code } of blocks) expect({ file, code }).toEqual({ file, code: readFileSync(join(root, 'samples', 'testing', file), 'utf8') });
  });
});

describe('README "Configuration"', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Configuration\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  const listed = new Set([...section.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]));

  it('lists every option of createCallClient and createConnection', () => {
    const options = [...Object.keys(CLIENT_RULES), ...Object.keys(CONNECTION_RULES)];
    expect(options.filter((option) => !listed.has(option))).toEqual([]);
    expect([...listed].filter((option) => option !== undefined && !options.includes(option))).toEqual([]);
  });
});
