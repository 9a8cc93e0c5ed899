import rawSamples from '../../fixtures/calibration-samples.json';
import rawFixtures from '../../fixtures/labelled-issues.json';
import { labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';
import { suggestClauses } from '../../../src/domain/mapping/suggest-clauses';
import {
  CALIBRATION,
  CONFIDENT_SUGGESTION,
  calibrationSamplesSchema,
  confidenceOf,
  featuresOf,
  fitCalibration,
  heldOutCheck,
  isConfident,
} from '../../../src/domain/mapping/suggest-confidence';

const tuning = labelledIssuesSchema.parse(rawFixtures);
const samples = calibrationSamplesSchema.parse(rawSamples);

describe('suggestion confidence', () => {
  it('is stored as the fit on the held-out calibration samples (re-run bench/fit-suggestions.ts --calibrate)', () => {
    const fitted = fitCalibration(samples.map((s) => ({ x: featuresOf(s), y: s.y })));
    expect(fitted.features).toEqual(CALIBRATION.features);
    expect(fitted.intercept).toBeCloseTo(CALIBRATION.intercept, 2);
    fitted.weights.forEach((w, i) => expect(w).toBeCloseTo(CALIBRATION.weights[i] as number, 2));
  });

  it('matches the hit rate on folds it was not fitted on, and confident best suggestions are right at least 95 % of the time', () => {
    const check = heldOutCheck(samples);
    expect(Math.abs(check.meanConfidence - check.topHitRate)).toBeLessThan(0.03);
    expect(check.confidentPrecision).toBeGreaterThanOrEqual(0.95);
    // Not a threshold nobody reaches: a good share of issues is still pre-selected.
    expect(check.confidentShare).toBeGreaterThan(0.3);
  });

  it('is a probability on every suggestion and never over-confident on the tuning set (which flatters the model)', () => {
    let sum = 0;
    let hits = 0;
    for (const item of tuning) {
      const s = suggestClauses(item);
      for (const x of s) {
        expect(x.confidence).toBeGreaterThanOrEqual(0);
        expect(x.confidence).toBeLessThanOrEqual(1);
      }
      const best = s[0];
      if (!best) continue;
      sum += best.confidence;
      hits += item.clauses.includes(best.clauseId) ? 1 : 0;
    }
    expect(sum / tuning.length).toBeLessThanOrEqual(hits / tuning.length + 0.03);
  });

  it('is higher for a clear winner than for a close call, and for the top suggestion than for the runner-up', () => {
    const clear = confidenceOf({ rank: 1, score: 20, top: 20, next: 4 });
    const close = confidenceOf({ rank: 1, score: 20, top: 20, next: 19 });
    const second = confidenceOf({ rank: 2, score: 19, top: 20, next: 3 });
    expect(clear).toBeGreaterThan(close);
    expect(close).toBeGreaterThan(second);
  });

  it('counts a suggestion as confident from CONFIDENT_SUGGESTION on', () => {
    expect(isConfident({ confidence: CONFIDENT_SUGGESTION })).toBe(true);
    expect(isConfident({ confidence: CONFIDENT_SUGGESTION - 0.01 })).toBe(false);
  });

  it('fits a logistic model to the samples it is given', () => {
    // Outcome 1 exactly when the first feature is 1: the fit must separate the two groups.
    const fake = Array.from({ length: 40 }, (_, i) => {
      const x = featuresOf({ rank: (i % 2) + 1, score: 10, top: 10, next: 5 });
      return { x, y: (i % 2 === 0 ? 1 : 0) as 0 | 1 };
    });
    const c = fitCalibration(fake, 2_000);
    expect(confidenceOf({ rank: 1, score: 10, top: 10, next: 5 }, c)).toBeGreaterThan(0.8);
    expect(confidenceOf({ rank: 2, score: 10, top: 10, next: 5 }, c)).toBeLessThan(0.2);
  });
});
