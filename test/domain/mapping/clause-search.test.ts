import { CLAUSES } from '../../../src/domain/catalogue/catalogue';
import { clauseSearchTerms } from '../../../src/domain/mapping/clause-search';

// The clause picker finds clauses by the suggestion vocabulary: the words people use ("SLA", "known error",
// "KPI") lead to the clauses the suggestion model ties them to, synonyms included.
const finds = (word: string): string[] => CLAUSES.filter((c) => clauseSearchTerms(c.id).some((t) => t.includes(word))).map((c) => c.id);

describe('clauseSearchTerms', () => {
  it('finds service level management by "sla" and by its long form', () => {
    expect(finds('sla')).toContain('8.3.3');
    expect(finds('service level agreement')).toContain('8.3.3');
  });

  it('finds problem management by "known error" and by the synonym "kedb"', () => {
    expect(finds('known error')).toContain('8.6.3');
    expect(finds('kedb')).toContain('8.6.3');
  });

  it('finds monitoring and measurement by "kpi"', () => {
    expect(finds('kpi')).toContain('9.1');
  });

  it('gives lower-case terms without duplicates, and none for a clause outside the vocabulary', () => {
    for (const c of CLAUSES) {
      const terms = clauseSearchTerms(c.id);
      expect(new Set(terms).size).toBe(terms.length);
      expect(terms.every((t) => t === t.toLowerCase())).toBe(true);
    }
    expect(clauseSearchTerms('99.9')).toEqual([]);
  });
});
