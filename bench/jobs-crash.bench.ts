/**
 * Crash safety of the queued jobs: 20 runs per job type (epic sync with items, bulk mapping apply, bulk undo,
 * report publish), each SIGKILLing the sandbox server at a random moment of the job and restarting it on the
 * same data (test/integration/support/crash-harness.ts). stuck: jobs neither finished nor resumable;
 * duplicates: issues, pages or clause mappings made twice; mismatches: end states that differ from the
 * fault-free run (for undo: from the state before the apply). restart.ms: median milliseconds from a SIGKILL to
 * the restarted server answering (the server runs from an esbuild bundle, so a restart compiles nothing).
 */
import type { Emit } from './run';
import { median } from '../src/domain/initiation/kpi';
import { runJobCrashes } from '../test/integration/support/crash-harness';

const RUNS_PER_TYPE = 20;
/** Median milliseconds from SIGKILL to the restarted server answering: our bound, twice a quiet machine's ~0.8 s. */
const RESTART_MS_BOUND = 2000;

export async function run(emit: Emit): Promise<void> {
  const s = await runJobCrashes(RUNS_PER_TYPE);
  const byType = (t: string) => s.results.filter((r) => r.type === t).length;
  const secondsOf = (t: string) => Math.round(s.results.filter((r) => r.type === t).reduce((n, r) => n + r.ms, 0) / 1000);
  emit({
    name: 'jobs.crash.runs',
    value: s.runs,
    unit: 'runs',
    bound: 4 * RUNS_PER_TYPE,
    better: 'higher',
    perType: { 'epic-sync': byType('epic-sync'), 'bulk-apply': byType('bulk-apply'), 'bulk-undo': byType('bulk-undo'), 'report-publish': byType('report-publish') },
    restarts: s.restarts,
    resumed: s.results.filter((r) => r.resumed).length,
    seconds: Math.round(s.seconds),
    /** Seconds spent in the crash runs themselves (job start to end, kill and restart included), per type. */
    runSeconds: { 'epic-sync': secondsOf('epic-sync'), 'bulk-apply': secondsOf('bulk-apply'), 'bulk-undo': secondsOf('bulk-undo'), 'report-publish': secondsOf('report-publish') },
  });
  emit({ name: 'jobs.crash.stuck', value: s.stuck, unit: 'jobs', bound: 0 });
  emit({ name: 'jobs.crash.duplicates', value: s.duplicates, unit: 'items', bound: 0 });
  emit({
    name: 'jobs.crash.mismatches',
    value: s.mismatches,
    unit: 'runs',
    bound: 0,
    ...(s.mismatches > 0 ? { first: s.results.filter((r) => r.mismatches > 0).slice(0, 3).map((r) => `${r.type}#${r.run}: ${r.ended}, ${r.detail}`) } : {}),
  });
  emit({
    name: 'jobs.crash.restart.ms',
    value: Math.round(median(s.restartMs) ?? 0),
    unit: 'ms',
    bound: RESTART_MS_BOUND,
    max: Math.max(0, ...s.restartMs),
    restarts: s.restartMs.length,
  });
}
