import {
  PLAN_CHECKLIST,
  type TargetState,
  checkPhasesServeObjectives,
  planChecklistProgress,
  targetStateSchema,
} from '../../../src/domain/initiation';

const target = (objectives: TargetState['objectives']): TargetState => ({ kind: 'multi-phase', description: '', objectives });
const plan = { phases: [{ id: 'phase-1', name: 'Incidents' }, { id: 'phase-2', name: 'Changes' }] };

describe('checkPhasesServeObjectives', () => {
  it('passes when every phase serves an objective and every objective has a phase', () => {
    const r = checkPhasesServeObjectives(
      plan,
      target([
        { id: 'faster', text: 'Restore faster', csfs: ['On-call rota'], kpiIds: ['mttr'], phaseIds: ['phase-1'] },
        { id: 'safer', text: 'Fewer failed changes', csfs: [], kpiIds: [], phaseIds: ['phase-2'] },
      ]),
      ['mttr'],
    );
    expect(r.ok).toBe(true);
    expect(r.phases).toEqual([
      { phaseId: 'phase-1', phaseName: 'Incidents', objectiveIds: ['faster'], serves: true },
      { phaseId: 'phase-2', phaseName: 'Changes', objectiveIds: ['safer'], serves: true },
    ]);
  });

  it('reports a phase serving nothing, an objective without phase, unknown phases and unknown KPIs', () => {
    const r = checkPhasesServeObjectives(
      plan,
      target([
        { id: 'faster', text: 'Restore faster', csfs: [], kpiIds: ['gone'], phaseIds: ['phase-1', 'phase-9'] },
        { id: 'orphan', text: 'Nobody works on this', csfs: [], kpiIds: [], phaseIds: [] },
      ]),
      ['mttr'],
    );
    expect(r.ok).toBe(false);
    expect(r.phases.find((p) => p.phaseId === 'phase-2')?.serves).toBe(false);
    expect(r.objectivesWithoutPhase).toEqual(['orphan']);
    expect(r.unknownPhaseRefs).toEqual([{ objectiveId: 'faster', phaseId: 'phase-9' }]);
    expect(r.unknownKpiRefs).toEqual([{ objectiveId: 'faster', kpiId: 'gone' }]);
  });

  it('is not ok without a plan', () => {
    expect(checkPhasesServeObjectives(null, target([])).ok).toBe(false);
  });
});

describe('target state schema', () => {
  it('refuses two objectives with one id', () => {
    const o = { id: 'a', text: 'x', csfs: [], kpiIds: [], phaseIds: [] };
    expect(targetStateSchema.safeParse(target([o, o])).success).toBe(false);
  });
});

describe('plan checklist', () => {
  it('has items a to i of 5.4, each linking to at least one tab', () => {
    expect(PLAN_CHECKLIST.map((i) => i.letter).join('')).toBe('abcdefghi');
    for (const item of PLAN_CHECKLIST) expect(item.links.length).toBeGreaterThan(0);
  });

  it('counts ticked items', () => {
    expect(planChecklistProgress({ approach: { done: true, note: '' }, budget: { done: false, note: 'later' } })).toEqual({ done: 1, total: 9 });
  });
});
