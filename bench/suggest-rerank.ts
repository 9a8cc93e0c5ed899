/**
 * EXPERIMENT, not shipped: a second stage for the clause suggester that re-orders the first few BM25F candidates by a linear score over a few
 * features of where their evidence comes from, so that the clause the issue is about comes first rather than one
 * of its topics mentioned in passing.
 *
 * Features of a candidate, each relative to the candidates of the same issue (so they do not depend on how long
 * the issue is):
 *   share        its BM25F score over the best one (the first stage's own order);
 *   summaryLead  its score from words of the summary over the best such score among the candidates: the summary is
 *                where an issue states its intent, the description often names other topics in passing;
 *   named        its score from phrases that name the clause (its title, the lexicon's names) over the best score;
 *   prior        its issue-type prior over the best score;
 *   coord        how many distinct terms of the issue it matched, over the most any candidate matched: a clause the
 *                issue is about is usually named in several words, a topic in passing in one;
 *   single       the share of its score that comes from its one strongest term;
 *   system       1 for a clause of the management system (clauses 4-7, 9, 10), 0 for an operational process (8):
 *                an issue about an aspect of a process (its owner, its staff, its training, its audit, its measure)
 *                belongs to the aspect's clause.
 * Weights are fitted by fitRerank below (pairwise logistic loss: the primary clause against each other
 * candidate) or by gridRerank in bench/cv-suggestions.ts (direct search on top-1), on training folds only.
 * Result (5-fold CV on the tuning set, issue 17): no feature set beat the first stage on held-out folds (487 issues:
 * pairwise fit top1 0.873-0.893 against 0.895, grid fit at most equal; 612 issues: 0.891-0.905 against 0.907;
 * 647 issues, `system`: 0.917-0.918 against 0.917), so the product ranks by BM25F alone. Kept so the
 * experiment can be rerun when the tuning set grows: `npx tsx bench/cv-suggestions.ts --rerank [--grid] --features=...`.
 */

export const RERANK_FEATURES = ['share', 'summaryLead', 'named', 'prior', 'coord', 'single', 'system'] as const;
export type RerankFeature = (typeof RERANK_FEATURES)[number];

export interface RerankParams {
  /** How many of the first-stage candidates are re-ordered (the rest keep their place behind them). */
  window: number;
  features: readonly RerankFeature[];
  /** One weight per feature. */
  weights: readonly number[];
}

export interface Candidate {
  clauseId: string;
  score: number;
  parts: { summary: number; named: number; prior: number; terms: number; strongest: number };
}

/** Feature vectors of the first `window` candidates (in first-stage order). */
export function rerankFeatures(candidates: readonly Candidate[], window: number, features: readonly RerankFeature[]): number[][] {
  const head = candidates.slice(0, window);
  const top = Math.max(1e-9, ...head.map((c) => c.score));
  const bestSummary = Math.max(1e-9, ...head.map((c) => c.parts.summary));
  const mostTerms = Math.max(1, ...head.map((c) => c.parts.terms));
  return head.map((c) => {
    const all: Record<RerankFeature, number> = {
      share: c.score / top,
      summaryLead: c.parts.summary / bestSummary,
      named: c.parts.named / top,
      prior: c.parts.prior / top,
      coord: c.parts.terms / mostTerms,
      single: c.score > 0 ? c.parts.strongest / c.score : 0,
      system: c.clauseId.startsWith('8.') ? 0 : 1,
    };
    return features.map((f) => all[f]);
  });
}

const dot = (w: readonly number[], x: readonly number[]): number => x.reduce((sum, v, i) => sum + v * (w[i] ?? 0), 0);

/**
 * Candidates in their final order: the first `window` re-ordered by the linear score (ties keep first-stage
 * order), the rest after them unchanged.
 */
export function rerank<C extends Candidate>(candidates: readonly C[], params: RerankParams | undefined): C[] {
  if (!params || params.window < 2 || candidates.length < 2) return [...candidates];
  const xs = rerankFeatures(candidates, params.window, params.features);
  const head = xs.map((x, i) => ({ c: candidates[i] as C, v: dot(params.weights, x), i }));
  head.sort((a, b) => b.v - a.v || a.i - b.i);
  return [...head.map((h) => h.c), ...candidates.slice(params.window)];
}

/** One training issue: the feature vectors of its candidates and which of them is the primary clause. */
export interface RerankSample {
  xs: number[][];
  primary: number;
}

/**
 * Pairwise logistic fit (RankNet-style): for every training issue whose primary clause is among the candidates,
 * each pair (primary, other) adds log(1 + exp(-(w·x_primary - w·x_other))). Deterministic gradient descent from
 * the first stage's order (share = 1, others 0) with an L2 pull towards that start, so that with little evidence
 * the second stage stays close to the first.
 */
export function fitRerank(samples: readonly RerankSample[], l2 = 0.01, steps = 600, rate = 0.5): number[] {
  const d = samples[0]?.xs[0]?.length ?? 0;
  const start = [1, ...new Array<number>(Math.max(0, d - 1)).fill(0)];
  const w = [...start];
  const pairs: { diff: number[] }[] = [];
  for (const s of samples) {
    const xp = s.xs[s.primary];
    if (!xp) continue;
    s.xs.forEach((xo, j) => {
      if (j !== s.primary) pairs.push({ diff: xp.map((v, k) => v - (xo[k] ?? 0)) });
    });
  }
  const n = Math.max(1, pairs.length);
  for (let step = 0; step < steps; step += 1) {
    const g = new Array<number>(d).fill(0);
    for (const { diff } of pairs) {
      const z = dot(w, diff);
      const coef = -1 / (1 + Math.exp(z));
      for (let k = 0; k < d; k += 1) g[k] = (g[k] as number) + coef * (diff[k] as number);
    }
    for (let k = 0; k < d; k += 1) w[k] = (w[k] as number) - rate * ((g[k] as number) / n + l2 * ((w[k] as number) - (start[k] as number)));
  }
  return w.map((v) => Math.round(v * 1e4) / 1e4);
}
