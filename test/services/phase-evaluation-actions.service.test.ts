import { createHttpProductApi } from '../../sandbox/http-product-api';
import { EVALUATION_ACTION_LABEL } from '../../src/domain/evaluation';
import { PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/epics/plan-item-property';
import { ValidationError } from '../../src/domain/errors';
import { EVALUATION_ACTION_PROPERTY_KEY, evaluationActionsJql } from '../../src/domain/issue-index';
import { JiraClient } from '../../src/jira/jira-client';
import { PhaseEvaluationService } from '../../src/services/phase-evaluation.service';
import { AssessmentRepository } from '../../src/storage/assessment-repository';
import { EvaluationRepository } from '../../src/storage/evaluation-repository';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { InitiationRepository } from '../../src/storage/initiation-repository';
import { PlanRepository } from '../../src/storage/plan-repository';
import { SnapshotRepository } from '../../src/storage/snapshot-repository';
import { type Harness, startHarness } from '../sandbox/emulator-harness';
import { aKpi } from '../builders/evaluation.builder';
import { aPhase, aPlan } from '../builders/plan.builder';

jest.setTimeout(60_000);

const PROJECT = { id: '10000', key: 'SMS' };
const ADMIN = '557058:sandbox-project-admin';
const now = () => new Date('2026-11-26T12:00:00.000Z');
const plan = aPlan({
  phases: [aPhase({ objectives: ['Put incident management in place.', 'Review every major incident.'] }), aPhase({ id: 'phase-b', name: 'Phase B', boundary: { processes: ['8.6.1', '8.6.3'], elements: ['process'] } })],
});
const agreed = { verdict: 'not_met' as const, cause: 'No review owner.', action: 'Name a review owner per service.' };

describe('PhaseEvaluationService: verdicts, agreed actions in Jira, lessons and plan revisions (against the sandbox)', () => {
  let h: Harness;
  let jira: JiraClient;
  let epicKey: string;
  const services = (store: InMemoryKvStore, kpi?: ConstructorParameters<typeof PhaseEvaluationService>[0]['kpi']) =>
    new PhaseEvaluationService(
      {
        jira,
        plans: new PlanRepository(store, now),
        initiationRecords: new InitiationRepository(store, now),
        assessments: new AssessmentRepository(store, now),
        snapshots: new SnapshotRepository(store, now),
        evaluations: new EvaluationRepository(store, now),
        now,
        ...(kpi ? { kpi } : {}),
      },
      { as: 'app' },
    );
  const seeded = async (): Promise<InMemoryKvStore> => {
    const store = new InMemoryKvStore();
    await new PlanRepository(store, now).save(PROJECT.id, plan, 0, ADMIN);
    return store;
  };
  const actionsInJira = async () => (await jira.searchJql(evaluationActionsJql('SMS', EVALUATION_ACTION_LABEL), { as: 'app', fields: ['issuelinks'], properties: [EVALUATION_ACTION_PROPERTY_KEY] })).issues;

  beforeAll(async () => {
    h = await startHarness();
    jira = new JiraClient(createHttpProductApi(h.url, () => undefined));
    epicKey = (
      await jira.createIssue(
        { fields: { project: { key: 'SMS' }, summary: 'Phase A epic', issuetype: { id: '10000' } }, properties: [{ key: PLAN_ITEM_PROPERTY_KEY, value: { planId: 'main', phaseId: 'phase-a', subsetId: '8.6', clauseId: null, role: 'epic' } }] },
        { as: 'app' },
      )
    ).key;
  });

  afterAll(async () => {
    await h.close();
  });

  it('creates the agreed action once: labelled, carrying the objective, linked to the evidence and the epic; a re-run and a lost key find it', async () => {
    const store = await seeded();
    const service = services(store);
    const request = { phaseId: 'phase-a', objectiveId: 'phase-a#2', evidenceKeys: ['SMS-1'], agreed };

    const preview = await service.previewAction(PROJECT, request);
    expect(preview.existingKey).toBeNull();
    expect(preview.draft.linkTo).toEqual(['SMS-1', epicKey]);
    expect(preview.issueTypeName).toBe('Task');

    const first = await service.recordAction(PROJECT, ADMIN, { ...request, version: 0 });
    expect(first.action).toMatchObject({ created: true, linked: ['SMS-1', epicKey], linkProblems: [] });
    expect(first.recordVersion).toBe(1);
    const objective = first.view.objectives.find((o) => o.id === 'phase-a#2');
    expect(objective?.recorded).toMatchObject({ verdict: 'not_met', cause: 'No review owner.', actionIssueKey: first.action.key });

    const again = await service.recordAction(PROJECT, ADMIN, { ...request, version: 1 });
    expect(again.action).toEqual({ key: first.action.key, created: false, linked: [], linkProblems: [] });

    // The store lost the key (a crash between the create and the save): the label search finds the issue made.
    const lost = services(await seeded());
    expect((await lost.previewAction(PROJECT, request)).existingKey).toBe(first.action.key);
    expect((await lost.recordAction(PROJECT, ADMIN, { ...request, version: 0 })).action.created).toBe(false);

    const inJira = await actionsInJira();
    expect(inJira.map((i) => i.key)).toEqual([first.action.key]);
    expect(inJira[0]?.properties[EVALUATION_ACTION_PROPERTY_KEY]).toEqual({ phaseId: 'phase-a', objectiveId: 'phase-a#2' });
    expect((inJira[0]?.fields.issuelinks as unknown[]).length).toBe(2);
  });

  it('saves verdicts, keeping the stored action; refuses an objective not fully met without cause and action, and one the phase lacks', async () => {
    const store = await seeded();
    const service = services(store);
    const done = await service.recordAction(PROJECT, ADMIN, { phaseId: 'phase-a', objectiveId: 'phase-a#2', evidenceKeys: [], agreed, version: 0 });
    const verdicts = [
      { objectiveId: 'phase-a#1', verdict: 'met' as const, evidenceKeys: ['SMS-1'], cause: '', note: '' },
      { objectiveId: 'phase-a#2', verdict: 'not_met' as const, evidenceKeys: [], cause: 'No review owner.', note: '' },
    ];
    const saved = await service.saveVerdicts(PROJECT, ADMIN, { phaseId: 'phase-a', kind: 'final', objectives: verdicts, version: 1 });
    expect(saved.view.verdictCounts).toEqual({ met: 1, partly_met: 0, not_met: 1 });
    expect(saved.view.unmet.map((o) => o.recorded?.actionIssueKey)).toEqual([done.action.key]);
    expect(saved.record?.kind).toBe('final');

    const fresh = services(await seeded());
    await expect(fresh.saveVerdicts(PROJECT, ADMIN, { phaseId: 'phase-a', kind: 'interim', objectives: verdicts, version: 0 })).rejects.toThrow(/cause and the agreed action.*Review every major incident/);
    await expect(fresh.saveVerdicts(PROJECT, ADMIN, { phaseId: 'phase-a', kind: 'interim', objectives: [{ ...verdicts[0]!, objectiveId: 'phase-z#1' }], version: 0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('computes each JQL KPI now through the KPI service; a failing query keeps the recorded value and says why', async () => {
    const store = await seeded();
    await new InitiationRepository(store, now).update(PROJECT.id, 0, ADMIN, (i) => ({
      ...i,
      kpis: [aKpi({ id: 'open', source: { kind: 'jqlCount', jql: 'status = Open' } }), aKpi({ id: 'bad', source: { kind: 'jqlCount', jql: 'nonsense (' } }), aKpi({ id: 'hand', source: { kind: 'manual' } })],
    }));
    const compute = jest.fn(async (_key: string, source: { jql: string }) => {
      if (source.jql.includes('(')) throw new ValidationError('The query is not one expression.');
      return { value: 3, issueCount: 3, sampleSize: 3, jql: source.jql, pages: 1 };
    });
    const { view, kpiNow } = await services(store, { compute }).view(PROJECT, 'phase-a');
    expect(view.kpis.map((k) => [k.kpiId, k.baseline, k.now])).toEqual([
      ['open', 10, 3],
      ['bad', 10, 6],
      ['hand', 10, 6],
    ]);
    expect(kpiNow).toEqual([
      { kpiId: 'open', computed: true, error: null },
      { kpiId: 'bad', computed: false, error: 'The query is not one expression.' },
      { kpiId: 'hand', computed: false, error: null },
    ]);
  });

  it('keeps lessons, offers them to the other phases until taken up, and asks a reason to revise an evaluated phase', async () => {
    const store = await seeded();
    const service = services(store);
    const added = await service.recordLesson(PROJECT.id, ADMIN, { phaseId: 'phase-a', observation: 'Reviews slipped.', recommendation: 'Name owners first.', processes: ['8.6.1'], version: 0 });
    expect(added.register.map((l) => l.id)).toEqual(['lesson-1']);
    let context = await service.planContext(PROJECT.id, plan.phases);
    expect(context.lessonsOffered['phase-b']?.map((o) => [o.lesson.id, o.sharedProcesses])).toEqual([['lesson-1', ['8.6.1']]]);
    expect(context.lessonsOffered['phase-a']).toEqual([]);
    await service.takeUpLesson(PROJECT.id, ADMIN, { lessonId: 'lesson-1', phaseId: 'phase-b', version: added.version });
    context = await service.planContext(PROJECT.id, plan.phases);
    expect(context.lessonsOffered['phase-b']).toEqual([]);

    await service.recordAction(PROJECT, ADMIN, { phaseId: 'phase-a', objectiveId: 'phase-a#2', evidenceKeys: [], agreed, version: 0 });
    const revised = { ...plan, phases: [{ ...plan.phases[0]!, objectives: ['Put incident management in place.'] }, plan.phases[1]!] };
    await expect(service.assertRevisionReason(PROJECT.id, plan, revised, ' ')).rejects.toThrow(/phase-a was evaluated/);
    // An unevaluated phase changes freely.
    expect(await service.assertRevisionReason(PROJECT.id, plan, { ...plan, phases: [plan.phases[0]!, { ...plan.phases[1]!, name: 'B2' }] }, '')).toEqual([]);
    const touched = await service.assertRevisionReason(PROJECT.id, plan, revised, 'The review objective moves to phase B.');
    await service.recordPlanRevision(PROJECT.id, { before: plan, after: revised, version: 2, by: ADMIN, reason: 'The review objective moves to phase B.', evaluatedChanged: touched });
    context = await service.planContext(PROJECT.id, revised.phases);
    expect(context.evaluatedPhaseIds).toEqual(['phase-a']);
    expect(context.history).toEqual([expect.objectContaining({ version: 2, reason: 'The review objective moves to phase B.', fromEvaluationOf: 'phase-a', changed: ['phase-a'] })]);
  });
});
