import { CLAUSES, topLevelClauses } from '../../../src/domain/catalogue/catalogue';
import { analyseGaps, type ClauseGap, type GapAnalysis, type GapWarningCode } from '../../../src/domain/gap';
import { aClauseRecord, aFinding, aGapInput, anEvidence, daysAgo, gapOptions } from '../../builders/gap.builder';

function clause(analysis: GapAnalysis, id: string): ClauseGap {
  const found = analysis.clauses.find((c) => c.clauseId === id);
  if (!found) throw new Error(`clause ${id} missing from analysis`);
  return found;
}

function codes(c: ClauseGap): GapWarningCode[] {
  return c.warnings.map((w) => w.code);
}

describe('analyseGaps', () => {
  it('covers every assessable clause of 4 to 10 exactly once, in catalogue order', () => {
    const result = analyseGaps(aGapInput(), gapOptions());
    const expected = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
    expect(result.clauses.map((c) => c.clauseId)).toEqual(expected);
    expect(new Set(result.clauses.map((c) => c.groupId))).toEqual(new Set(topLevelClauses().map((c) => c.id)));
    expect(clause(result, '8.5.1.1').groupId).toBe('8');
    expect(clause(result, '10.2').title.length).toBeGreaterThan(0);
  });

  it('keeps a user-set result and its record, and marks it not proposed', () => {
    const result = analyseGaps(aGapInput({ records: [aClauseRecord({ result: 'nonconformant' })], evidence: [anEvidence()] }), gapOptions());
    const c = clause(result, '8.5.1.1');
    expect(c).toMatchObject({ result: 'nonconformant', proposed: false, ruleId: 'user-set', note: 'Checked in the internal audit' });
    expect(c.setBy).toBe('557058:sandbox-project-admin');
  });

  it('proposes a result when the record has no result', () => {
    const result = analyseGaps(aGapInput({ records: [aClauseRecord({ result: undefined })], evidence: [anEvidence()] }), gapOptions());
    expect(clause(result, '8.5.1.1')).toMatchObject({ result: 'conformant', proposed: true, ruleId: 'all-done-current' });
  });

  it('lists evidence sorted done → in progress → to do, then by issue key, with age in days', () => {
    const result = analyseGaps(
      aGapInput({
        evidence: [
          anEvidence({ issueKey: 'SMS-10', statusCategory: 'new', updated: daysAgo(1) }),
          anEvidence({ issueKey: 'SMS-9', statusCategory: 'done', updated: daysAgo(3) }),
          anEvidence({ issueKey: 'SMS-2', statusCategory: 'indeterminate', updated: daysAgo(5) }),
          anEvidence({ issueKey: 'SMS-11', statusCategory: 'done', updated: daysAgo(7) }),
        ],
      }),
      gapOptions(),
    );
    const ev = clause(result, '8.5.1.1').evidence;
    expect(ev.map((e) => e.issueKey)).toEqual(['SMS-9', 'SMS-11', 'SMS-2', 'SMS-10']);
    expect(ev.map((e) => e.ageDays)).toEqual([3, 7, 5, 1]);
    expect(result.evidenceCount).toBe(4);
  });

  it('applies evidence mapped to a heading to every assessable clause below it, once per issue', () => {
    const result = analyseGaps(aGapInput({ evidence: [anEvidence({ issueKey: 'SMS-5', clauses: ['8.5.1', '8.5.1.2'] })] }), gapOptions());
    for (const id of ['8.5.1.1', '8.5.1.2', '8.5.1.3']) expect(clause(result, id).evidence.map((e) => e.issueKey)).toEqual(['SMS-5']);
    expect(clause(result, '8.5.2.1').evidence).toEqual([]);
    expect(result.evidenceCount).toBe(1);
  });

  it('reports clause ids the catalogue does not know and ignores them', () => {
    const result = analyseGaps(
      aGapInput({ records: [aClauseRecord({ clauseId: '11.1' })], evidence: [anEvidence({ clauses: ['99.9'] })], findings: [aFinding({ clauseId: '8.99' })] }),
      gapOptions(),
    );
    expect(result.unknownClauseRefs).toEqual(['11.1', '8.99', '99.9']);
    expect(result.evidenceCount).toBe(0);
  });

  describe('warnings', () => {
    it('flags a clause set conformant with no evidence at all', () => {
      const result = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '5.1', result: 'conformant' })] }), gapOptions());
      const c = clause(result, '5.1');
      expect(codes(c)).toEqual(['conformant_without_evidence']);
      expect(c.warnings[0]?.message).toMatch(/no Jira issue is mapped/);
    });

    it('flags a clause set conformant whose evidence is not done yet', () => {
      const result = analyseGaps(
        aGapInput({ records: [aClauseRecord()], evidence: [anEvidence({ statusCategory: 'indeterminate' })] }),
        gapOptions(),
      );
      expect(codes(clause(result, '8.5.1.1'))).toEqual(['conformant_without_evidence']);
    });

    it('does not flag a conformant clause backed by done evidence', () => {
      const result = analyseGaps(aGapInput({ records: [aClauseRecord()], evidence: [anEvidence()] }), gapOptions());
      expect(clause(result, '8.5.1.1').warnings).toEqual([]);
    });

    it('flags evidence older than the set age and names the issues', () => {
      const result = analyseGaps(
        aGapInput({
          evidence: [
            anEvidence({ issueKey: 'SMS-1', updated: daysAgo(91) }),
            anEvidence({ issueKey: 'SMS-2', updated: daysAgo(90) }),
          ],
        }),
        gapOptions({ maxEvidenceAgeDays: 90 }),
      );
      const c = clause(result, '8.5.1.1');
      expect(c.evidence.map((e) => [e.issueKey, e.stale])).toEqual([
        ['SMS-1', true],
        ['SMS-2', false],
      ]);
      const stale = c.warnings.find((w) => w.code === 'stale_evidence');
      expect(stale?.refs).toEqual(['SMS-1']);
      expect(stale?.message).toContain('more than 90 days');
    });

    it('flags open major and minor nonconformities but not observations or closed ones', () => {
      const result = analyseGaps(
        aGapInput({
          findings: [
            aFinding({ id: 'F-1', grade: 'major_nc' }),
            aFinding({ id: 'F-2', grade: 'minor_nc' }),
            aFinding({ id: 'F-3', grade: 'observation' }),
            aFinding({ id: 'F-4', grade: 'minor_nc', open: false }),
            aFinding({ id: 'F-5', grade: 'observation', clauseId: '9.2' }),
          ],
        }),
        gapOptions(),
      );
      const c = clause(result, '8.5.1.1');
      const w = c.warnings.find((x) => x.code === 'open_nonconformity');
      expect(w?.refs).toEqual(['F-1', 'F-2']);
      expect(w?.message).toContain('1 major, 1 minor');
      expect(c.openFindings.map((f) => f.id)).toEqual(['F-1', 'F-2', 'F-3']);
      expect(codes(clause(result, '9.2'))).not.toContain('open_nonconformity');
    });

    it('flags every clause under a unit that is below its target maturity', () => {
      const result = analyseGaps(
        aGapInput({
          maturityGaps: [
            { clauseId: '8.6', unitName: 'Resolution and fulfilment', current: 1, target: 3 },
            { clauseId: '8.7', unitName: 'Service assurance', current: 2, target: 2 },
          ],
        }),
        gapOptions(),
      );
      for (const id of ['8.6.1', '8.6.2', '8.6.3']) {
        const w = clause(result, id).warnings.find((x) => x.code === 'below_target_maturity');
        expect(w?.message).toBe('Resolution and fulfilment is at maturity level 1, below its target of level 3.');
      }
      expect(codes(clause(result, '8.7.1'))).not.toContain('below_target_maturity');
    });

    it('flags an in-scope process without an epic, counting epics on a parent heading', () => {
      const result = analyseGaps(aGapInput({ epics: { inScope: ['8.5', '8.6.1'], withEpic: ['8.5.1'] } }), gapOptions());
      expect(codes(clause(result, '8.5.1.2'))).not.toContain('no_epic');
      expect(codes(clause(result, '8.5.2.1'))).toContain('no_epic');
      expect(codes(clause(result, '8.6.1'))).toContain('no_epic');
      expect(codes(clause(result, '8.6.2'))).not.toContain('no_epic');
    });

    it('skips the epic check when no epic coverage is given', () => {
      const result = analyseGaps(aGapInput(), gapOptions());
      expect(result.clauses.flatMap(codes)).not.toContain('no_epic');
      expect(result.warningCount).toBe(0);
    });

    it('flags not applicable, since a conformity claim allows no exclusions', () => {
      const result = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '8.2.5', result: 'not_applicable' })] }), gapOptions());
      const c = clause(result, '8.2.5');
      expect(codes(c)).toEqual(['not_applicable_claimed']);
      expect(c.warnings[0]?.message).toMatch(/no exclusions/);
      expect(result.warningCount).toBe(1);
    });
  });

  it('computes readiness overall and per top-level clause from the effective results', () => {
    const result = analyseGaps(
      aGapInput({
        records: [
          aClauseRecord({ clauseId: '4.1', result: 'conformant' }),
          aClauseRecord({ clauseId: '4.2', result: 'partially_conformant' }),
          aClauseRecord({ clauseId: '4.3', result: 'not_applicable' }),
        ],
        evidence: [anEvidence({ clauses: ['4.1', '4.2'] })],
      }),
      gapOptions(),
    );
    const g4 = result.readiness.byGroup.find((g) => g.groupId === '4');
    expect(g4?.title).toBe('Context of the organization');
    expect(g4?.figures).toMatchObject({ numerator: 1.5, denominator: 3, percent: 50, excludedNotApplicable: 1, clauseCount: 4 });
    const total = result.clauses.length;
    expect(result.readiness.overall).toMatchObject({ numerator: 1.5, denominator: total - 1, excludedNotApplicable: 1 });
    expect(result.readiness.byGroup.map((g) => g.groupId)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });
});

