/**
 * The issue-collection weighting of the clause suggester (issue 17): a term that many issues contain counts less
 * than one few issues contain. The example issues are written for these tests; none is taken from the blind sets.
 */
import rawFixtures from '../../fixtures/labelled-issues.json';
import { labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';
import {
  BACKGROUND,
  MODEL_PARAMS,
  backgroundFactor,
  backgroundStats,
  compileModel,
  issueTermKeys,
  suggestWith,
  type BackgroundStats,
} from '../../../src/domain/mapping/suggest-clauses';

const tuning = labelledIssuesSchema.parse(rawFixtures);

describe('background statistics', () => {
  it('are stored as the tuning set gives them with the current lexicon (re-run bench/fit-suggestions.ts --write)', () => {
    expect(BACKGROUND).toEqual(backgroundStats(tuning));
  });

  it('count each issue once per term it matches, as index keys (stems, synonyms as #key)', () => {
    const stats = backgroundStats([
      { summary: 'Capacity plan for the mail servers', description: 'The capacity plan is late.' },
      { summary: 'Mail servers are slow' },
    ]);
    expect(stats.issues).toBe(2);
    expect(stats.df['#capacity plan']).toBe(1);
    expect(stats.df.server).toBe(2);
    expect(Object.keys(stats.df)).toEqual(expect.arrayContaining(issueTermKeys(compileModel(MODEL_PARAMS), { summary: 'Mail servers are slow' })));
  });
});

describe('backgroundFactor', () => {
  const stats: BackgroundStats = { issues: 100, df: { common: 40, some: 5, rare: 1 } };

  it('leaves a term alone when switched off, without statistics, or when no issue had it', () => {
    expect(backgroundFactor(0, stats, 'common')).toBe(1);
    expect(backgroundFactor(0.5, undefined, 'common')).toBe(1);
    expect(backgroundFactor(0.5, { issues: 0, df: {} }, 'common')).toBe(1);
    expect(backgroundFactor(0.5, stats, 'unseen')).toBe(1);
  });

  it('weighs a term less the more issues contain it, and more so with a larger exponent', () => {
    const f = (key: string, gamma = 0.5): number => backgroundFactor(gamma, stats, key);
    expect(f('rare')).toBeLessThan(1);
    expect(f('some')).toBeLessThan(f('rare'));
    expect(f('common')).toBeLessThan(f('some'));
    expect(f('common')).toBeGreaterThan(0);
    expect(f('common', 1)).toBeLessThan(f('common', 0.25));
  });

  it('makes common issue words ("new", "staff") count less than specific phrases in the shipped model', () => {
    const gamma = MODEL_PARAMS.background ?? 0;
    expect(gamma).toBeGreaterThan(0);
    const capacityPlan = backgroundFactor(gamma, BACKGROUND, '#capacity plan');
    expect(backgroundFactor(gamma, BACKGROUND, 'new')).toBeLessThan(capacityPlan);
    expect(backgroundFactor(gamma, BACKGROUND, 'staff')).toBeLessThan(capacityPlan);
  });
});

describe('ranking with background statistics', () => {
  // Two clauses, each named by one word; without length normalisation they tie on an issue naming both.
  const lexicon = [
    { clauseId: '7.5.3', names: ['zebra'] },
    { clauseId: '7.5.4', names: ['giraffe'] },
  ];
  const params = { ...MODEL_PARAMS, b: 0, minScore: 0, background: 0.5 };
  const plain = compileModel(params, lexicon, []);
  // A collection where many issues mention zebras in passing and one a giraffe.
  const collection = [
    ...Array.from({ length: 30 }, (_, i) => ({ summary: `Zebra seen near gate ${i}` })),
    { summary: 'Giraffe fed' },
    ...Array.from({ length: 69 }, (_, i) => ({ summary: `Routine check ${i}` })),
  ];
  const weighted = compileModel(params, lexicon, [], backgroundStats(collection, plain));
  const issue = { summary: 'Giraffe enclosure: zebra got in' };

  it('ties without statistics (clause order decides)', () => {
    const out = suggestWith(plain, issue);
    expect(out.map((s) => s.clauseId)).toEqual(['7.5.3', '7.5.4']);
    expect(out[0]?.score).toBe(out[1]?.score);
  });

  it('puts the clause of the rarer word first, and keeps the words as written as the reasons', () => {
    const out = suggestWith(weighted, issue);
    expect(out.map((s) => s.clauseId)).toEqual(['7.5.4', '7.5.3']);
    expect(out[0]?.score).toBeGreaterThan(out[1]?.score ?? Infinity);
    expect(out[0]?.reasons).toEqual(['Giraffe']);
    expect(out[1]?.reasons).toEqual(['zebra']);
  });
});
