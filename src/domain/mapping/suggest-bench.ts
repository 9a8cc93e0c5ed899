/**
 * Measures the clause suggester against a labelled set of issues. Pure: the clock is passed in, so the
 * benchmark (bench/suggest.bench.ts) can hand over performance.now and tests can use a fake.
 */
import { z } from 'zod';
import { suggestClauses, type ClauseSuggestion } from './suggest-clauses';

export const labelledIssueSchema = z.object({
  summary: z.string(),
  description: z.string().optional(),
  issueType: z.string().optional(),
  labels: z.array(z.string()).optional(),
  components: z.array(z.string()).optional(),
  /** True clauses, the primary one first. */
  clauses: z.array(z.string()).min(1),
});
export type LabelledIssue = z.infer<typeof labelledIssueSchema>;
export const labelledIssuesSchema = z.array(labelledIssueSchema);

/** An item is a hit when any of its true clauses is among the top `k` suggestions. */
export function isHitAt(item: LabelledIssue, suggestions: readonly ClauseSuggestion[], k = 3): boolean {
  const top = suggestions.slice(0, k).map((s) => s.clauseId);
  return item.clauses.some((c) => top.includes(c));
}

export interface PrecisionReport {
  precisionAt3: number;
  hits: number;
  total: number;
  misses: { index: number; summary: string; expected: string[]; got: string[] }[];
}

/** Precision@3 ("any true clause in the top three") with the misses listed, for tests and tuning. */
export function evaluatePrecisionAt3(items: readonly LabelledIssue[], indices?: readonly number[]): PrecisionReport {
  const chosen = indices ?? items.map((_, i) => i);
  const misses: PrecisionReport['misses'] = [];
  let hits = 0;
  for (const index of chosen) {
    const item = items[index];
    if (!item) continue;
    const suggestions = suggestClauses(item, { limit: 3 });
    if (isHitAt(item, suggestions)) hits += 1;
    else misses.push({ index, summary: item.summary, expected: item.clauses, got: suggestions.map((s) => s.clauseId) });
  }
  const total = chosen.length;
  return { precisionAt3: total === 0 ? 0 : hits / total, hits, total, misses };
}

export interface RankingReport {
  /** Share of items whose primary (first) clause is the top suggestion. */
  top1: number;
  /** Share of items whose primary clause is among the top three. */
  top3: number;
  /** Share of all labelled clauses (over all items) found among the top five. */
  recall5: number;
  items: number;
  misses: { index: number; summary: string; expected: string[]; got: string[] }[];
}

/**
 * Top-1 and top-3 of the primary clause, and recall@5 of all labelled clauses; the top-3 misses are listed.
 * `suggest` is injectable so a test can check the arithmetic on a fake model.
 */
export function evaluateRanking(
  items: readonly LabelledIssue[],
  suggest: (item: LabelledIssue) => readonly ClauseSuggestion[] = (item) => suggestClauses(item, { limit: 5 }),
): RankingReport {
  let top1 = 0;
  let top3 = 0;
  let found = 0;
  let labelled = 0;
  const misses: RankingReport['misses'] = [];
  items.forEach((item, index) => {
    const got = suggest(item).slice(0, 5).map((s) => s.clauseId);
    const primary = item.clauses[0] as string;
    if (got[0] === primary) top1 += 1;
    if (got.slice(0, 3).includes(primary)) top3 += 1;
    else misses.push({ index, summary: item.summary, expected: item.clauses, got: got.slice(0, 3) });
    labelled += item.clauses.length;
    found += item.clauses.filter((c) => got.includes(c)).length;
  });
  const n = items.length;
  return {
    top1: n === 0 ? 0 : top1 / n,
    top3: n === 0 ? 0 : top3 / n,
    recall5: labelled === 0 ? 0 : found / labelled,
    items: n,
    misses,
  };
}

/**
 * Share of items with a true clause in the top three, and the median time per issue over `rounds` passes
 * (`now` returns milliseconds, e.g. performance.now).
 */
export function measureSuggestions(
  items: readonly LabelledIssue[],
  now: () => number,
  rounds = 5,
): { precisionAt3: number; msPerIssue: number } {
  if (items.length === 0) return { precisionAt3: 0, msPerIssue: 0 };
  let hits = 0;
  const perIssue: number[] = [];
  for (let round = 0; round < Math.max(1, rounds); round += 1) {
    let roundHits = 0;
    const t0 = now();
    for (const item of items) {
      if (isHitAt(item, suggestClauses(item, { limit: 3 }))) roundHits += 1;
    }
    perIssue.push((now() - t0) / items.length);
    hits = roundHits;
  }
  perIssue.sort((a, b) => a - b);
  const msPerIssue = perIssue[Math.floor(perIssue.length / 2)] as number;
  return { precisionAt3: hits / items.length, msPerIssue };
}
