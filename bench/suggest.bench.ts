/**
 * Clause suggestions, on three labelled sets side by side so the over-fit gap shows:
 *   .tuning    test/fixtures/labelled-issues.json (695) — the lexicon was written, the model's few numbers fitted and its examples field learned on it;
 *   .blind     test/fixtures/blind-issues-v2.json (187) — frozen before the v2 model, never tuned on;
 *   .blind_v1  test/fixtures/blind-issues.json (80)     — the first blind set, never tuned on.
 * top1 / top3: share of issues whose primary clause is first / among the first three; recall5: share of all
 * labelled clauses among the first five. Extra fields on the recall5 line: conf_mean_top1, the mean confidence of
 * the top suggestion, to compare with top1_any (the top suggestion is any of the issue's clauses); confident_share,
 * the share of issues bulk accept would pre-select, and confident_precision, how many of those are right.
 * Time per issue: median of 5 passes.
 */
import { performance } from 'node:perf_hooks';
import rawBlindV1 from '../test/fixtures/blind-issues.json';
import rawBlindV2 from '../test/fixtures/blind-issues-v2.json';
import rawTuning from '../test/fixtures/labelled-issues.json';
import { evaluateRanking, labelledIssuesSchema, measureSuggestions, type LabelledIssue } from '../src/domain/mapping/suggest-bench';
import { suggestClauses } from '../src/domain/mapping/suggest-clauses';
import { isConfident } from '../src/domain/mapping/suggest-confidence';
import type { Emit } from './run';

const BOUNDS = { top1: 0.9, top3: 0.97, recall5: 0.9 } as const;

interface ConfidenceCheck {
  confMeanTop1: number;
  top1Any: number;
  /** Share of issues whose best suggestion is confident (what bulk accept pre-selects). */
  confidentShare: number;
  /** Of those, the share where the best suggestion is one of the issue's clauses. */
  confidentPrecision: number;
}

function confidenceCheck(items: readonly LabelledIssue[]): ConfidenceCheck {
  let conf = 0;
  let any = 0;
  let confident = 0;
  let confidentRight = 0;
  for (const item of items) {
    const best = suggestClauses(item, { limit: 1 })[0];
    const right = best !== undefined && item.clauses.includes(best.clauseId);
    conf += best?.confidence ?? 0;
    any += right ? 1 : 0;
    if (best !== undefined && isConfident(best)) {
      confident += 1;
      confidentRight += right ? 1 : 0;
    }
  }
  return {
    confMeanTop1: conf / items.length,
    top1Any: any / items.length,
    confidentShare: confident / items.length,
    confidentPrecision: confident === 0 ? 0 : confidentRight / confident,
  };
}

export async function run(emit: Emit): Promise<void> {
  const sets = {
    blind: labelledIssuesSchema.parse(rawBlindV2),
    blind_v1: labelledIssuesSchema.parse(rawBlindV1),
    tuning: labelledIssuesSchema.parse(rawTuning),
  };
  for (const [suffix, items] of Object.entries(sets)) {
    const r = evaluateRanking(items);
    const c = confidenceCheck(items);
    const extra = { issues: r.items, set: suffix };
    emit({ name: `mapping.suggest.top1.${suffix}`, value: Number(r.top1.toFixed(4)), unit: 'ratio', bound: BOUNDS.top1, better: 'higher', ...extra });
    emit({ name: `mapping.suggest.top3.${suffix}`, value: Number(r.top3.toFixed(4)), unit: 'ratio', bound: BOUNDS.top3, better: 'higher', ...extra });
    emit({
      name: `mapping.suggest.recall5.${suffix}`,
      value: Number(r.recall5.toFixed(4)),
      unit: 'ratio',
      bound: BOUNDS.recall5,
      better: 'higher',
      ...extra,
      conf_mean_top1: Number(c.confMeanTop1.toFixed(4)),
      top1_any: Number(c.top1Any.toFixed(4)),
      confident_share: Number(c.confidentShare.toFixed(4)),
      confident_precision: Number(c.confidentPrecision.toFixed(4)),
    });
  }
  const all = [...sets.tuning, ...sets.blind, ...sets.blind_v1];
  measureSuggestions(all, () => performance.now(), 1); // warm-up
  const { msPerIssue } = measureSuggestions(all, () => performance.now(), 5);
  emit({ name: 'mapping.suggest.ms_per_issue', value: Number(msPerIssue.toFixed(4)), unit: 'ms', bound: 1, better: 'lower', issues: all.length });
}
