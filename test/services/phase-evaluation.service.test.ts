import { createHttpProductApi } from '../../sandbox/http-product-api';
import { PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/epics/plan-item-property';
import { NotFoundError } from '../../src/domain/errors';
import { JiraClient } from '../../src/jira/jira-client';
import { PhaseEvaluationService } from '../../src/services/phase-evaluation.service';
import { AssessmentRepository } from '../../src/storage/assessment-repository';
import { EvaluationRepository } from '../../src/storage/evaluation-repository';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { InitiationRepository } from '../../src/storage/initiation-repository';
import { PlanRepository } from '../../src/storage/plan-repository';
import { SnapshotRepository } from '../../src/storage/snapshot-repository';
import { type Harness, startHarness } from '../sandbox/emulator-harness';
import { aKpi, anEvaluationRecord, anObjectiveEvaluation } from '../builders/evaluation.builder';
import { aPhase, aPlan } from '../builders/plan.builder';

jest.setTimeout(60_000);

const PROJECT = { id: '10000', key: 'SMS' };
const prop = (role: 'epic' | 'item', clauseId: string | null) => ({ planId: 'main', phaseId: 'phase-a', subsetId: '8.6', clauseId, role });

describe('PhaseEvaluationService against the sandbox', () => {
  let h: Harness;
  let jira: JiraClient;
  let service: PhaseEvaluationService;
  const store = new InMemoryKvStore();
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    const api = createHttpProductApi(h.url, () => undefined);
    jira = new JiraClient(api);
    const create = async (name: string, fields: Record<string, unknown>, role: 'epic' | 'item', clauseId: string | null) => {
      const created = await jira.createIssue({ fields: { project: { key: 'SMS' }, summary: name, ...fields }, properties: [{ key: PLAN_ITEM_PROPERTY_KEY, value: prop(role, clauseId) }] }, { as: 'app' });
      keys[name] = created.key;
    };
    await create('epic', { issuetype: { id: '10000' } }, 'epic', null);
    await create('item-1', { issuetype: { id: '10001' }, parent: { key: keys.epic } }, 'item', '8.6.1');
    await create('item-2', { issuetype: { id: '10001' }, parent: { key: keys.epic } }, 'item', '8.6.1');

    const now = () => new Date('2026-11-26T12:00:00.000Z');
    await new PlanRepository(store, now).save(PROJECT.id, aPlan({ phases: [aPhase({ objectives: ['Put incident management in place.'] })] }), 0, 'acc-1');
    await new InitiationRepository(store, now).update(PROJECT.id, 0, 'acc-1', (i) => ({
      ...i,
      kpis: [aKpi(), aKpi({ id: 'broken', source: { kind: 'jqlCount', jql: 'status = Done ORDER BY key' } })],
      targetState: { kind: 'multi-phase', description: '', objectives: [{ id: 'fewer-outages', text: 'Fewer outages', csfs: [], kpiIds: [], phaseIds: ['phase-a'] }] },
    }));
    await new EvaluationRepository(store, now).saveEvaluation(
      PROJECT.id,
      anEvaluationRecord({
        objectives: [
          anObjectiveEvaluation({ objectiveId: 'phase-a#1', verdict: 'met', evidenceKeys: ['SMS-1'] }),
          anObjectiveEvaluation({ objectiveId: 'fewer-outages', verdict: 'not_met', evidenceKeys: [], cause: 'Monitoring late', actionIssueKey: 'SMS-2' }),
        ],
      }),
      0,
      'acc-1',
    );
    service = new PhaseEvaluationService(
      {
        jira: new JiraClient(api),
        plans: new PlanRepository(store, now),
        initiationRecords: new InitiationRepository(store, now),
        assessments: new AssessmentRepository(store, now),
        snapshots: new SnapshotRepository(store, now),
        evaluations: new EvaluationRepository(store, now),
      },
      { as: 'app' },
    );
  });

  afterAll(async () => {
    await h.close();
  });

  it("assembles objectives with their evidence, KPIs with confined JQL, maturity and the phase's epics", async () => {
    const { view, recordVersion } = await service.view(PROJECT, 'phase-a');
    expect(recordVersion).toBe(1);
    expect(view.objectives.map((o) => [o.id, o.recorded?.verdict, o.evidence.map((e) => e.issueKey)])).toEqual([
      ['phase-a#1', 'met', ['SMS-1']],
      ['fewer-outages', 'not_met', []],
    ]);
    expect(view.unmet.map((o) => o.recorded?.actionIssueKey)).toEqual(['SMS-2']);
    expect(view.kpis.map((k) => k.jql)).toEqual(['project = "SMS" AND (issuetype = Incident)', null]);
    expect(view.maturity).toEqual([expect.objectContaining({ processId: '8.6.1', current: 0, target: 1, reached: false, atStart: null })]);
    expect(view.epics.epics).toEqual([{ epicKey: keys.epic, done: 0, inProgress: 0, toDo: 2, total: 2, percent: 0 }]);
    expect(view.epics.total.jql).toBe(`project = "SMS" AND parent in ("${keys.epic}")`);
  });

  it('answers NOT_FOUND for a phase the plan does not have', async () => {
    await expect(service.view(PROJECT, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });
});
