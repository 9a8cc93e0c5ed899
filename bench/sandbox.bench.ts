/**
 * Sandbox benchmark (issue 3): sandbox.search.page.ms — median time of one 100-issue `search/jql` page
 * (fields + the mapping property, next page token) over HTTP on loopback, in a project of 10,000 issues.
 * Bound 50 ms. The number is a median of 15 samples after a warm-up; nothing fails on it.
 */
import type { Emit } from './run';
import { measureSearchPage } from '../sandbox/emulator/bench';

export async function run(emit: Emit): Promise<void> {
  const m = await measureSearchPage({ issues: 10_000, samples: 15 });
  emit({
    name: 'sandbox.search.page.ms',
    value: Math.round(m.medianMs * 10) / 10,
    unit: 'ms',
    bound: 50,
    better: 'lower',
    issues: m.issueCount,
    pageSize: m.pageSize,
  });
}
