/**
 * Blind evaluation set for the clause suggester (test/fixtures/blind-issues.json).
 *
 * The 80 issues were written and labelled before the lexicon, the suggester and the labelled tuning set were
 * read, so their wording is not shaped by the model's vocabulary. The set is never used for tuning: that is
 * why precision@3 on it is only checked to be a ratio and reported (bench/suggest.bench.ts, the
 * `mapping.suggest.*.blind_v1` lines), not gated on a threshold. A gate would invite tuning the lexicon to this set,
 * after which it would no longer measure how the suggester does on text it has not seen.
 */
import rawBlind from '../../fixtures/blind-issues.json';
import { getClause, isClauseId } from '../../../src/domain/catalogue/catalogue';
import { evaluatePrecisionAt3, labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';

const blind = labelledIssuesSchema.parse(rawBlind);

describe('blind issues fixture', () => {
  it('holds at least 80 distinct issues', () => {
    expect(blind.length).toBeGreaterThanOrEqual(80);
    expect(new Set(blind.map((item) => item.summary)).size).toBe(blind.length);
  });

  it('labels every issue with real, assessable clauses, without duplicates', () => {
    for (const item of blind) {
      expect(new Set(item.clauses).size).toBe(item.clauses.length);
      for (const id of item.clauses) {
        expect(isClauseId(id)).toBe(true);
        expect(getClause(id)?.assessable).toBe(true);
      }
    }
  });

  it('spreads over at least 20 distinct clauses and outside clause 8', () => {
    const distinct = new Set(blind.flatMap((item) => item.clauses));
    expect(distinct.size).toBeGreaterThanOrEqual(20);
    const outsideOperation = blind.filter((item) => !(item.clauses[0] ?? '').startsWith('8.'));
    expect(outsideOperation.length).toBeGreaterThanOrEqual(15);
  });
});

describe('precision@3 on the blind set (reported, not gated)', () => {
  it('is a ratio, and every miss is listed', () => {
    const report = evaluatePrecisionAt3(blind);
    expect(report.total).toBe(blind.length);
    expect(report.precisionAt3).toBeGreaterThanOrEqual(0);
    expect(report.precisionAt3).toBeLessThanOrEqual(1);
    expect(report.misses).toHaveLength(report.total - report.hits);
    expect(report.precisionAt3).toBeCloseTo(report.hits / report.total, 10);
    for (const miss of report.misses) {
      expect(miss.got.length).toBeLessThanOrEqual(3);
      expect(miss.expected.some((c) => miss.got.includes(c))).toBe(false);
    }
  });
});
