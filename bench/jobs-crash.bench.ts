/**
 * Crash safety of the queued jobs: 20 runs per job type (epic sync with items, bulk mapping apply, bulk undo,
 * report publish), each SIGKILLing the sandbox server at a random moment of the job and restarting it on the
 * same data (test/integration/support/crash-harness.ts). stuck: jobs neither finished nor resumable;
 * duplicates: issues, pages or clause mappings made twice; mismatches: end states that differ from the
 * fault-free run (for undo: from the state before the apply).
 */
import type { Emit } from './run';
import { runJobCrashes } from '../test/integration/support/crash-harness';

const RUNS_PER_TYPE = 20;

export async function run(emit: Emit): Promise<void> {
  const s = await runJobCrashes(RUNS_PER_TYPE);
  const byType = (t: string) => s.results.filter((r) => r.type === t).length;
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
}
