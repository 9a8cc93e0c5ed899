/**
 * Fits the clause suggester's few numbers on the TUNING set only (test/fixtures/labelled-issues.json):
 *   npx tsx bench/fit-suggestions.ts              BM25F parameters (coordinate search), printed
 *   npx tsx bench/fit-suggestions.ts --write      ... and written to src/domain/mapping/suggest-model.json, with --stats
 *   npx tsx bench/fit-suggestions.ts --stats      the tuning set's background statistics (how many of its issues match
 *                                                 each index term; label-free) -> suggest-background.json; re-run after
 *                                                 a lexicon edit (a test checks they are current)
 *   npx tsx bench/fit-suggestions.ts --calibrate  confidence calibration, fitted on the held-out samples of
 *                                                 test/fixtures/calibration-samples.json -> suggest-calibration.json,
 *                                                 and its 5-fold held-out check printed
 *   npx tsx bench/fit-suggestions.ts --cv         5-fold cross-validation of the fit: parameters fitted on four fifths
 *                                                 of the tuning set, judged on the fifth left out, against the shipped ones
 * The blind sets (blind-issues*.json) are never read here. Not a benchmark (no .bench.ts suffix).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import rawCalibrationSamples from '../test/fixtures/calibration-samples.json';
import { MODEL_PARAMS, backgroundStats, compileModel, exampleStats, type SuggestModelParams } from '../src/domain/mapping/suggest-clauses';
import { calibrationSamplesSchema, featuresOf, fitCalibration, heldOutCheck } from '../src/domain/mapping/suggest-confidence';
import { figures, fitParams, tuning } from './suggest-fit';

const DIR = path.join(__dirname, '../src/domain/mapping');

/**
 * k-fold cross-validation of the fitting procedure: for each fold, parameters are fitted on the other folds and
 * judged on it. Printed beside the shipped parameters judged on the same folds, so a refit is kept only if it
 * holds on issues it was not fitted on.
 */
function crossValidate(k = 5): void {
  const sum = { fitted: { top1: 0, top3: 0, recall5: 0 }, shipped: { top1: 0, top3: 0, recall5: 0 } };
  for (let fold = 0; fold < k; fold += 1) {
    const train = tuning.filter((_, i) => i % k !== fold);
    const test = tuning.filter((_, i) => i % k === fold);
    const fitted = figures(fitParams(train, 2, false), test, train);
    const shipped = figures({ ...MODEL_PARAMS }, test, train);
    for (const key of ['top1', 'top3', 'recall5'] as const) {
      sum.fitted[key] += fitted[key] / k;
      sum.shipped[key] += shipped[key] / k;
    }
    process.stdout.write(`fold ${fold}: fitted ${JSON.stringify(fitted, ['top1', 'top3', 'recall5'])} shipped ${JSON.stringify(shipped, ['top1', 'top3', 'recall5'])}\n`);
  }
  process.stdout.write(`mean of ${k} held-out folds: ${JSON.stringify(sum)}\n`);
}

const sorted = <T>(o: Readonly<Record<string, T>>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The tuning set's label statistics (the clauses' examples field) and its background statistics, matched with
 * the vocabulary those examples give (so the shipped model is trainModel(MODEL_PARAMS, tuning)).
 */
function writeStats(params: SuggestModelParams = MODEL_PARAMS): void {
  const examples = exampleStats(tuning, params);
  const clauses = sorted(Object.fromEntries(Object.entries(examples.clauses).map(([id, c]) => [id, { issues: c.issues, df: sorted(c.df) }])));
  writeFileSync(path.join(DIR, 'suggest-examples.json'), `${JSON.stringify({ clauses })}\n`);
  const stats = backgroundStats(tuning, compileModel(params, undefined, undefined, undefined, examples));
  writeFileSync(path.join(DIR, 'suggest-background.json'), `${JSON.stringify({ issues: stats.issues, df: sorted(stats.df) }, null, 1)}\n`);
}

if (process.argv.includes('--cv')) {
  crossValidate();
} else if (process.argv.includes('--calibrate')) {
  const samples = calibrationSamplesSchema.parse(rawCalibrationSamples);
  const calibration = fitCalibration(samples.map((s) => ({ x: featuresOf(s), y: s.y })));
  writeFileSync(path.join(DIR, 'suggest-calibration.json'), `${JSON.stringify(calibration, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(calibration)}\nheld out (5 folds): ${JSON.stringify(heldOutCheck(samples))}\n`);
} else if (process.argv.includes('--stats')) {
  writeStats();
} else {
  const params = fitParams();
  process.stdout.write(`${JSON.stringify(params, null, 2)}\n`);
  if (process.argv.includes('--write')) {
    writeFileSync(path.join(DIR, 'suggest-model.json'), `${JSON.stringify(params, null, 2)}\n`);
    writeStats(params);
  }
}
