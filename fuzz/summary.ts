/** The fuzz summary as text (what `npm run fuzz` prints, and what the spec shows on failure). */
import { FAMILIES, type FuzzSummary } from './runner';

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** A table of cases, escapes and times per family, then every escape with how to reproduce it. */
export function formatSummary(summary: FuzzSummary, maxEscapes = 50): string {
  const lines = [
    `fuzz: seed ${summary.seed}, ${summary.cases} cases in ${(summary.totalMs / 1000).toFixed(1)} s (${(summary.cpuMs / 1000).toFixed(1)} s of CPU)`,
    '',
    'per case: wall-clock mean/p50/p99/max, then CPU p99/max (ms)',
    'family    cases   escapes     mean      p50      p99      max  cpu p99  cpu max   slowest case (wall-clock)',
  ];
  for (const family of FAMILIES) {
    const f = summary.families[family];
    const slowest = f.slowest === undefined ? '' : `#${f.slowest.index} (${f.slowest.label})`;
    lines.push(`${family.padEnd(8)} ${String(f.cases).padStart(6)} ${String(f.escapes).padStart(9)} ${ms(f.meanMs).padStart(8)} ${ms(f.p50Ms).padStart(8)} ${ms(f.p99Ms).padStart(8)} ${ms(f.maxMs).padStart(8)} ${ms(f.cpuP99Ms).padStart(8)} ${ms(f.cpuMaxMs).padStart(8)}   ${slowest}`);
  }
  const total = summary.escapes.length;
  lines.push('', total === 0 ? 'escapes: none' : `escapes: ${total}`);
  for (const e of summary.escapes.slice(0, maxEscapes)) {
    lines.push(`  [${e.family} #${e.index}] ${e.kind}: ${e.message} (${e.label}) — reproduce: npm run fuzz -- --seed ${e.seed} --case ${e.index}`);
  }
  if (total > maxEscapes) lines.push(`  … and ${total - maxEscapes} more`);
  return lines.join('\n');
}
