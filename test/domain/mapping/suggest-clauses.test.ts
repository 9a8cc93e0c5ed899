import rawFixtures from '../../fixtures/labelled-issues.json';
import { CLAUSES, compareClauseIds, getClause, isClauseId } from '../../../src/domain/catalogue/catalogue';
import { CLAUSE_TERMS, ISSUE_TYPE_PRIORS } from '../../../src/domain/mapping/clause-lexicon';
import {
  evaluatePrecisionAt3,
  labelledIssuesSchema,
  measureSuggestions,
} from '../../../src/domain/mapping/suggest-bench';
import {
  DEFAULT_SUGGESTION_LIMIT,
  MODEL_PARAMS,
  SUGGESTABLE_CLAUSE_IDS,
  compileModel,
  suggestClauses,
  suggestWith,
  type SuggestInput,
} from '../../../src/domain/mapping/suggest-clauses';
import { stem, tokenise } from '../../../src/domain/mapping/tokenise';

const fixtures = labelledIssuesSchema.parse(rawFixtures);
const isAssessable = (id: string): boolean => getClause(id)?.assessable === true;
/** Deterministic held-out split: every 4th item. */
const heldOut = fixtures.map((_, i) => i).filter((i) => i % 4 === 3);

function inputText(item: SuggestInput): string {
  return [item.summary, item.description ?? '', item.issueType ?? '', ...(item.labels ?? []), ...(item.components ?? [])].join('\n');
}

describe('labelled issues fixture', () => {
  it('holds at least 160 distinct issues', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(160);
    expect(new Set(fixtures.map((f) => f.summary)).size).toBe(fixtures.length);
  });

  it('labels every issue with real, assessable clause ids only', () => {
    const bad = fixtures.flatMap((f) => f.clauses.filter((c) => !isClauseId(c) || !isAssessable(c)));
    expect(bad).toEqual([]);
  });

  it('covers every process group of clause 8 and clauses 4 to 10 as primary labels', () => {
    const primaries = new Set(fixtures.map((f) => f.clauses[0] as string));
    for (const top of ['4', '5', '6', '7', '9', '10', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7']) {
      expect([...primaries].some((id) => id.startsWith(`${top}.`))).toBe(true);
    }
  });
});

