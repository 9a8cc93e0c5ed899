import { proposePlan, validatePlan, type Plan } from '../../../src/domain/planning';
import { PROCESS_IDS, processesInGroup, type ProcessId } from '../../../src/domain/assessment';
import { anAssessment, aUnitAssessment } from '../../builders/assessment.builder';

const groupsOf = (plan: Plan, index: number): string[] =>
  [...new Set((plan.phases[index]?.boundary.processes ?? []).map((p) => p.split('.').slice(0, 2).join('.')))].sort();
const introducedIn = (plan: Plan, p: ProcessId): number => plan.phases.findIndex((ph) => ph.boundary.processes.includes(p));

describe('proposePlan — Approach 1 (subsets)', () => {
  const plan = proposePlan('subsets');

  it('proposes three phases in the TS priority order', () => {
    expect(plan.phases.map((p) => p.name)).toEqual([
      'Resolution and fulfilment',
      'Relationship and agreement',
      'Service design, build and transition with supply and demand',
    ]);
  });

  it('puts the 8.6 processes and 8.1 in the first phase, with the initial 8.2 and minimal 8.7 sets', () => {
    const first = plan.phases[0]?.boundary.processes ?? [];
    expect(first).toEqual(expect.arrayContaining(['8.1', '8.6.1', '8.6.2', '8.6.3', '8.2.4', '8.7.1']));
    expect(groupsOf(plan, 0)).toEqual(['8.1', '8.2', '8.6', '8.7']);
  });

  it('introduces 8.3 in the second phase and 8.5 with 8.4 in the third', () => {
    for (const p of processesInGroup('8.3')) expect(introducedIn(plan, p)).toBe(1);
    for (const p of [...processesInGroup('8.5'), ...processesInGroup('8.4')]) expect(introducedIn(plan, p)).toBe(2);
    expect(groupsOf(plan, 1)).toEqual(['8.1', '8.2', '8.3', '8.7']);
    expect(groupsOf(plan, 2)).toEqual(['8.1', '8.2', '8.4', '8.5', '8.7']);
  });

  it('keeps 8.1 in every phase', () => {
    for (const phase of plan.phases) expect(phase.boundary.processes).toContain('8.1');
  });

  it('covers every clause-8 process and states objectives and a boundary per phase (Rule 1)', () => {
    for (const p of PROCESS_IDS) expect(introducedIn(plan, p)).toBeGreaterThanOrEqual(0);
    const result = validatePlan(plan);
    expect(result.issues.filter((i) => i.rule === 'rule-1' || i.rule === 'coverage')).toEqual([]);
    for (const phase of plan.phases) {
      expect(phase.objectives.length).toBeGreaterThan(0);
      expect(phase.boundary.elements.length).toBeGreaterThan(0);
    }
  });

  it('moves processes whose gap is already closed to the last phase', () => {
    const closed = aUnitAssessment('8.6.2', { current: 2, target: 2 });
    const open = aUnitAssessment('8.6.1', { current: 1, target: 2 });
    const p = proposePlan('subsets', anAssessment([closed, open]));
    expect(introducedIn(p, '8.6.1')).toBe(0);
    expect(introducedIn(p, '8.6.2')).toBe(p.phases.length - 1);
    expect(p.phases.at(-1)?.objectives.join(' ')).toContain('Service request management');
  });

  it('leaves closed processes out and lists them as not planned when asked to', () => {
    const p = proposePlan('subsets', anAssessment([aUnitAssessment('8.6.2', { current: 2, target: 2 })]), { closedGaps: 'omit' });
    expect(introducedIn(p, '8.6.2')).toBe(-1);
    expect(p.notPlanned).toEqual([{ processId: '8.6.2', reason: expect.any(String) }]);
    expect(validatePlan(p).issues.filter((i) => i.code === 'uncovered-process')).toEqual([]);
  });

  it('drops a priority phase whose processes are all out of scope', () => {
    const scope = PROCESS_IDS.filter((p) => !p.startsWith('8.3.'));
    const p = proposePlan('subsets', null, { scopeProcesses: scope });
    expect(p.phases.map((ph) => ph.name)).toEqual(['Resolution and fulfilment', 'Service design, build and transition with supply and demand']);
    expect(p.phases.flatMap((ph) => ph.boundary.processes).some((x) => x.startsWith('8.3.'))).toBe(false);
  });

  it('takes the related elements from the assessed gaps of the phase processes', () => {
    const unit = aUnitAssessment('8.6.1', { current: 2, target: 2, elements: { risk: { current: 1, target: 2 } } });
    const p = proposePlan('subsets', anAssessment([unit]), { scopeProcesses: ['8.6.1'] });
    expect(p.phases[0]?.boundary.elements).toEqual(['risk']);
  });

  it('schedules phases back to back when a start date is given', () => {
    const p = proposePlan('subsets', null, { start: '2025-01-06', phaseWeeks: 4 });
    expect(p.phases.map((ph) => [ph.start, ph.end])).toEqual([
      ['2025-01-06', '2025-02-02'],
      ['2025-02-03', '2025-03-02'],
      ['2025-03-03', '2025-03-30'],
    ]);
  });
});

