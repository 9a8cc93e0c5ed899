import type { PlanItemProperty } from '../../../src/domain/epics/plan-item-property';
import { epicCoverage, phaseProgress, type PlanWorkIssue } from '../../../src/domain/gap/plan-progress';
import { aPhase, aPlan } from '../../builders/plan.builder';

const item = (key: string, phaseId: string, clauseId: string, statusCategory: PlanWorkIssue['statusCategory']): PlanWorkIssue => ({
  key,
  statusCategory,
  planItem: { planId: 'main', phaseId, subsetId: clauseId.split('.').slice(0, 2).join('.') as PlanItemProperty['subsetId'], clauseId, role: 'item' },
});
const epic = (key: string, phaseId: string, subsetId: PlanItemProperty['subsetId']): PlanWorkIssue => ({
  key,
  statusCategory: 'new',
  planItem: { planId: 'main', phaseId, subsetId, clauseId: null, role: 'epic' },
});

describe('the plan progress the gap report shows', () => {
  const plan = aPlan({
    scopeProcesses: ['8.6.1', '8.6.2', '8.2.1'],
    phases: [aPhase({ id: 'p1', name: 'Incidents', boundary: { processes: ['8.6.1', '8.6.2'], elements: ['process'] } }), aPhase({ id: 'p2', name: 'Later', boundary: { processes: ['8.2.1'], elements: ['process'] } })],
  });

  it('counts the work items of each phase by status, in plan order, with the phase epic', () => {
    const issues = [epic('SMS-1', 'p1', '8.6'), item('SMS-2', 'p1', '8.6.1', 'done'), item('SMS-3', 'p1', '8.6.2', 'indeterminate'), item('SMS-4', 'p2', '8.2.1', 'new')];
    expect(phaseProgress(plan, issues)).toEqual([
      { name: 'Incidents', epicKey: 'SMS-1', done: 1, inProgress: 1, toDo: 0 },
      { name: 'Later', done: 0, inProgress: 0, toDo: 1 },
    ]);
  });

  it('lists a phase the plan no longer has after the planned ones, by its id', () => {
    expect(phaseProgress(plan, [item('SMS-9', 'gone', '8.6.1', 'done')]).map((p) => p.name)).toEqual(['Incidents', 'Later', 'gone']);
  });

  it('covers the processes of a phase epic and of each work item, among the in-scope ones', () => {
    const coverage = epicCoverage(plan, [epic('SMS-1', 'p1', '8.6')]);
    expect(coverage).toEqual({ inScope: ['8.6.1', '8.6.2', '8.2.1'], withEpic: ['8.6.1', '8.6.2'] });
    expect(epicCoverage(plan, [item('SMS-4', 'p2', '8.2.1', 'new')])?.withEpic).toEqual(['8.2.1']);
  });

  it('says nothing without a plan or with an empty scope', () => {
    expect(epicCoverage(undefined, [])).toBeUndefined();
    expect(epicCoverage(aPlan({ scopeProcesses: [] }), [])).toBeUndefined();
    expect(phaseProgress(undefined, [])).toEqual([]);
  });
});
