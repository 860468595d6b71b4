/**
 * The fuzz runner shared by `npm run fuzz` (fuzz/cli.ts) and the jest spec (spec/fuzz): runs
 * seeded cases of the three families, catches every escape (a throw, a stream error or completion,
 * an unhandled error or rejection, a rejected frame without its diagnostic) and times every case.
 */
import { config as rxjsConfig } from 'rxjs';
// eslint-disable-next-line rxjs-x/no-internal -- the hook rxjs's own TestScheduler uses to run its report timers at once
import { timeoutProvider } from 'rxjs/internal/scheduler/timeoutProvider';
import { describe, type Escape } from './checks';
import { clientCase } from './family-client';
import { decodeCase } from './family-decode';
import { dialogsCase } from './family-dialogs';
import { caseSeed, Rand } from './rand';

export type Family = 'decode' | 'dialogs' | 'client';
export const FAMILIES: readonly Family[] = ['decode', 'dialogs', 'client'];

/** One case of a family: what it was (a label) and the escapes it found. */
export type CaseRun = (r: Rand) => { readonly label: string; readonly escapes: Escape[] };

const RUN: Readonly<Record<Family, CaseRun>> = {
  decode: decodeCase,
  dialogs: dialogsCase,
  client: clientCase,
};

/** The family of case `index`: of every 10 cases, 5 decode, 3 dialogs, 2 client. */
export function familyOf(index: number): Family {
  const slot = index % 10;
  return slot < 5 ? 'decode' : slot < 8 ? 'dialogs' : 'client';
}

/** An escape with what reproduces it. */
export interface EscapeRecord extends Escape {
  readonly family: Family;
  readonly seed: number;
  readonly index: number;
  readonly label: string;
}

export interface FamilyStats {
  readonly cases: number;
  readonly escapes: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Per-case CPU time (user + system): unlike the wall-clock times, not inflated by other processes. */
  readonly cpuP99Ms: number;
  readonly cpuMaxMs: number;
  /** The slowest case: index and label. */
  readonly slowest: { readonly index: number; readonly label: string } | undefined;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  readonly totalMs: number;
  /** CPU time of the process (user + system) while the cases ran: the machine's load does not inflate it. */
  readonly cpuMs: number;
  readonly families: Readonly<Record<Family, FamilyStats>>;
  readonly escapes: readonly EscapeRecord[];
}

export interface FuzzOptions {
  readonly seed: number;
  /** Number of cases (indices 0 … cases-1). */
  readonly cases: number;
  /** Run only these case indices (to reproduce). */
  readonly only?: readonly number[];
  /** Replaces a family's case (to test the runner itself). */
  readonly run?: Partial<Record<Family, CaseRun>>;
  /** Called every 1,000 cases. */
  readonly onProgress?: (done: number) => void;
}

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}

/** Runs the cases; resolves with the summary (it never rejects over a case). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const { seed } = options;
  const indices = options.only ?? Array.from({ length: options.cases }, (_, i) => i);
  const times: Record<Family, number[]> = { decode: [], dialogs: [], client: [] };
  const cpuTimes: Record<Family, number[]> = { decode: [], dialogs: [], client: [] };
  const slowest: Record<Family, { ms: number; index: number; label: string } | undefined> = { decode: undefined, dialogs: undefined, client: undefined };
  const escapes: EscapeRecord[] = [];
  let cpu: NodeJS.CpuUsage | undefined;
  let current: { family: Family; index: number; label: string } = { family: 'decode', index: -1, label: '' };
  const record = (escape: Escape): void => {
    escapes.push({ ...escape, family: current.family, seed, index: current.index, label: current.label });
  };
  const unhandled = (what: string) => (error: unknown): void => record({ kind: 'unhandled', message: `${what}: ${describe(error)}` });
  const onRejection = unhandled('unhandled rejection');
  const onUncaught = unhandled('uncaught exception');
  const saved = { onUnhandledError: rxjsConfig.onUnhandledError, onStoppedNotification: rxjsConfig.onStoppedNotification };
  rxjsConfig.onUnhandledError = unhandled('rxjs unhandled error');
  // A complete after a stop is harmless; an error after a stop would be lost: that escaped.
  rxjsConfig.onStoppedNotification = (notification) => {
    if (notification.kind === 'E') record({ kind: 'unhandled', message: `rxjs error after its subscriber stopped: ${describe(notification.error)}` });
  };
  // rxjs reports an unhandled error on a real timer; run it at once so it counts against its case.
  const savedDelegate = timeoutProvider.delegate;
  timeoutProvider.delegate = {
    setTimeout: (handler: () => void) => {
      handler();
      return 0;
    },
    clearTimeout: () => undefined,
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onUncaught);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    for (let n = 0; n < indices.length; n++) {
      const index = indices[n] ?? 0;
      const family = familyOf(index);
      current = { family, index, label: '' };
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      try {
        const result = (options.run?.[family] ?? RUN[family])(new Rand(caseSeed(seed, index)));
        current.label = result.label;
        for (const escape of result.escapes) record(escape);
      } catch (error: unknown) {
        record({ kind: 'throw', message: describe(error) });
      }
      const ms = performance.now() - t0;
      const used = process.cpuUsage(c0);
      times[family].push(ms);
      cpuTimes[family].push((used.user + used.system) / 1000);
      const slow = slowest[family];
      if (slow === undefined || ms > slow.ms) slowest[family] = { ms, index, label: current.label };
      // Let microtasks and timers of this case surface (unhandled rejections are counted against it).
      if (family !== 'decode' || n % 1000 === 999) await nextMacrotask();
      if (n % 1000 === 999) options.onProgress?.(n + 1);
    }
    await nextMacrotask();
  } finally {
    cpu = process.cpuUsage(cpuStart);
    timeoutProvider.delegate = savedDelegate;
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onUncaught);
    rxjsConfig.onUnhandledError = saved.onUnhandledError;
    rxjsConfig.onStoppedNotification = saved.onStoppedNotification;
  }
  const stats = (family: Family): FamilyStats => {
    const sorted = Float64Array.from(times[family]).sort();
    const slow = slowest[family];
    const cpuSorted = Float64Array.from(cpuTimes[family]).sort();
    return {
      cases: sorted.length,
      escapes: escapes.filter((e) => e.family === family).length,
      meanMs: sorted.length === 0 ? 0 : sorted.reduce((a, b) => a + b, 0) / sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.length === 0 ? 0 : (sorted[sorted.length - 1] ?? 0),
      cpuP99Ms: percentile(cpuSorted, 0.99),
      cpuMaxMs: cpuSorted.length === 0 ? 0 : (cpuSorted[cpuSorted.length - 1] ?? 0),
      slowest: slow === undefined ? undefined : { index: slow.index, label: slow.label },
    };
  };
  return {
    seed,
    cases: indices.length,
    totalMs: performance.now() - start,
    cpuMs: cpu === undefined ? 0 : (cpu.user + cpu.system) / 1000,
    families: { decode: stats('decode'), dialogs: stats('dialogs'), client: stats('client') },
    escapes,
  };
}
