/**
 * The clauses' examples field (issue 17): words that labelled issues of a clause use, learned from the tuning set
 * (its label statistics, suggest-examples.json). The example issues are written for these tests; none is taken
 * from the blind sets.
 */
import rawFixtures from '../../fixtures/labelled-issues.json';
import { labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';
import {
  BACKGROUND,
  EXAMPLES,
  MODEL_PARAMS,
  compileModel,
  exampleStats,
  suggestClauses,
  suggestWith,
  trainModel,
} from '../../../src/domain/mapping/suggest-clauses';

const tuning = labelledIssuesSchema.parse(rawFixtures);

describe('examples field', () => {
  it('is stored as the tuning set gives it with the current lexicon (re-run bench/fit-suggestions.ts --stats)', () => {
    expect(EXAMPLES).toEqual(exampleStats(tuning));
  });

  it('is on in the shipped model, and the shipped model is the one trained on the tuning set', () => {
    expect(MODEL_PARAMS.examples ?? 0).toBeGreaterThan(0);
    const trained = trainModel(MODEL_PARAMS, tuning);
    for (const item of tuning.slice(0, 40)) expect(suggestWith(trained, item)).toEqual(suggestClauses(item));
  });

  it('counts, per primary clause, how many of its issues contain each term (phrases and synonyms as index keys)', () => {
    const stats = exampleStats([
      { summary: 'Hire a second database administrator', clauses: ['7.1'] },
      { summary: 'Hire two more agents for the desk', clauses: ['7.1', '8.6.1'] },
      { summary: 'Capacity plan for the mail servers', clauses: ['8.4.3'] },
    ]);
    expect(stats.clauses['7.1']?.issues).toBe(2);
    expect(stats.clauses['7.1']?.df.hire).toBe(2);
    expect(stats.clauses['8.4.3']?.df['#capacity plan']).toBe(1);
    // Secondary clauses learn nothing; function words and number words are never learned.
    expect(stats.clauses['8.6.1']).toBeUndefined();
    expect(stats.clauses['7.1']?.df.two).toBeUndefined();
    expect(stats.clauses['7.1']?.df.more).toBeUndefined();
  });

  it('lets a word the lexicon does not know point to the clause its labelled issues had', () => {
    const items = [
      { summary: 'Take on an apprentice for the desk', clauses: ['7.1'] },
      { summary: 'Second apprentice for the network team', clauses: ['7.1'] },
    ];
    const params = { ...MODEL_PARAMS, examples: 0.3 };
    const withExamples = compileModel(params, undefined, undefined, BACKGROUND, exampleStats(items, params));
    const without = compileModel({ ...params, examples: 0 }, undefined, undefined, BACKGROUND);
    const issue = { summary: 'Apprentices for the ops team' };
    expect(suggestWith(without, issue).find((s) => s.clauseId === '7.1')?.reasons ?? []).not.toContain('Apprentices');
    expect(suggestWith(withExamples, issue)[0]).toMatchObject({ clauseId: '7.1', reasons: expect.arrayContaining(['Apprentices']) });
  });

  it('shows a word learned from a single issue as a reason only when nothing else explains the suggestion', () => {
    const items = [
      { summary: 'Hire an apprentice, the desk is short every monday', clauses: ['7.1'] },
      { summary: 'Hire a second apprentice for the network team', clauses: ['7.1'] },
    ];
    // A heavy examples field and no cut-off, so that the learned words alone make a suggestion.
    const params = { ...MODEL_PARAMS, examples: 3, minScore: 0 };
    const model = compileModel(params, undefined, undefined, BACKGROUND, exampleStats(items, params));
    // "apprentice" has two issues behind it, "monday" one: beside a better word, "monday" counts but is not shown.
    const both = suggestWith(model, { summary: 'Apprentice starts monday' }).find((s) => s.clauseId === '7.1');
    expect(both?.reasons).toContain('Apprentice');
    expect(both?.reasons).not.toContain('monday');
    const alone = suggestWith(model, { summary: 'every monday the same' }, { limit: 58 }).find((s) => s.clauseId === '7.1');
    expect(alone?.reasons).toEqual(['monday']);
  });
});
