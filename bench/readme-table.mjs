// Rewrites the table between the README's `<!-- performance:start -->` and `<!-- performance:end -->`
// markers from bench/results.json (`node bench/readme-table.mjs` does it without re-running).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const README = path.join(here, '..', 'README.md');
const START = '<!-- performance:start -->';
const END = '<!-- performance:end -->';

const cell = (text) => String(text).replaceAll('|', '\\|');

/** The Markdown for the results: the run, then one row per goal. */
export function table(results) {
  const m = results.machine;
  const lines = [
    START,
    `Measured with \`${results.command}\` on ${results.date.slice(0, 10)}: ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}, load average ${m.loadAverageAtStart.join(' / ')} at the start (a shared machine: ratios matter, absolute times vary); ${results.seconds.total} s in all. Generated from \`bench/results.json\`.`,
    '',
    '| measured | lp-call-streams | baseline (same run) | goal | met |',
    '| --- | --- | --- | --- | --- |',
    ...results.goals.map((g) => `| ${cell(g.what)} | ${cell(g.value)} | ${cell(g.baseline)} | ${cell(g.goal)} | ${g.met ? 'yes' : '**no**'} |`),
    END,
  ];
  return lines.join('\n');
}

export function writeReadmeTable(results, file = README) {
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} … ${END} markers`);
  fs.writeFileSync(file, readme.slice(0, start) + table(results) + readme.slice(end + END.length));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeReadmeTable(JSON.parse(fs.readFileSync(path.join(here, 'results.json'), 'utf8')));
}
