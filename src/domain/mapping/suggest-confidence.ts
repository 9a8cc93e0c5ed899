/**
 * Confidence of a clause suggestion: the probability that the suggested clause is one of the clauses.
 *
 * A logistic model (Platt scaling) over features of the ranking, not of the words: the suggestion's rank, its
 * score, its share of the top score and, for the best one, its lead over the runner-up. Its coefficients are data
 * (suggest-calibration.json), fitted by fitCalibration below (`npx tsx bench/fit-suggestions.ts --calibrate`)
 * on held-out samples: test/fixtures/calibration-samples.json holds the ranking features and outcomes of the
 * model on 388 tuning issues written after it, each batch scored before anyone editing the model had read it
 * (the sixth batch, 48 issues, by the model with the learned examples field, before the batch joined the tuning set).
 * A fit on issues the lexicon was written against would be over-confident: on those fresh issues the best
 * suggestion was one of the clauses 82 % of the time, against about 95 % on the tuning set the lexicon was written on. A test checks that
 * the stored coefficients are what the fit gives, and that on held-out folds the confidence matches the hit rate.
 */
import { z } from 'zod';
import rawCalibration from './suggest-calibration.json';

export interface RankFeatures {
  /** 1 for the best suggestion. */
  rank: number;
  score: number;
  /** Score of the best suggestion. */
  top: number;
  /** Score of the next suggestion (0 if none). */
  next: number;
}

export interface Calibration {
  /** Feature names, in the order of `weights` after the intercept. */
  features: readonly string[];
  intercept: number;
  weights: readonly number[];
}

/**
 * A suggestion at least this likely to be right counts as confident: bulk "accept best suggestion" pre-selects
 * only those issues (the user can still tick the others). Chosen for a precision of at least 0.95 among the
 * confident best suggestions on held-out folds of the calibration samples (heldOutCheck: 0.979 at 61 % pre-selected, mean confidence 0.825 against a hit rate of 0.825).
 */
export const CONFIDENT_SUGGESTION = 0.85;

/** Whether a suggestion counts as confident (pre-selected by bulk accept, marked so in the issue panel). */
export const isConfident = (s: { confidence: number }): boolean => s.confidence >= CONFIDENT_SUGGESTION;

export const CALIBRATION: Readonly<Calibration> = Object.freeze(rawCalibration satisfies Calibration);

/** Feature vector of a suggestion (see CALIBRATION.features). */
export function featuresOf(f: RankFeatures): number[] {
  const share = f.top > 0 ? f.score / f.top : 0;
  // The best suggestion's lead over the runner-up: a close call is less sure. Only for the best one, so that
  // within one issue a lower-ranked suggestion is never more likely than a higher-ranked one.
  const topLead = f.rank === 1 && f.score > 0 ? Math.max(0, f.score - f.next) / f.score : 0;
  return [f.rank === 1 ? 1 : 0, Math.log1p(Math.max(0, f.score)), share, topLead, Math.log(Math.max(1, f.rank))];
}

export const FEATURE_NAMES: readonly string[] = Object.freeze(['isTop', 'logScore', 'shareOfTop', 'topLead', 'logRank']);

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function predict(c: Calibration, x: readonly number[]): number {
  let z = c.intercept;
  x.forEach((v, i) => {
    z += (c.weights[i] ?? 0) * v;
  });
  return sigmoid(z);
}

/** Calibrated confidence, rounded to two decimals. */
export function confidenceOf(f: RankFeatures, calibration: Calibration = CALIBRATION): number {
  return Math.round(predict(calibration, featuresOf(f)) * 100) / 100;
}

/**
 * Fits the logistic calibration by gradient descent with a small L2 penalty (deterministic: fixed start, fixed
 * number of steps). `samples` are feature vectors with their outcome (1 = the clause is one of the issue's).
 */
export function fitCalibration(samples: readonly { x: readonly number[]; y: 0 | 1 }[], steps = 4_000, rate = 0.5, l2 = 1e-3): Calibration {
  const d = FEATURE_NAMES.length;
  let intercept = 0;
  const w = new Array<number>(d).fill(0);
  const n = Math.max(1, samples.length);
  for (let step = 0; step < steps; step += 1) {
    let g0 = 0;
    const g = new Array<number>(d).fill(0);
    for (const { x, y } of samples) {
      let z = intercept;
      for (let i = 0; i < d; i += 1) z += (w[i] as number) * (x[i] ?? 0);
      const err = sigmoid(z) - y;
      g0 += err;
      for (let i = 0; i < d; i += 1) g[i] = (g[i] as number) + err * (x[i] ?? 0);
    }
    intercept -= (rate * g0) / n;
    for (let i = 0; i < d; i += 1) w[i] = (w[i] as number) - rate * ((g[i] as number) / n + l2 * (w[i] as number));
  }
  const r = (v: number): number => Math.round(v * 1e4) / 1e4;
  return { features: [...FEATURE_NAMES], intercept: r(intercept), weights: w.map(r) };
}

/** Ranking features of one suggestion with its outcome (1 = the clause is one of the issue's). */
export interface CalibrationSample extends RankFeatures {
  y: 0 | 1;
}

export const calibrationSamplesSchema = z.array(
  z.object({ rank: z.number().int().min(1), score: z.number(), top: z.number(), next: z.number(), y: z.union([z.literal(0), z.literal(1)]) }),
);

export interface HeldOutCheck {
  /** Mean confidence of the best suggestion, to compare with topHitRate. */
  meanConfidence: number;
  /** Share of issues whose best suggestion is one of their clauses. */
  topHitRate: number;
  /** Share of issues whose best suggestion is confident (what bulk accept pre-selects). */
  confidentShare: number;
  /** Of those, the share that are right. */
  confidentPrecision: number;
}

/**
 * k-fold check of the calibration method: the samples are grouped by issue (each group starts at rank 1); for each
 * fold the calibration is fitted on the other folds and judged on the best suggestion of each issue left out.
 */
export function heldOutCheck(samples: readonly CalibrationSample[], k = 5, threshold = CONFIDENT_SUGGESTION): HeldOutCheck {
  const groups: CalibrationSample[][] = [];
  for (const s of samples) {
    if (s.rank === 1 || groups.length === 0) groups.push([]);
    (groups[groups.length - 1] as CalibrationSample[]).push(s);
  }
  let sumP = 0;
  let hits = 0;
  let confident = 0;
  let confidentRight = 0;
  for (let fold = 0; fold < k; fold += 1) {
    const train = groups.filter((_, i) => i % k !== fold).flat().map((s) => ({ x: featuresOf(s), y: s.y }));
    const c = fitCalibration(train);
    for (const group of groups.filter((_, i) => i % k === fold)) {
      const best = group[0] as CalibrationSample;
      const p = confidenceOf(best, c);
      sumP += p;
      hits += best.y;
      if (p >= threshold) {
        confident += 1;
        confidentRight += best.y;
      }
    }
  }
  const n = Math.max(1, groups.length);
  return { meanConfidence: sumP / n, topHitRate: hits / n, confidentShare: confident / n, confidentPrecision: confident === 0 ? 0 : confidentRight / confident };
}
