/**
 * Clause suggestions against the labelled set (test/fixtures/labelled-issues.json):
 * precision@3 = share of issues with any true clause in the top three; time per issue = median of 5 passes.
 * The held-out quarter (every 4th issue) is reported as an extra field, and so is precision@3 on the blind set
 * (test/fixtures/blind-issues.json), which is never used for tuning.
 */
import { performance } from 'node:perf_hooks';
import rawBlind from '../test/fixtures/blind-issues.json';
import rawFixtures from '../test/fixtures/labelled-issues.json';
import { evaluatePrecisionAt3, labelledIssuesSchema, measureSuggestions } from '../src/domain/mapping/suggest-bench';
import type { Emit } from './run';

export async function run(emit: Emit): Promise<void> {
  const items = labelledIssuesSchema.parse(rawFixtures);
  const heldOut = items.map((_, i) => i).filter((i) => i % 4 === 3);
  measureSuggestions(items, () => performance.now(), 1); // warm-up
  const { precisionAt3, msPerIssue } = measureSuggestions(items, () => performance.now(), 5);
  const held = evaluatePrecisionAt3(items, heldOut);
  const blind = evaluatePrecisionAt3(labelledIssuesSchema.parse(rawBlind));
  emit({
    name: 'mapping.suggest.precision_at_3',
    value: Number(precisionAt3.toFixed(4)),
    unit: 'ratio',
    bound: 0.8,
    better: 'higher',
    issues: items.length,
    held_out_precision_at_3: Number(held.precisionAt3.toFixed(4)),
    blind_precision_at_3: Number(blind.precisionAt3.toFixed(4)),
    blind_items: blind.total,
  });
  emit({ name: 'mapping.suggest.ms_per_issue', value: Number(msPerIssue.toFixed(4)), unit: 'ms', bound: 5, better: 'lower' });
}
