import {
  buildDesiredState,
  epicCreateCallBreakdown,
  epicCreateLowerBound,
  epicSyncLowerBound,
  reconcileEpics,
} from '../../../src/domain/epics';
import { FakePlanJira, changedPlan, defaultEpicPlanInput } from '../../builders/epic-sync.builder';

describe('epicCreateLowerBound', () => {
  it('is search + issue types + two createmeta + ceil(13/50) + ceil(53/50) = 7 for the default plan', () => {
    const desired = buildDesiredState(defaultEpicPlanInput());
    expect(epicCreateCallBreakdown(desired)).toEqual({
      search: 1,
      issueTypeLookup: 1,
      createMeta: 2,
      createEpics: 1,
      createItems: 2,
      edits: 0,
      total: 7,
    });
    expect(epicCreateLowerBound(desired)).toBe(7);
  });

  it('needs one createmeta fewer when items are off, and only the search for an empty plan', () => {
    expect(epicCreateLowerBound(buildDesiredState(defaultEpicPlanInput({ includeItems: false })))).toBe(1 + 1 + 1 + 1);
    expect(epicCreateLowerBound(buildDesiredState({ planId: 'empty', phases: [] }))).toBe(1);
  });

  it('grows by one bulk call per 50 issues', () => {
    const phases = Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, objectives: [], processes: ['8.6.1', '8.5.1'] }));
    const desired = buildDesiredState({ planId: 'big', phases });
    expect(desired.epics).toHaveLength(60);
    expect(desired.items).toHaveLength(120);
    expect(epicCreateCallBreakdown(desired)).toMatchObject({ createEpics: 2, createItems: 3, total: 1 + 1 + 2 + 2 + 3 });
  });
});

describe('epicSyncLowerBound', () => {
  it('is one search and nothing else when the plan is unchanged', () => {
    const input = defaultEpicPlanInput();
    const jira = new FakePlanJira();
    jira.apply(reconcileEpics(buildDesiredState(input), []));
    const actions = reconcileEpics(buildDesiredState(input), jira.snapshot());
    expect(epicSyncLowerBound(actions, jira.issues.length).total).toBe(1);
  });

  it('counts one edit per retitled or moved issue and skips lookups when nothing is created', () => {
    const input = defaultEpicPlanInput();
    const jira = new FakePlanJira();
    jira.apply(reconcileEpics(buildDesiredState(input), []));
    const renamed = changedPlan(input, (d) => {
      if (d.phases[2]) d.phases[2].name = 'Build and change';
    });
    const actions = reconcileEpics(buildDesiredState(renamed), jira.snapshot());
    // The renamed phase's epics and work items all carry its name: one edit each, no lookups.
    const edits = new Set([...actions.retitle.map((r) => r.key), ...actions.reparent.map((r) => r.key)]).size;
    expect(actions.retitle.some((r) => r.role === 'item')).toBe(true);
    expect(epicSyncLowerBound(actions, jira.issues.length)).toMatchObject({ search: 1, issueTypeLookup: 0, createMeta: 0, edits, total: edits + 1 });
  });
});
