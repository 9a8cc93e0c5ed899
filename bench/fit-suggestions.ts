/**
 * Fits the clause suggester's few numbers on the TUNING set only (test/fixtures/labelled-issues.json):
 *   npx tsx bench/fit-suggestions.ts              BM25F parameters (coordinate search), printed
 *   npx tsx bench/fit-suggestions.ts --write      ... and written to src/domain/mapping/suggest-model.json
 *   npx tsx bench/fit-suggestions.ts --calibrate  confidence calibration, fitted on the held-out samples of
 *                                                 test/fixtures/calibration-samples.json -> suggest-calibration.json,
 *                                                 and its 5-fold held-out check printed
 *   npx tsx bench/fit-suggestions.ts --cv         5-fold cross-validation of the fit: parameters fitted on four fifths
 *                                                 of the tuning set, judged on the fifth left out, against the shipped ones
 * The blind sets (blind-issues*.json) are never read here. Not a benchmark (no .bench.ts suffix).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import rawTuning from '../test/fixtures/labelled-issues.json';
import rawCalibrationSamples from '../test/fixtures/calibration-samples.json';
import { evaluateRanking, labelledIssuesSchema, type LabelledIssue } from '../src/domain/mapping/suggest-bench';
import { MODEL_PARAMS, compileModel, suggestWith, type SuggestModelParams } from '../src/domain/mapping/suggest-clauses';
import { calibrationSamplesSchema, featuresOf, fitCalibration, heldOutCheck } from '../src/domain/mapping/suggest-confidence';

const tuning = labelledIssuesSchema.parse(rawTuning);
const DIR = path.join(__dirname, '../src/domain/mapping');

/** top1 counts twice: the first suggestion is the one bulk accept pre-selects; top3 and recall5 guard the rest. */
function objective(params: SuggestModelParams, items: readonly LabelledIssue[] = tuning): number {
  const model = compileModel(params);
  const r = evaluateRanking(items, (item) => suggestWith(model, item, { limit: 5 }));
  return 2 * r.top1 + r.top3 + r.recall5;
}

type Scalar = 'k1' | 'b' | 'k3' | 'prior' | 'fuzzy' | 'minScore';
type FieldKey = keyof SuggestModelParams['fields'];
type PositionKey = keyof SuggestModelParams['positions'];
interface Knob {
  name: string;
  get: (p: SuggestModelParams) => number;
  set: (p: SuggestModelParams, v: number) => SuggestModelParams;
}
const scalar = (k: Scalar): Knob => ({ name: k, get: (p) => p[k], set: (p, v) => ({ ...p, [k]: v }) });
const field = (k: FieldKey): Knob => ({
  name: `fields.${k}`,
  get: (p) => p.fields[k],
  set: (p, v) => ({ ...p, fields: { ...p.fields, [k]: v } }),
});
const position = (k: PositionKey): Knob => ({
  name: `positions.${k}`,
  get: (p) => p.positions[k],
  set: (p, v) => ({ ...p, positions: { ...p.positions, [k]: v } }),
});
// positions.summary stays 2: it fixes the scale of the others.
const KNOBS: Knob[] = [
  scalar('k1'), scalar('b'), scalar('k3'), scalar('prior'), scalar('fuzzy'), scalar('minScore'),
  field('title'), field('description'), field('names'), field('terms'), field('hints'),
  position('firstSentence'), position('rest'), position('label'), position('component'),
];
const FACTORS = [0.5, 0.75, 0.9, 1.1, 1.33, 2];

const round = (v: number): number => Math.round(v * 1000) / 1000;

function fitParams(items: readonly LabelledIssue[] = tuning, passes = 3, log = true): SuggestModelParams {
  const say = (line: string): void => {
    if (log) process.stdout.write(line);
  };
  let best = { ...MODEL_PARAMS } as SuggestModelParams;
  let bestScore = objective(best, items);
  say(`start ${bestScore.toFixed(4)}\n`);
  for (let pass = 0; pass < passes; pass += 1) {
    let improved = false;
    for (const knob of KNOBS) {
      for (const f of FACTORS) {
        const v = round(knob.get(best) * f);
        if ((knob.name === 'b' || knob.name === 'fuzzy') && v > 1) continue;
        const cand = knob.set(best, v);
        // Structure kept whatever the data says: summary >= first sentence >= rest of the description.
        const pos = cand.positions;
        if (pos.firstSentence > pos.summary || pos.rest > pos.firstSentence) continue;
        const s = objective(cand, items);
        if (s > bestScore + 1e-9) {
          best = cand;
          bestScore = s;
          improved = true;
          say(`  ${knob.name} = ${v}: ${s.toFixed(4)}\n`);
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

/** Figures of a parameter set on some items. */
function figures(params: SuggestModelParams, items: readonly LabelledIssue[]): { top1: number; top3: number; recall5: number } {
  const model = compileModel(params);
  return evaluateRanking(items, (item) => suggestWith(model, item, { limit: 5 }));
}

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
    const fitted = figures(fitParams(train, 2, false), test);
    const shipped = figures({ ...MODEL_PARAMS }, test);
    for (const key of ['top1', 'top3', 'recall5'] as const) {
      sum.fitted[key] += fitted[key] / k;
      sum.shipped[key] += shipped[key] / k;
    }
    process.stdout.write(`fold ${fold}: fitted ${JSON.stringify(fitted, ['top1', 'top3', 'recall5'])} shipped ${JSON.stringify(shipped, ['top1', 'top3', 'recall5'])}\n`);
  }
  process.stdout.write(`mean of ${k} held-out folds: ${JSON.stringify(sum)}\n`);
}

if (process.argv.includes('--cv')) {
  crossValidate();
} else if (process.argv.includes('--calibrate')) {
  const samples = calibrationSamplesSchema.parse(rawCalibrationSamples);
  const calibration = fitCalibration(samples.map((s) => ({ x: featuresOf(s), y: s.y })));
  writeFileSync(path.join(DIR, 'suggest-calibration.json'), `${JSON.stringify(calibration, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(calibration)}\nheld out (5 folds): ${JSON.stringify(heldOutCheck(samples))}\n`);
} else {
  const params = fitParams();
  process.stdout.write(`${JSON.stringify(params, null, 2)}\n`);
  if (process.argv.includes('--write')) writeFileSync(path.join(DIR, 'suggest-model.json'), `${JSON.stringify(params, null, 2)}\n`);
}
