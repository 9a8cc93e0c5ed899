import { compareSnapshots, snapshotSchema, takeSnapshot, trend, BASELINE_LABEL } from '../../../src/domain/assessment';
import { anAssessment, aUnitAssessment } from '../../builders/assessment.builder';

const baseline = takeSnapshot(anAssessment([aUnitAssessment('8.6.1', { current: 1 }), aUnitAssessment('8.1', { current: 2 })]), {
  id: 'snap-1',
  label: BASELINE_LABEL,
  at: '2025-01-01T00:00:00.000Z',
});
const afterPhase1 = takeSnapshot(
  anAssessment([
    aUnitAssessment('8.6.1', { current: 2 }),
    aUnitAssessment('8.1', { current: 2, elements: { risk: { current: 1 } } }),
    aUnitAssessment('8.6.3', { current: 1 }),
  ]),
  { id: 'snap-2', label: 'Resolution and fulfilment', at: '2025-04-01T00:00:00.000Z' },
);

describe('snapshots', () => {
  it('record the level of each assessed unit and are schema-valid', () => {
    expect(baseline.levels['8.6.1']?.level).toBe(1);
    expect(baseline.levels['8.6.3']).toBeUndefined();
    expect(snapshotSchema.safeParse(afterPhase1).success).toBe(true);
  });

  it('compare unit levels and changed elements between two snapshots', () => {
    const c = compareSnapshots(baseline, afterPhase1);
    expect(c.from.label).toBe('baseline');
    expect(c.improved).toEqual(['8.6.1', '8.6.3']);
    expect(c.regressed).toEqual(['8.1']);
    const opc = c.units.find((u) => u.unitId === '8.1');
    expect(opc).toEqual({ unitId: '8.1', from: 2, to: 1, delta: -1, elements: [{ elementId: 'risk', from: 2, to: 1 }] });
    expect(c.units.find((u) => u.unitId === '8.6.3')).toMatchObject({ from: 0, to: 1, delta: 1 });
  });

  it('trend a unit oldest first whatever order the snapshots come in', () => {
    expect(trend([afterPhase1, baseline], '8.6.3').map((p) => [p.label, p.level, p.assessed])).toEqual([
      ['baseline', 0, false],
      ['Resolution and fulfilment', 1, true],
    ]);
  });
});
