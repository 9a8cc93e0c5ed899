/**
 * k-fold cross-validation of the clause suggester on the TUNING set only (test/fixtures/labelled-issues.json):
 *   npx tsx bench/cv-suggestions.ts [--refit] [--rerank] [--window=5] [--l2=0.01]
 * Each fold: the model's numbers (with --refit: the BM25F parameters; with --rerank: the second-stage weights) are
 * fitted on the other folds and top1 / top3 / recall5 measured on the fold left out. Lexicon changes cannot be
 * cross-validated this way (the lexicon is written by hand); the figures judge the fitted numbers and the method.
 * The blind sets (blind-issues*.json) are never read here. Not a benchmark (no .bench.ts suffix).
 */
import rawTuning from '../test/fixtures/labelled-issues.json';
import { labelledIssuesSchema, type LabelledIssue } from '../src/domain/mapping/suggest-bench';
import { MODEL_PARAMS, type compileModel, rankedCandidates, trainModel, type SuggestModelParams } from '../src/domain/mapping/suggest-clauses';
import { RERANK_FEATURES, fitRerank, rerank, rerankFeatures, type RerankFeature, type RerankParams, type RerankSample } from './suggest-rerank';
import { fitParams } from './suggest-fit';

const tuning = labelledIssuesSchema.parse(rawTuning);
const arg = (name: string, fallback: number): number => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a === undefined ? fallback : Number(a.split('=')[1]);
};
const K = arg('k', 5);
const WINDOW = arg('window', 5);
const L2 = arg('l2', 0.01);
const FEATURES: RerankFeature[] = (process.argv.find((x) => x.startsWith('--features='))?.split('=')[1]?.split(',') ?? ['share', 'summaryLead', 'named', 'prior']).map((f) => {
  if (!(RERANK_FEATURES as readonly string[]).includes(f)) throw new Error(`unknown feature ${f}`);
  return f as RerankFeature;
});

/** Starting parameters: the shipped ones, with --set=name=value overrides of scalar parameters (e.g. --set=prior=2). */
const START: SuggestModelParams = process.argv
  .filter((x) => x.startsWith('--set='))
  .map((x) => x.slice('--set='.length).split('='))
  .reduce<SuggestModelParams>((p, [key, value]) => {
    if (key === undefined || !['number', 'undefined'].includes(typeof (p as unknown as Record<string, unknown>)[key])) throw new Error(`not a scalar parameter: ${key ?? ''}`);
    return { ...p, [key]: Number(value) };
  }, { ...MODEL_PARAMS });

type Model = ReturnType<typeof compileModel>;

export function rerankSamples(model: Model, items: readonly LabelledIssue[], window: number, features: readonly RerankFeature[]): RerankSample[] {
  const out: RerankSample[] = [];
  for (const item of items) {
    const cands = rankedCandidates(model, item);
    const primary = cands.slice(0, window).findIndex((c) => c.clauseId === item.clauses[0]);
    if (primary >= 0) out.push({ xs: rerankFeatures(cands, window, features), primary });
  }
  return out;
}

function measure(model: Model, params: RerankParams | undefined, items: readonly LabelledIssue[]): { top1: number; top3: number; recall5: number } {
  let top1 = 0;
  let top3 = 0;
  let found = 0;
  let labelled = 0;
  for (const item of items) {
    const got = rerank(rankedCandidates(model, item), params).slice(0, 5).map((c) => c.clauseId);
    const primary = item.clauses[0] as string;
    if (got[0] === primary) top1 += 1;
    if (got.slice(0, 3).includes(primary)) top3 += 1;
    labelled += item.clauses.length;
    found += item.clauses.filter((c) => got.includes(c)).length;
  }
  return { top1: top1 / items.length, top3: top3 / items.length, recall5: found / labelled };
}

/**
 * Weights by direct search on top-1 (then top-3) of the training items: share stays 1, each other feature's weight
 * is tried on a grid, coordinate by coordinate (two passes); a tie keeps the smaller weight.
 */
