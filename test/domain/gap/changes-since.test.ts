import { analyseGaps, changesSince, gapSnapshotSchema, toGapSnapshot, type GapSnapshot } from '../../../src/domain/gap';
import { aClauseRecord, aGapInput, gapOptions } from '../../builders/gap.builder';

const at = '2026-10-01T00:00:00.000Z';

describe('changesSince', () => {
  it('reports nothing on the first publish', () => {
    const current = analyseGaps(aGapInput(), gapOptions());
    expect(changesSince(undefined, current)).toEqual({ hasPrevious: false, improved: [], regressed: [], otherChanges: [] });
  });

  it('sorts clauses into improved and regressed by result rank', () => {
    const previous: GapSnapshot = { takenAt: at, results: { '4.1': 'nonconformant', '4.2': 'partially_conformant', '5.1': 'conformant', '10.1': 'not_assessed' } };
    const current: GapSnapshot = { takenAt: 'now', results: { '4.1': 'partially_conformant', '4.2': 'conformant', '5.1': 'nonconformant', '10.1': 'conformant' } };
    const ch = changesSince(previous, current);
    expect(ch.hasPrevious).toBe(true);
    expect(ch.previousTakenAt).toBe(at);
    expect(ch.improved.map((c) => c.clauseId)).toEqual(['4.1', '4.2', '10.1']);
    expect(ch.regressed).toEqual([{ clauseId: '5.1', from: 'conformant', to: 'nonconformant' }]);
    expect(ch.otherChanges).toEqual([]);
  });

  it('lists moves the rank cannot order as other changes', () => {
    const previous: GapSnapshot = { takenAt: at, results: { '4.1': 'not_assessed', '4.2': 'conformant', '4.3': 'not_applicable' } };
    const current: GapSnapshot = { takenAt: 'now', results: { '4.1': 'nonconformant', '4.2': 'not_applicable', '4.3': 'conformant' } };
    const ch = changesSince(previous, current);
    expect(ch.improved).toEqual([]);
    expect(ch.regressed).toEqual([]);
    expect(ch.otherChanges.map((c) => [c.clauseId, c.from, c.to])).toEqual([
      ['4.1', 'not_assessed', 'nonconformant'],
      ['4.2', 'conformant', 'not_applicable'],
      ['4.3', 'not_applicable', 'conformant'],
    ]);
  });

  it('treats a clause missing from the previous snapshot as not assessed before', () => {
    const ch = changesSince({ takenAt: at, results: {} }, { takenAt: 'now', results: { '4.1': 'conformant', '4.2': 'not_assessed' } });
    expect(ch.improved).toEqual([{ clauseId: '4.1', from: undefined, to: 'conformant' }]);
    expect(ch.otherChanges).toEqual([]);
  });

  it('compares a full analysis with a stored snapshot that round-trips through its schema', () => {
    const before = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '6.1', result: 'partially_conformant' })] }), gapOptions());
    const stored = gapSnapshotSchema.parse(JSON.parse(JSON.stringify(toGapSnapshot(before))));
    const after = analyseGaps(aGapInput({ records: [aClauseRecord({ clauseId: '6.1', result: 'conformant' }), aClauseRecord({ clauseId: '7.1', result: 'nonconformant' })] }), gapOptions());
    const ch = changesSince(stored, after);
    expect(ch.improved).toEqual([{ clauseId: '6.1', from: 'partially_conformant', to: 'conformant' }]);
    expect(ch.otherChanges).toEqual([{ clauseId: '7.1', from: 'not_assessed', to: 'nonconformant' }]);
    expect(ch.regressed).toEqual([]);
  });
});
