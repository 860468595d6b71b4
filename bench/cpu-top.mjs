// Prints the top self-time functions of a V8 .cpuprofile (what `node --cpu-prof` writes).
//   node bench/cpu-top.mjs <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';

/** Self time per function (ms) and its share of all samples, highest first. */
export function topSelfTime(profile, count = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*\/(dist|node_modules|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ function: fn, 'self ms': Math.round(us / 1000), share: `${((100 * us) / total).toFixed(1)} %` }));
}

if (process.argv[2] !== undefined) console.table(topSelfTime(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 12)));
