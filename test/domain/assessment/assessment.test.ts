import {
  ASSESSMENT_UNITS,
  PROCESS_IDS,
  assessmentSchema,
  emptyAssessment,
  heatmap,
  processesForClause,
  setElementAssessment,
  unitSummary,
  emptyUnitAssessment,
  getUnit,
  targetLevels,
} from '../../../src/domain/assessment';
import { getClause } from '../../../src/domain/catalogue/catalogue';
import { KEY_ELEMENT_IDS } from '../../../src/domain/maturity/maturity-model';
import { anAssessment, aUnitAssessment } from '../../builders/assessment.builder';

describe('assessment units', () => {
  it('are the 22 clause-8 processes plus the SMS as a whole, each a catalogue clause in its group', () => {
    expect(ASSESSMENT_UNITS).toHaveLength(23);
    expect(ASSESSMENT_UNITS.at(-1)).toMatchObject({ id: 'sms', kind: 'sms', processGroup: null });
    for (const id of PROCESS_IDS) {
      const clause = getClause(id);
      expect(clause?.processGroup).toBe(ASSESSMENT_UNITS.find((u) => u.id === id)?.processGroup);
      expect(clause?.title).toBe(ASSESSMENT_UNITS.find((u) => u.id === id)?.title);
    }
  });

  it('maps sub-subclauses, groups and 8.3.1 onto processes', () => {
    expect(processesForClause('8.5.1.3')).toEqual(['8.5.1']);
    expect(processesForClause('8.6')).toEqual(['8.6.1', '8.6.2', '8.6.3']);
    expect(processesForClause('8.3.1')).toEqual(['8.3.2', '8.3.3', '8.3.4']);
    expect(processesForClause('9.1')).toEqual([]);
  });
});

describe('setElementAssessment', () => {
  it('records levels, note and de-duplicated evidence without touching the input', () => {
    const a0 = emptyAssessment();
    const a1 = setElementAssessment(a0, '8.6.1', 'process', { current: 1, target: 2, note: 'Tickets in Jira', evidence: ['SMS-1', 'SMS-1', 'SMS-2'] });
    expect(a0.units).toEqual({});
    expect(a1.units['8.6.1']?.elements.process).toEqual({ current: 1, target: 2, note: 'Tickets in Jira', evidence: ['SMS-1', 'SMS-2'] });
    expect(assessmentSchema.safeParse(a1).success).toBe(true);
  });

  it('records any observed level on a first assessment and jumps between levels in either direction', () => {
    const a1 = setElementAssessment(emptyAssessment(), '8.6.1', 'process', { current: 2, target: 3 });
    expect(a1.units['8.6.1']?.elements.process).toMatchObject({ current: 2, target: 3 });
    const a2 = setElementAssessment(a1, '8.6.1', 'risk', { current: 3, target: 3 });
    expect(a2.units['8.6.1']?.elements.risk).toMatchObject({ current: 3 });
    const a3 = setElementAssessment(a2, '8.6.1', 'process', { current: 0 });
    expect(a3.units['8.6.1']?.elements.process).toMatchObject({ current: 0, target: 3 });
  });

  it('accepts a target below the current level and counts it as met', () => {
    const a = setElementAssessment(emptyAssessment(), '8.6.1', 'process', { current: 3, target: 1 });
    const unit = getUnit(a, '8.6.1');
    expect(unit.elements.process).toMatchObject({ current: 3, target: 1 });
    expect(targetLevels(unit).process).toBe(3);
    expect(heatmap(a).rows.find((r) => r.unitId === '8.6.1')?.cells.find((c) => c.elementId === 'process')).toMatchObject({ gap: 0 });
  });

  it('refuses a level outside 0..3 and a bad issue key', () => {
    expect(() => setElementAssessment(emptyAssessment(), '8.6.1', 'process', { current: 4 as never })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    expect(() => setElementAssessment(emptyAssessment(), '8.6.1', 'process', { evidence: ['not a key'] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});

describe('unitSummary', () => {
  it('takes the unit level from its weakest element and lists the elements to raise next', () => {
    const unit = aUnitAssessment('8.6.1', { current: 2, target: 3, elements: { risk: { current: 1, target: 3 }, learning: { current: 1, target: 2 } } });
    const s = unitSummary(unit);
    expect([s.currentLevel, s.targetLevel]).toEqual([1, 2]);
    expect(s.next).toEqual([
      { elementId: 'risk', from: 1, to: 2 },
      { elementId: 'learning', from: 1, to: 2 },
    ]);
    expect(s.toRaise.filter((x) => x.elementId === 'risk')).toEqual([
      { elementId: 'risk', from: 1, to: 2 },
      { elementId: 'risk', from: 2, to: 3 },
    ]);
    expect(s.stepsToTarget).toBe(17 * 1 + 2 + 1);
    expect(s.gapClosed).toBe(false);
  });

  it('calls a gap closed only when every element is assessed and at target', () => {
    expect(unitSummary(aUnitAssessment('8.1', { current: 2, target: 2 })).gapClosed).toBe(true);
    expect(unitSummary(emptyUnitAssessment('8.1'))).toMatchObject({ currentLevel: 0, targetLevel: 0, assessedElements: 0, gapClosed: false });
  });
});

describe('heatmap', () => {
  it('has one row per unit and one cell per key element with current, target and gap', () => {
    const a = anAssessment([aUnitAssessment('8.6.1', { current: 1, target: 3 })]);
    const h = heatmap(a);
    expect(h.rows).toHaveLength(23);
    expect(h.elements.map((e) => e.id)).toEqual([...KEY_ELEMENT_IDS]);
    const row = h.rows.find((r) => r.unitId === '8.6.1');
    expect(row?.cells).toHaveLength(19);
    expect(row?.cells[0]).toEqual({ elementId: 'management-support', assessed: true, current: 1, target: 3, gap: 2 });
    expect(h.rows.find((r) => r.unitId === 'sms')?.cells[0]).toEqual({ elementId: 'management-support', assessed: false, current: 0, target: 0, gap: 0 });
    expect(h.maxGap).toBe(2);
  });

  it('limits and orders rows to the units asked for', () => {
    expect(heatmap(emptyAssessment(), { units: ['sms', '8.1'] }).rows.map((r) => r.unitId)).toEqual(['sms', '8.1']);
  });
});
