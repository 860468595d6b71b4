/** @jest-environment node */
/**
 * Issue #22 points 1 and 5, against what `npm pack --dry-run --json` puts in the two tarballs (after
 * `npm run build`, which `npm test` runs first):
 * - every relative link (and image) of every README that ships resolves to a file of the same
 *   tarball, and every `#anchor` to a heading, so nothing is dead on the package's page;
 * - the README's package sizes are what npm packs (written by `npm run readme:numbers`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { packDryRun, readBlock, render, staleness, type Pack } from '../../scripts/readme-numbers';

const ROOT = join(__dirname, '..', '..');
const FOLDER: Readonly<Record<string, string>> = { 'lp-call-streams': '.', 'lp-call-streams-emulator': 'packages/emulator' };

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** The link targets of a Markdown text, outside code blocks and code spans. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[\s\S]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? '');
  const reference = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? '');
  const html = [...prose.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...inline, ...reference, ...html];
}

const anchorsOf = (markdown: string): Set<string> => new Set([...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1] ?? '')));

/** What is wrong with `readme`'s links, judged against the files of `pack` (paths relative to the package). */
function deadLinks(pack: Pack, readme: string): string[] {
  const folder = FOLDER[pack.name] ?? '.';
  const files = new Set(pack.files.map((file) => file.path));
  const text = (path: string): string => readFileSync(join(ROOT, folder, path), 'utf8');
  return linksOf(text(readme)).flatMap((link) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) return []; // https:, mailto:, …
    const [pathPart = '', anchor] = link.split('#');
    const target = pathPart === '' ? readme : posix.normalize(posix.join(dirname(readme), decodeURI(pathPart))).replace(/\/$/, '');
    const shipped = files.has(target) || [...files].some((file) => file.startsWith(`${target}/`));
    if (!shipped) return [`${pack.name} ${readme}: ${link} (${target} is not in the tarball)`];
    if (anchor !== undefined && anchor !== '' && target.endsWith('.md') && !anchorsOf(text(target)).has(anchor)) {
      return [`${pack.name} ${readme}: ${link} (no heading #${anchor} in ${target})`];
    }
    return [];
  });
}

let packs: Pack[] = [];
beforeAll(() => {
  packs = packDryRun(ROOT);
}, 120_000);

describe('the READMEs that ship', () => {
  it('are the root README, the emulator README and the notes the root README links to', () => {
    const readmes = packs.flatMap((pack) => pack.files.filter((file) => /(^|\/)README\.md$/.test(file.path)).map((file) => `${pack.name}:${file.path}`));
    expect(readmes).toEqual(expect.arrayContaining(['lp-call-streams:README.md', 'lp-call-streams-emulator:README.md', 'lp-call-streams:lib/dialog/README.md', 'lp-call-streams:samples/README.md']));
  });

  it('link only to files of their own tarball, and to headings that exist', () => {
    const dead = packs.flatMap((pack) => pack.files.filter((file) => /(^|\/)README\.md$/.test(file.path)).flatMap((file) => deadLinks(pack, file.path)));
    expect(dead).toEqual([]);
  });

  it('the link check sees a dead link, a dead anchor, and skips code', () => {
    expect(linksOf('see [a](spec/x.ts) and ![b](docs/y.png "t") `[c](not/a/link)`\n```\n[d](nor/this)\n```\n[e]: ref/z.md\n<img src="pic.png">')).toEqual(['spec/x.ts', 'docs/y.png', 'ref/z.md', 'pic.png']);
    const pack: Pack = { name: 'lp-call-streams', size: 1, unpackedSize: 1, entryCount: 2, files: [{ path: 'README.md', size: 1 }, { path: 'lib/index.ts', size: 1 }] };
    expect(deadLinks(pack, 'README.md').length).toBeGreaterThan(0); // this repository's README links to files this pack lacks
    expect(slug('Quickstart: a complete brand integration')).toBe('quickstart-a-complete-brand-integration');
  });
});

describe("the README's package sizes", () => {
  it('are what npm pack --dry-run gives for both packages (npm run readme:numbers writes them)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(staleness(readBlock(readme), packs)).toEqual([]);
  });

  it('a block that says other numbers is stale', () => {
    const block = render(packs);
    expect(staleness(block, packs)).toEqual([]);
    const grown = packs.map((pack) => ({ ...pack, size: Math.round(pack.size * 1.4), entryCount: pack.entryCount + 1 }));
    expect(staleness(block, grown)).toEqual(expect.arrayContaining([expect.stringContaining('files in the README'), expect.stringContaining('packed')]));
    expect(staleness(undefined, packs)).toEqual(['the README has no package-size block']);
  });
});
