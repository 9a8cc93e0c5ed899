/**
 * The BM25F parameter fit of the clause suggester (coordinate search), shared by bench/fit-suggestions.ts and
 * bench/cv-suggestions.ts. Fitted on whatever items it is given: the tuning set or some of its folds, never the
 * blind sets.
 */
import rawTuning from '../test/fixtures/labelled-issues.json';
import { evaluateRanking, labelledIssuesSchema, type LabelledIssue } from '../src/domain/mapping/suggest-bench';
import { MODEL_PARAMS, backgroundStats, compileModel, suggestWith, trainModel, type SuggestModelParams } from '../src/domain/mapping/suggest-clauses';

export const tuning = labelledIssuesSchema.parse(rawTuning);

/**
 * top1 counts twice: the first suggestion is the one bulk accept pre-selects; top3 and recall5 guard the rest.
 * Judged without the examples field: on the very issues it was learned from it would flatter itself (its weight is
 * chosen by cross-validation instead, bench/cv-suggestions.ts --nested).
 */
function objective(params: SuggestModelParams, items: readonly LabelledIssue[] = tuning): number {
  const model = compileModel({ ...params, examples: 0 }, undefined, undefined, backgroundStats(items));
  const r = evaluateRanking(items, (item) => suggestWith(model, item, { limit: 5 }));
  return 2 * r.top1 + r.top3 + r.recall5;
}

type Scalar = 'k1' | 'b' | 'k3' | 'prior' | 'fuzzy' | 'minScore' | 'background';
type FieldKey = keyof SuggestModelParams['fields'];
type PositionKey = keyof SuggestModelParams['positions'];
interface Knob {
  name: string;
  get: (p: SuggestModelParams) => number;
  set: (p: SuggestModelParams, v: number) => SuggestModelParams;
}
const scalar = (k: Scalar): Knob => ({ name: k, get: (p) => p[k] ?? 0, set: (p, v) => ({ ...p, [k]: v }) });
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
  scalar('k1'), scalar('b'), scalar('k3'), scalar('prior'), scalar('fuzzy'), scalar('minScore'), scalar('background'),
  field('title'), field('description'), field('names'), field('terms'), field('hints'),
  position('firstSentence'), position('rest'), position('label'), position('component'),
];
const FACTORS = [0.5, 0.75, 0.9, 1.1, 1.33, 2];

const round = (v: number): number => Math.round(v * 1000) / 1000;

export function fitParams(items: readonly LabelledIssue[] = tuning, passes = 3, log = true, start: SuggestModelParams = MODEL_PARAMS): SuggestModelParams {
  const say = (line: string): void => {
    if (log) process.stdout.write(line);
  };
  let best = { ...start };
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
export function figures(params: SuggestModelParams, items: readonly LabelledIssue[], training = tuning): { top1: number; top3: number; recall5: number } {
  const model = trainModel(params, training);
  return evaluateRanking(items, (item) => suggestWith(model, item, { limit: 5 }));
}