describe('analyseGaps with clauses read as their newest page (evidenceSamples)', () => {
  const sample = (over: Partial<{ approxTotal: number; approxStale: number; anyDone: boolean; anyOpenOrStaleDone: boolean }> = {}) => ({
    clauseId: '8.5.1.1',
    approxTotal: 5000,
    approxStale: 0,
    anyDone: true,
    anyOpenOrStaleDone: false,
    ...over,
  });

  it('proposes from the exact facts beyond the listed page, not from the listed page alone', () => {
    const listedAllDone = [anEvidence({ issueKey: 'SMS-1' })];
    const conformant = analyseGaps(aGapInput({ evidence: listedAllDone, evidenceSamples: [sample()] }), gapOptions());
    expect(clause(conformant, '8.5.1.1')).toMatchObject({ result: 'conformant', ruleId: 'all-done-current' });
    const someOpenBeyond = analyseGaps(aGapInput({ evidence: listedAllDone, evidenceSamples: [sample({ anyOpenOrStaleDone: true })] }), gapOptions());
    expect(clause(someOpenBeyond, '8.5.1.1')).toMatchObject({ result: 'partially_conformant', ruleId: 'some-done' });
    const listedOpen = [anEvidence({ issueKey: 'SMS-2', statusCategory: 'indeterminate' })];
    const doneBeyond = analyseGaps(aGapInput({ evidence: listedOpen, evidenceSamples: [sample({ anyOpenOrStaleDone: true })] }), gapOptions());
    expect(clause(doneBeyond, '8.5.1.1').result).toBe('partially_conformant');
    const noneDone = analyseGaps(aGapInput({ evidence: listedOpen, evidenceSamples: [sample({ anyDone: false, anyOpenOrStaleDone: true })] }), gapOptions());
    expect(clause(noneDone, '8.5.1.1')).toMatchObject({ result: 'nonconformant', ruleId: 'nothing-done' });
  });

  it('gives the approximate counts beyond the page as such, in the clause, the stale warning and the project count', () => {
    const result = analyseGaps(
      aGapInput({ evidence: [anEvidence({ issueKey: 'SMS-1' })], evidenceSamples: [sample({ approxStale: 1200, anyOpenOrStaleDone: true })], evidenceTotal: { count: 100_000, approximate: true } }),
      gapOptions(),
    );
    const c = clause(result, '8.5.1.1');
    expect(c.evidenceBeyond).toEqual({ approxTotal: 5000, approxStale: 1200 });
    expect(c.warnings.find((w) => w.code === 'stale_evidence')?.message).toMatch(/^About 1200 mapped issues have not been updated .*approximate count/);
    expect(result.evidenceCount).toBe(100_000);
    expect(result.evidenceCountApproximate).toBe(true);
  });
});
