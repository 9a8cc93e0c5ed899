/**
 * Confidence of a clause suggestion: the probability that the suggested clause is one of the clauses.
 *
 * A logistic model (Platt scaling) over features of the ranking, not of the words: the suggestion's rank, its
 * score, its share of the top score and its lead over the next suggestion. Its coefficients are data
 * (suggest-calibration.json), fitted on the tuning set only (test/fixtures/labelled-issues.json) by
 * fitCalibration below (run: `npx tsx bench/fit-suggestions.ts --calibrate`). A test checks that the stored
 * coefficients are what the fit gives for the current model, so the two cannot drift apart.
 * The tuning set flatters the model, so on new issues the confidence is, if anything, optimistic.
 */
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
 * only those issues (the user can still tick the others).
 */
export const CONFIDENT_SUGGESTION = 0.8;

export const CALIBRATION: Readonly<Calibration> = Object.freeze(rawCalibration satisfies Calibration);

/** Feature vector of a suggestion (see CALIBRATION.features). */
export function featuresOf(f: RankFeatures): number[] {
  const share = f.top > 0 ? f.score / f.top : 0;
  const lead = f.score > 0 ? Math.max(0, f.score - f.next) / f.score : 0;
  return [f.rank === 1 ? 1 : 0, Math.log1p(Math.max(0, f.score)), share, lead, Math.log(Math.max(1, f.rank))];
}

export const FEATURE_NAMES: readonly string[] = Object.freeze(['isTop', 'logScore', 'shareOfTop', 'leadOverNext', 'logRank']);

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
