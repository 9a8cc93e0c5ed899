/**
 * Fits the clause suggester's few numbers on the TUNING set only (test/fixtures/labelled-issues.json):
 *   npx tsx bench/fit-suggestions.ts              BM25F parameters (coordinate search), printed
 *   npx tsx bench/fit-suggestions.ts --write      ... and written to src/domain/mapping/suggest-model.json
 *   npx tsx bench/fit-suggestions.ts --calibrate  confidence calibration -> src/domain/mapping/suggest-calibration.json
 * The blind sets (blind-issues*.json) are never read here. Not a benchmark (no .bench.ts suffix).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import rawTuning from '../test/fixtures/labelled-issues.json';
import { calibrationSamples, evaluateRanking, labelledIssuesSchema } from '../src/domain/mapping/suggest-bench';
import { MODEL_PARAMS, compileModel, suggestWith, type SuggestModelParams } from '../src/domain/mapping/suggest-clauses';
import { fitCalibration } from '../src/domain/mapping/suggest-confidence';

const tuning = labelledIssuesSchema.parse(rawTuning);
const DIR = path.join(__dirname, '../src/domain/mapping');

/** top1 counts twice: the first suggestion is the one bulk accept pre-selects; top3 and recall5 guard the rest. */
function objective(params: SuggestModelParams): number {
  const model = compileModel(params);
  const r = evaluateRanking(tuning, (item) => suggestWith(model, item, { limit: 5 }));
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

function fitParams(): SuggestModelParams {
  let best = { ...MODEL_PARAMS } as SuggestModelParams;
  let bestScore = objective(best);
  process.stdout.write(`start ${bestScore.toFixed(4)}\n`);
  for (let pass = 0; pass < 3; pass += 1) {
    let improved = false;
    for (const knob of KNOBS) {
      for (const f of FACTORS) {
        const v = round(knob.get(best) * f);
        if ((knob.name === 'b' || knob.name === 'fuzzy') && v > 1) continue;
        const cand = knob.set(best, v);
        // Structure kept whatever the data says: summary >= first sentence >= rest of the description.
        const pos = cand.positions;
        if (pos.firstSentence > pos.summary || pos.rest > pos.firstSentence) continue;
        const s = objective(cand);
        if (s > bestScore + 1e-9) {
          best = cand;
          bestScore = s;
          improved = true;
          process.stdout.write(`  ${knob.name} = ${v}: ${s.toFixed(4)}\n`);
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

if (process.argv.includes('--calibrate')) {
  const calibration = fitCalibration(calibrationSamples(tuning));
  writeFileSync(path.join(DIR, 'suggest-calibration.json'), `${JSON.stringify(calibration, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(calibration)}\n`);
} else {
  const params = fitParams();
  process.stdout.write(`${JSON.stringify(params, null, 2)}\n`);
  if (process.argv.includes('--write')) writeFileSync(path.join(DIR, 'suggest-model.json'), `${JSON.stringify(params, null, 2)}\n`);
}