describe('proposePlan — Approach 2 (levels)', () => {
  it('proposes Level I, II and III in order when nothing is assessed', () => {
    const p = proposePlan('levels');
    expect(p.phases.map((ph) => ph.targetLevel)).toEqual([1, 2, 3]);
    expect(p.phases.map((ph) => ph.id)).toEqual(['level-i', 'level-ii', 'level-iii']);
    expect(validatePlan(p).valid).toBe(true);
  });

  it('starts from the current level of the chosen scope and never skips a level', () => {
    const a = anAssessment([aUnitAssessment('8.6.1', { current: 1 }), aUnitAssessment('8.6.2', { current: 2 })]);
    const p = proposePlan('levels', a, { scopeProcesses: ['8.6.1', '8.6.2'] });
    expect(p.phases.map((ph) => ph.targetLevel)).toEqual([2, 3]);
    expect(p.phases[0]?.boundary.processes).toEqual(['8.6.1']);
    expect(p.phases[1]?.boundary.processes).toEqual(['8.6.1', '8.6.2']);
    const levels = p.phases.map((ph) => ph.targetLevel ?? 0);
    levels.forEach((l, i) => i > 0 && expect(l - (levels[i - 1] ?? 0)).toBe(1));
    expect(validatePlan(p, { assessment: a }).issues.filter((i) => i.rule === 'levels')).toEqual([]);
  });

  it('stops at the target level and lists processes already there as not planned', () => {
    const a = anAssessment([aUnitAssessment('8.6.1', { current: 0 }), aUnitAssessment('8.6.2', { current: 2 })]);
    const p = proposePlan('levels', a, { scopeProcesses: ['8.6.1', '8.6.2'], targetLevel: 2 });
    expect(p.phases.map((ph) => ph.targetLevel)).toEqual([1, 2]);
    expect(p.notPlanned.map((n) => n.processId)).toEqual(['8.6.2']);
  });
});

describe('proposePlan — combined', () => {
  it('runs the Approach 1 subsets inside each level', () => {
    const p = proposePlan('combined', null, { targetLevel: 2 });
    expect(p.phases.map((ph) => [ph.targetLevel, ph.name])).toEqual([
      [1, 'Level I: Resolution and fulfilment'],
      [1, 'Level I: Relationship and agreement'],
      [1, 'Level I: Service design, build and transition with supply and demand'],
      [2, 'Level II: Resolution and fulfilment'],
      [2, 'Level II: Relationship and agreement'],
      [2, 'Level II: Service design, build and transition with supply and demand'],
    ]);
    expect(new Set(p.phases.map((ph) => ph.id)).size).toBe(6);
    expect(validatePlan(p).issues.filter((i) => i.rule === 'levels' || i.rule === 'rule-1')).toEqual([]);
  });
});
