// `npm run bench` (builds dist/cjs first): speed, memory, latency, time to ready, bundle size and
// scale of the library, each next to its baseline measured in the same run, checked against the
// goals of the performance issue. Not a test: numbers vary by machine; ratios less so.
//
// Each section runs in its own process (node --expose-gc bench/<section>.mjs) and prints one JSON
// document; this collects them into bench/results.json, prints every figure next to its baseline
// and goal, and rewrites the README's "Performance" table from the results (bench/readme-table.mjs).
//
//   npm run bench                        every section
//   npm run bench -- throughput latency  only these (results.json keeps the others from before)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateGoals } from './goals.mjs';
import { nowMs } from './measure.mjs';
import { writeReadmeTable } from './readme-table.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECTIONS = ['throughput', 'latency', 'memory', 'ready', 'scale', 'bundle'];
const RESULTS = path.join(here, 'results.json');

function runSection(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', path.join(here, `${name}.mjs`)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1))) : reject(new Error(`bench section ${name} exited with ${code}`))));
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

const wanted = process.argv.slice(2).filter((a) => SECTIONS.includes(a));
const sections = wanted.length > 0 ? wanted : SECTIONS;
const previous = fs.existsSync(RESULTS) ? JSON.parse(fs.readFileSync(RESULTS, 'utf8')) : { sections: {} };
const results = { command: 'npm run bench', date: new Date().toISOString(), machine: machine(), seconds: {}, sections: { ...previous.sections } };
const started = nowMs();
for (const name of sections) {
  const t0 = nowMs();
  console.error(`bench: ${name}`);
  results.sections[name] = await runSection(name);
  results.seconds[name] = Number(((nowMs() - t0) / 1000).toFixed(1));
}
results.seconds.total = Number(((nowMs() - started) / 1000).toFixed(1));
results.goals = evaluateGoals(results.sections);
fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nlp-call-streams benchmarks — ${results.machine.cpu}, node ${results.machine.node}, load ${results.machine.loadAverageAtStart.join(' ')}`);
console.table(results.goals.map((g) => ({ measured: g.what, 'lp-call-streams': g.value, baseline: g.baseline, goal: g.goal, met: g.met ? 'yes' : 'NO' })));
console.log(`bench: ${results.seconds.total} s; wrote bench/results.json`);
if (sections.length === SECTIONS.length || SECTIONS.every((s) => results.sections[s] !== undefined)) {
  writeReadmeTable(results);
  console.log('bench: README "Performance" table rewritten from bench/results.json');
}
