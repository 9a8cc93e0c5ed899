import rawFixtures from '../../fixtures/labelled-issues.json';
import { calibrationSamples, labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';
import { suggestClauses } from '../../../src/domain/mapping/suggest-clauses';
import { CALIBRATION, confidenceOf, featuresOf, fitCalibration } from '../../../src/domain/mapping/suggest-confidence';

const tuning = labelledIssuesSchema.parse(rawFixtures);

describe('suggestion confidence', () => {
  it('is stored as the fit of the current model on the tuning set (re-run bench/fit-suggestions.ts --calibrate)', () => {
    const fitted = fitCalibration(calibrationSamples(tuning));
    expect(fitted.features).toEqual(CALIBRATION.features);
    expect(fitted.intercept).toBeCloseTo(CALIBRATION.intercept, 2);
    fitted.weights.forEach((w, i) => expect(w).toBeCloseTo(CALIBRATION.weights[i] as number, 2));
  });

  it('is a probability on every suggestion, and its mean on the tuning set matches the hit rate', () => {
    let sum = 0;
    let hits = 0;
    let n = 0;
    for (const item of tuning) {
      for (const s of suggestClauses(item)) {
        expect(s.confidence).toBeGreaterThanOrEqual(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
        sum += s.confidence;
        hits += item.clauses.includes(s.clauseId) ? 1 : 0;
        n += 1;
      }
    }
    expect(Math.abs(sum / n - hits / n)).toBeLessThan(0.03);
  });

  it('is higher for a clear winner than for a close call, and for the top suggestion than for the runner-up', () => {
    const clear = confidenceOf({ rank: 1, score: 20, top: 20, next: 4 });
    const close = confidenceOf({ rank: 1, score: 20, top: 20, next: 19 });
    const second = confidenceOf({ rank: 2, score: 19, top: 20, next: 3 });
    expect(clear).toBeGreaterThan(close);
    expect(close).toBeGreaterThan(second);
  });

  it('fits a logistic model to the samples it is given', () => {
    // Outcome 1 exactly when the first feature is 1: the fit must separate the two groups.
    const samples = Array.from({ length: 40 }, (_, i) => {
      const x = featuresOf({ rank: (i % 2) + 1, score: 10, top: 10, next: 5 });
      return { x, y: (i % 2 === 0 ? 1 : 0) as 0 | 1 };
    });
    const c = fitCalibration(samples, 2_000);
    expect(confidenceOf({ rank: 1, score: 10, top: 10, next: 5 }, c)).toBeGreaterThan(0.8);
    expect(confidenceOf({ rank: 2, score: 10, top: 10, next: 5 }, c)).toBeLessThan(0.2);
  });
});
