import {
  epicCompletion,
  evaluatePhase,
  evaluationCoverage,
  kpiRows,
  objectiveEvaluationSchema,
  phaseMaturity,
  phaseObjectives,
  proposeVerdict,
} from '../../../src/domain/evaluation';
import { aPhase } from '../../builders/plan.builder';
import { aKpi, anEvaluationRecord, anObjectiveEvaluation } from '../../builders/evaluation.builder';

const target = {
  objectives: [
    { id: 'fewer-outages', text: 'Fewer outages', csfs: [], kpiIds: [], phaseIds: ['phase-a'] },
    { id: 'elsewhere', text: 'Other phase', csfs: [], kpiIds: [], phaseIds: ['phase-b'] },
  ],
};

describe('objectives of a phase', () => {
  it("are the phase's own objectives, then the target-state objectives that name the phase", () => {
    const objectives = phaseObjectives(aPhase({ objectives: ['Put incident management in place.', ' '] }), target);
    expect(objectives).toEqual([
      { id: 'phase-a#1', text: 'Put incident management in place.', source: 'phase' },
      { id: 'fewer-outages', text: 'Fewer outages', source: 'target_state' },
    ]);
  });

  it('get a verdict proposed from their evidence', () => {
    expect(proposeVerdict([])).toBe('not_met');
    expect(proposeVerdict([{ issueKey: 'SMS-1', statusCategory: 'done' }])).toBe('met');
    expect(proposeVerdict([{ issueKey: 'SMS-1', statusCategory: 'done' }, { issueKey: 'SMS-2', statusCategory: 'new' }])).toBe('partly_met');
    expect(proposeVerdict([{ issueKey: 'SMS-2', statusCategory: 'new' }])).toBe('not_met');
  });
});

describe('an objective not fully met', () => {
  it('needs a cause and an agreed action (a Jira issue key)', () => {
    for (const verdict of ['not_met', 'partly_met'] as const) {
      const bare = objectiveEvaluationSchema.safeParse(anObjectiveEvaluation({ verdict }));
      expect(bare.success).toBe(false);
      expect(bare.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['actionIssueKey', 'cause']);
      expect(objectiveEvaluationSchema.safeParse(anObjectiveEvaluation({ verdict, cause: 'Tool arrived late', actionIssueKey: 'SMS-77' })).success).toBe(true);
    }
    expect(objectiveEvaluationSchema.safeParse(anObjectiveEvaluation({ verdict: 'not_met', cause: 'x', actionIssueKey: 'SMS 77' })).success).toBe(false);
    expect(objectiveEvaluationSchema.safeParse(anObjectiveEvaluation({ verdict: 'met' })).success).toBe(true);
  });
});

describe('KPIs, maturity and epics of a phase', () => {
  it('give each KPI from baseline to now with the JQL the service confined', () => {
    const rows = kpiRows([aKpi(), aKpi({ id: 'csat', name: 'Satisfaction', direction: 'higher', baseline: 70, target: 80, source: { kind: 'manual' }, measurements: [] })], (k) => `project = "SMS" AND (${k.source.kind === 'manual' ? '' : k.source.jql})`);
    expect(rows[0]).toMatchObject({ baseline: 10, now: 6, change: -4, improved: true, targetMet: false, jql: 'project = "SMS" AND (issuetype = Incident)' });
    expect(rows[1]).toMatchObject({ now: null, change: null, improved: null, jql: null });
  });

  it("set each process of the phase against the phase's target level (Level I for Approach 1)", () => {
    const rows = phaseMaturity(aPhase({ boundary: { processes: ['8.6.1', '8.6.2'], elements: [] }, targetLevel: 2 }), { '8.6.1': 2, '8.6.2': 1 }, { '8.6.1': 1 });
    expect(rows).toEqual([
      { processId: '8.6.1', title: 'Incident management', atStart: 1, current: 2, target: 2, reached: true },
      { processId: '8.6.2', title: 'Service request management', atStart: null, current: 1, target: 2, reached: false },
    ]);
    expect(phaseMaturity(aPhase({ targetLevel: null }), {})[0]).toMatchObject({ target: 1, current: 0, reached: false });
  });

  it('count the work items under the epics, with the JQL that finds them', () => {
    const c = epicCompletion('SMS', [{ epicKey: 'SMS-10', done: 3, inProgress: 1, toDo: 0 }, { epicKey: 'SMS-20', done: 1, inProgress: 0, toDo: 3 }]);
    expect(c.percent).toBe(50);
    expect(c.epics.map((e) => e.percent)).toEqual([75, 25]);
    expect(c.total).toEqual({ label: 'Work items under the phase epics', value: 8, jql: 'project = "SMS" AND parent in ("SMS-10", "SMS-20")', exact: true });
    expect(c.done.jql).toBe('project = "SMS" AND parent in ("SMS-10", "SMS-20") AND statusCategory = "Done"');
    expect(epicCompletion('SMS', [])).toMatchObject({ percent: 0, total: { value: 0, exact: false, jql: 'project = "SMS"' } });
  });
});

describe('evaluatePhase', () => {
  it('puts objectives, verdicts, unmet objectives with their action, and what is not yet judged together', () => {
    const record = anEvaluationRecord({
      objectives: [anObjectiveEvaluation({ objectiveId: 'fewer-outages', verdict: 'not_met', cause: 'Monitoring not in place', actionIssueKey: 'SMS-77' })],
    });
    const view = evaluatePhase({
      projectKey: 'SMS',
      phase: aPhase(),
      target,
      evidence: { 'phase-a#1': [{ issueKey: 'SMS-1', statusCategory: 'done' }] },
      record,
      kpis: [],
      maturity: [],
      epics: [],
    });
    expect(view.objectives.map((o) => [o.id, o.proposed, o.recorded?.verdict ?? null])).toEqual([
      ['phase-a#1', 'met', null],
      ['fewer-outages', 'not_met', 'not_met'],
    ]);
    expect(view.verdictCounts).toEqual({ met: 0, partly_met: 0, not_met: 1 });
    expect(view.unmet.map((o) => o.recorded?.actionIssueKey)).toEqual(['SMS-77']);
    expect(view.notYetJudged).toEqual(['phase-a#1']);
    expect(evaluationCoverage(view.objectives, { objectives: [...record.objectives, anObjectiveEvaluation({ objectiveId: 'gone' })] })).toEqual({ missing: ['phase-a#1'], unknown: ['gone'] });
  });
});