export function gridRerank(model: Model, items: readonly LabelledIssue[], window: number, features: readonly RerankFeature[]): number[] {
  const cands = items.map((item) => rankedCandidates(model, item));
  const score = (weights: readonly number[]): number => {
    let s = 0;
    cands.forEach((c, i) => {
      const got = rerank(c, { window, features, weights }).slice(0, 3).map((x) => x.clauseId);
      const primary = (items[i] as LabelledIssue).clauses[0];
      if (got[0] === primary) s += 1;
      if (got.includes(primary as string)) s += 0.5;
    });
    return s;
  };
  const w: number[] = features.map((f) => (f === 'share' ? 1 : 0));
  let best = score(w);
  const GRID = [-0.6, -0.4, -0.3, -0.2, -0.15, -0.1, -0.05, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6];
  for (let pass = 0; pass < 2; pass += 1) {
    features.forEach((f, k) => {
      if (f === 'share') return;
      for (const v of GRID) {
        const cand = [...w];
        cand[k] = v;
        const s = score(cand);
        if (s > best + 1e-9 || (Math.abs(s - best) < 1e-9 && Math.abs(v) < Math.abs(w[k] as number))) {
          best = s;
          w[k] = v;
        }
      }
    });
  }
  return w;
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** The examples-field settings tried by --nested (weight, length normalisation); weight 0 = the field off. */
const EXAMPLE_GRID: { examples: number; examplesB: number }[] = [
  { examples: 0, examplesB: 0 },
  ...[0.05, 0.1, 0.2, 0.3].flatMap((examples) => [0.042, 0.5, 1].map((examplesB) => ({ examples, examplesB }))),
];

/**
 * Nested cross-validation of the examples field: in each outer fold, its weight and length normalisation are
 * chosen by an inner k-fold CV on the training part alone (objective 2 top1 + top3 + recall5), then the model
 * trained on the whole training part is judged on the outer fold. The outer figures never saw the choice.
 */
function nested(): void {
  const sum = { top1: 0, top3: 0, recall5: 0 };
  for (let fold = 0; fold < K; fold += 1) {
    const train = tuning.filter((_, i) => i % K !== fold);
    const test = tuning.filter((_, i) => i % K === fold);
    let best = { score: -1, setting: EXAMPLE_GRID[0] as { examples: number; examplesB: number } };
    for (const setting of EXAMPLE_GRID) {
      let score = 0;
      for (let inner = 0; inner < K - 1; inner += 1) {
        const itrain = train.filter((_, i) => i % (K - 1) !== inner);
        const itest = train.filter((_, i) => i % (K - 1) === inner);
        const f = measure(trainModel({ ...START, ...setting, examplesMin: 1 }, itrain), undefined, itest);
        score += 2 * f.top1 + f.top3 + f.recall5;
      }
      if (score > best.score + 1e-9) best = { score, setting };
    }
    const f = measure(trainModel({ ...START, ...best.setting, examplesMin: 1 }, train), undefined, test);
    for (const key of ['top1', 'top3', 'recall5'] as const) sum[key] += f[key] / K;
    process.stdout.write(`fold ${fold}: ${JSON.stringify({ top1: r3(f.top1), top3: r3(f.top3), recall5: r3(f.recall5) })} chosen ${JSON.stringify(best.setting)}\n`);
  }
  process.stdout.write(`mean of ${K} held-out folds (nested choice of the examples field): ${JSON.stringify({ top1: r3(sum.top1), top3: r3(sum.top3), recall5: r3(sum.recall5) })}\n`);
}

function main(): void {
  if (process.argv.includes('--nested')) {
    nested();
    return;
  }
  const refit = process.argv.includes('--refit');
  const useRerank = process.argv.includes('--rerank');
  const sum = { top1: 0, top3: 0, recall5: 0 };
  for (let fold = 0; fold < K; fold += 1) {
    const train = tuning.filter((_, i) => i % K !== fold);
    const test = tuning.filter((_, i) => i % K === fold);
    const params: SuggestModelParams = refit ? fitParams(train, 2, false, START) : START;
    const model = trainModel(params, train);
    const rr: RerankParams | undefined = useRerank ? {
      window: WINDOW,
      features: FEATURES,
      weights: process.argv.includes('--grid') ? gridRerank(model, train, WINDOW, FEATURES) : fitRerank(rerankSamples(model, train, WINDOW, FEATURES), L2),
    } : undefined;
    const f = measure(model, rr, test);
    for (const key of ['top1', 'top3', 'recall5'] as const) sum[key] += f[key] / K;
    process.stdout.write(`fold ${fold}: ${JSON.stringify({ top1: r3(f.top1), top3: r3(f.top3), recall5: r3(f.recall5) })}${refit ? ` ${JSON.stringify({ k1: params.k1, b: params.b, prior: params.prior, background: params.background })}` : ''}${rr ? ` rerank ${JSON.stringify(rr.weights)}` : ''}\n`);
  }
  process.stdout.write(`mean of ${K} held-out folds (refit=${refit}, rerank=${useRerank}${useRerank ? ` window=${WINDOW} l2=${L2} features=${FEATURES.join(',')}` : ''}): ${JSON.stringify({ top1: r3(sum.top1), top3: r3(sum.top3), recall5: r3(sum.recall5) })}\n`);
}

if (require.main === module) main();
