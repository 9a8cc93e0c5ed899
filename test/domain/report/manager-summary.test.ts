import { analyseGaps, toGapSnapshot, type GapSnapshot } from '../../../src/domain/gap';
import { deltaIsEmpty, notAssessedByGroup, openNonconformities, rankTopGaps, readinessChange, reportDelta } from '../../../src/domain/report';
import { aClauseRecord, aFinding, aGapInput, anEvidence, daysAgo, gapOptions } from '../../builders/gap.builder';

describe('readinessChange', () => {
  it('gives only the current figure on the first publish', () => {
    const a = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '4.1', result: 'conformant' })] }), gapOptions());
    expect(readinessChange(a, undefined)).toEqual({ now: a.readiness.overall.percent });
  });

  it('recomputes the previous readiness from the kept results and gives the change in points', () => {
    const before = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '4.1', result: 'partially_conformant' })] }), gapOptions());
    const now = analyseGaps(
      aGapInput({ records: [aClauseRecord({ clauseId: '4.1', result: 'conformant' }), aClauseRecord({ clauseId: '4.2', result: 'conformant' })] }),
      gapOptions(),
    );
    const ch = readinessChange(now, toGapSnapshot(before));
    expect(ch.previous).toBe(before.readiness.overall.percent);
    expect(ch.change).toBe(Math.round((now.readiness.overall.percent - before.readiness.overall.percent) * 10) / 10);
    expect(ch.change).toBeGreaterThan(0);
  });
});

describe('rankTopGaps', () => {
  const analysis = analyseGaps(
    aGapInput({
      records: [
        aClauseRecord({ clauseId: '4.1', result: 'conformant' }),
        aClauseRecord({ clauseId: '4.2', result: 'partially_conformant' }),
        aClauseRecord({ clauseId: '5.1', result: 'nonconformant' }),
        aClauseRecord({ clauseId: '8.7.1', result: 'nonconformant' }),
      ],
      findings: [aFinding({ id: 'SMS-9', grade: 'major_nc', clauseId: '8.7.1' })],
      plannedWork: [{ issueKey: 'SMS-40', summary: 'Write the availability plan', statusCategory: 'new', clauses: ['8.7.1'], assignee: 'Ana Lima', epicKey: 'SMS-30' }],
    }),
    gapOptions(),
  );

  it('ranks by size, then open major nonconformities, then known failures before unknowns, in clause order', () => {
    const top = rankTopGaps(analysis, 5);
    expect(top.map((g) => g.clauseId)).toEqual(['8.7.1', '5.1', '4.3', '4.4', '5.2.1']);
    expect(top.every((g) => g.result !== 'conformant')).toBe(true);
  });

  it('names the owner and epic of the clause from its open planned work', () => {
    expect(rankTopGaps(analysis, 1)[0]).toMatchObject({ clauseId: '8.7.1', owner: 'Ana Lima', epicKey: 'SMS-30', workItemKey: 'SMS-40', openMajor: 1 });
    expect(rankTopGaps(analysis, 5)[1]?.owner).toBeUndefined();
  });

  it('lists partially conformant clauses only after every full gap', () => {
    const all = rankTopGaps(analysis, 1000);
    expect(all.at(-1)?.clauseId).toBe('4.2');
  });
});

describe('openNonconformities', () => {
  it('lists each open major or minor nonconformity once with all its clauses, majors first', () => {
    const a = analyseGaps(
      aGapInput({
        findings: [
          aFinding({ id: 'SMS-2', grade: 'minor_nc', clauseId: '8.5.1.1' }),
          aFinding({ id: 'SMS-2', grade: 'minor_nc', clauseId: '8.5.1.2' }),
          aFinding({ id: 'SMS-3', grade: 'major_nc', clauseId: '9.2' }),
          aFinding({ id: 'SMS-4', grade: 'observation', clauseId: '9.2' }),
          aFinding({ id: 'SMS-5', grade: 'major_nc', clauseId: '9.2', open: false }),
        ],
      }),
      gapOptions(),
    );
    expect(openNonconformities(a).map((n) => [n.issueKey, n.grade, n.clauses])).toEqual([
      ['SMS-3', 'major_nc', ['9.2']],
      ['SMS-2', 'minor_nc', ['8.5.1.1', '8.5.1.2']],
    ]);
  });
});

describe('reportDelta', () => {
  const before = analyseGaps(aGapInput({ evidence: [anEvidence({ issueKey: 'SMS-1', clauses: ['8.6.1'], updated: daysAgo(100) })] }), gapOptions());
  const after = analyseGaps(
    aGapInput({
      evidence: [
        anEvidence({ issueKey: 'SMS-1', clauses: ['8.6.1'], updated: daysAgo(100) }),
        anEvidence({ issueKey: 'SMS-7', clauses: ['8.6.1'] }),
        anEvidence({ issueKey: 'SMS-8', clauses: ['9.2'], updated: daysAgo(300) }),
      ],
    }),
    gapOptions(),
  );

  it('names the evidence added and gone stale per clause, and the clauses that moved', () => {
    const d = reportDelta(toGapSnapshot(before), after);
    expect(d.evidenceAdded).toEqual([
      { clauseId: '8.6.1', count: 1, keys: ['SMS-7'] },
      { clauseId: '9.2', count: 1, keys: ['SMS-8'] },
    ]);
    expect(d.evidenceGoneStale).toEqual([{ clauseId: '9.2', count: 1, keys: ['SMS-8'] }]);
    expect(d.improved.map((c) => c.clauseId)).toContain('9.2');
    expect(deltaIsEmpty(d)).toBe(false);
    expect(d.previousAt).toBe(before.generatedAt);
  });

  it('finds nothing when nothing changed, and only counts when a snapshot listed too many keys to keep', () => {
    expect(deltaIsEmpty(reportDelta(toGapSnapshot(after), after))).toBe(true);
    const clipped: GapSnapshot = { ...toGapSnapshot(before), evidence: { '8.6.1': { count: 1, staleCount: 0, keys: [], staleKeys: [] } } };
    expect(reportDelta(clipped, after).evidenceAdded[0]).toEqual({ clauseId: '8.6.1', count: 1, keys: [] });
  });

  it('says evidence moves are unknown for a snapshot kept before evidence was recorded', () => {
    const old: GapSnapshot = { takenAt: daysAgo(5), results: toGapSnapshot(before).results };
    expect(reportDelta(old, after)).toMatchObject({ hasPrevious: true, evidenceUnknown: true, evidenceAdded: [] });
  });
});

describe('notAssessedByGroup', () => {
  it('folds only not-assessed clauses that have nothing to show', () => {
    const a = analyseGaps(aGapInput({ evidence: [anEvidence({ clauses: ['4.1'], statusCategory: 'new' })], records: [aClauseRecord({ clauseId: '4.2', result: undefined, note: 'Ask the sponsor' })] }), gapOptions());
    const four = (notAssessedByGroup(a).get('4') ?? []).map((c) => c.clauseId);
    expect(four).not.toContain('4.1');
    expect(four).not.toContain('4.2');
    expect(four).toContain('4.3');
  });
});