describe('clause lexicon', () => {
  it('names only real, assessable clauses', () => {
    const ids = [...CLAUSE_TERMS.map((e) => e.clauseId), ...ISSUE_TYPE_PRIORS.flatMap((p) => Object.keys(p.weights))];
    expect(ids.filter((id) => !isClauseId(id) || !isAssessable(id))).toEqual([]);
  });

  it('can suggest every assessable clause from 4.1 to 10.2', () => {
    const assessable = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
    expect([...SUGGESTABLE_CLAUSE_IDS]).toEqual(assessable);
  });

  it('has one entry per clause', () => {
    const ids = CLAUSE_TERMS.map((e) => e.clauseId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('suggestClauses precision on the labelled set', () => {
  // Precision@3 = share of issues with ANY of their true clauses among the top three suggestions.
  it('puts a true clause in the top three for at least 80% of all labelled issues', () => {
    const report = evaluatePrecisionAt3(fixtures);
    expect(report.total).toBe(fixtures.length);
    expect(report.precisionAt3).toBeGreaterThanOrEqual(0.8);
  });

  it('reaches at least 70% on the held-out quarter (every 4th issue)', () => {
    const report = evaluatePrecisionAt3(fixtures, heldOut);
    expect(report.total).toBe(heldOut.length);
    expect(report.precisionAt3).toBeGreaterThanOrEqual(0.7);
  });

  it('agrees with measureSuggestions, which times with an injected clock', () => {
    let clock = 0;
    const now = (): number => (clock += 10);
    const measured = measureSuggestions(fixtures, now, 3);
    expect(measured.precisionAt3).toBeCloseTo(evaluatePrecisionAt3(fixtures).precisionAt3, 10);
    expect(measured.msPerIssue).toBeCloseTo(10 / fixtures.length, 10);
  });
});

describe('suggestClauses', () => {
  it('gives reasons that are words actually written in the issue', () => {
    for (const item of fixtures) {
      const haystack = inputText(item).toLowerCase();
      for (const s of suggestClauses(item)) {
        expect(s.reasons.length).toBeGreaterThan(0);
        for (const reason of s.reasons) expect(haystack).toContain(reason.toLowerCase());
      }
    }
  });

  it('returns at most the default limit, sorted by score with ties in clause order', () => {
    for (const item of fixtures) {
      const out = suggestClauses(item);
      expect(out.length).toBeLessThanOrEqual(DEFAULT_SUGGESTION_LIMIT);
      for (let i = 1; i < out.length; i += 1) {
        const [a, b] = [out[i - 1], out[i]] as [(typeof out)[number], (typeof out)[number]];
        expect(a.score).toBeGreaterThanOrEqual(b.score);
        if (a.score === b.score) expect(compareClauseIds(a.clauseId, b.clauseId)).toBeLessThan(0);
      }
    }
  });

  it('breaks an exact tie by clause order', () => {
    // Without length normalisation (b = 0) a term named by two clauses weighs the same for both.
    const model = compileModel({ ...MODEL_PARAMS, b: 0, minScore: 0 }, [
      { clauseId: '7.5.4', names: ['zebra crossing'] },
      { clauseId: '7.5.3', names: ['zebra crossing'] },
    ], []);
    const out = suggestWith(model, { summary: 'zebra crossing' });
    expect(out.map((s) => s.clauseId)).toEqual(['7.5.3', '7.5.4']);
    expect(out[0]?.score).toBe(out[1]?.score);
  });

  it('is deterministic', () => {
    const item = fixtures[0] as SuggestInput;
    expect(suggestClauses(item)).toEqual(suggestClauses({ ...item }));
  });

  it('honours limit', () => {
    const input = { summary: 'Major incident: checkout outage after failed change, SLA breached', issueType: 'Incident' };
    expect(suggestClauses(input, { limit: 1 })).toHaveLength(1);
    expect(suggestClauses(input, { limit: 0 })).toEqual([]);
  });

  it('leaves out excluded clauses and keeps the rest in order', () => {
    const input = { summary: 'Major incident: checkout outage after failed change, SLA breached', issueType: 'Incident' };
    const all = suggestClauses(input, { limit: 10 });
    expect(all[0]?.clauseId).toBe('8.6.1');
    const without = suggestClauses(input, { limit: 10, exclude: ['8.6.1'] });
    expect(without.map((s) => s.clauseId)).toEqual(all.map((s) => s.clauseId).filter((id) => id !== '8.6.1'));
  });

  it('returns nothing for an issue without words', () => {
    expect(suggestClauses({ summary: '' })).toEqual([]);
    expect(suggestClauses({ summary: '   ', description: '🙂 🔥 !!!', labels: [], components: [] })).toEqual([]);
    expect(suggestClauses({ summary: '', issueType: 'Incident' })).toEqual([]);
  });

  it('tells a security incident from an ordinary incident', () => {
    const out = suggestClauses({ summary: 'Security incident: ransomware found on a file server', issueType: 'Incident' });
    expect(out[0]?.clauseId).toBe('8.7.3.3');
    expect(out[0]?.reasons).toEqual(expect.arrayContaining(['Security incident', 'ransomware']));
  });

  it('expands ITSM synonyms and reports the words as written', () => {
    const out = suggestClauses({ summary: 'Change Advisory Board approval for the RFC' });
    expect(out[0]?.clauseId).toBe('8.5.1.3');
    expect(out[0]?.reasons).toEqual(expect.arrayContaining(['Change Advisory Board', 'RFC']));
    const sla = suggestClauses({ summary: 'Service Level Agreements need a review' });
    expect(sla[0]?.clauseId).toBe('8.3.3');
    expect(sla[0]?.reasons).toContain('Service Level Agreements');
  });

  it('matches multi-word phrases over their single words', () => {
    const out = suggestClauses({ summary: 'Update the capacity plan' });
    expect(out[0]).toMatchObject({ clauseId: '8.4.3', reasons: ['capacity plan'] });
  });

  it('weighs the summary more than the description', () => {
    const inSummary = suggestClauses({ summary: 'budget', description: 'complaint' });
    const inDescription = suggestClauses({ summary: 'complaint', description: 'budget' });
    expect(inSummary[0]?.clauseId).toBe('8.4.1');
    expect(inDescription[0]?.clauseId).toBe('8.3.2');
  });

  it('counts labels and components as strong signals', () => {
    const plain = suggestClauses({ summary: 'Look at the numbers for Q3' });
    const labelled = suggestClauses({ summary: 'Look at the numbers for Q3', labels: ['capacity'], components: ['Storage'] });
    expect(plain.some((s) => s.clauseId === '8.4.3')).toBe(false);
    expect(labelled[0]).toMatchObject({ clauseId: '8.4.3', reasons: ['capacity', 'Storage'] });
  });

  it('uses the issue type as a prior and names it as a reason', () => {
    const out = suggestClauses({ summary: 'Printer on floor 2', issueType: 'Problem' });
    expect(out[0]).toMatchObject({ clauseId: '8.6.3', reasons: ['Problem'] });
  });

  it('tolerates junk in optional fields', () => {
    const junk = { summary: 'vpn down', description: 42, labels: [null, 'p1', 7], components: 'x' } as unknown as SuggestInput;
    expect(suggestClauses(junk)[0]?.clauseId).toBe('8.6.1');
  });
});

describe('tokenise', () => {
  it('lowercases, folds accents and keeps spans into the original text', () => {
    const text = 'Wifi in Ålesund – Café';
    const tokens = tokenise(text);
    expect(tokens.map((t) => t.term)).toEqual(['wifi', 'alesund', 'cafe']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Wifi', 'Ålesund', 'Café']);
  });

  it('stems plurals, -ing and -ed to one form', () => {
    expect(new Set(['change', 'changes', 'changed', 'changing'].map(stem)).size).toBe(1);
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('planning')).toBe(stem('plan'));
    expect(stem('releases')).toBe(stem('release'));
  });

  it('drops stop words but keeps "IT" in capitals', () => {
    expect(tokenise('it is the IT team').map((t) => t.term)).toEqual(['it', 'team']);
  });
});
