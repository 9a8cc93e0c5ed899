import { createHttpProductApi } from '../../sandbox/http-product-api';
import { readTrafficLog } from '../../sandbox/emulator';
import { formatViolations, validateTraffic } from '../../sandbox/contract/openapi-validator';
import { PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/epics/plan-item-property';
import { JiraClient } from '../../src/jira/jira-client';
import { PhaseEvaluationService } from '../../src/services/phase-evaluation.service';
import { AssessmentRepository } from '../../src/storage/assessment-repository';
import { EvaluationRepository } from '../../src/storage/evaluation-repository';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { InitiationRepository } from '../../src/storage/initiation-repository';
import { PlanRepository } from '../../src/storage/plan-repository';
import { SnapshotRepository } from '../../src/storage/snapshot-repository';
import { useTrafficHarness } from './traffic-harness';
import { aPhase, aPlan } from '../builders/plan.builder';

/**
 * The phase evaluation's product calls against the official OpenAPI specs: the phase's plan items and the app's
 * action issues searched with their properties, the issue types, the action created with its description (ADF),
 * label and property in one body, its links read and made. Every request, and every 2xx response, must be valid.
 */
jest.setTimeout(120_000);

const traffic = useTrafficHarness();

it('sends only requests the specs allow and gets only responses they describe', async () => {
  const api = createHttpProductApi(traffic.harness().url, () => undefined);
  const jira = new JiraClient(api);
  await jira.createIssue(
    { fields: { project: { key: 'SMS' }, summary: 'Phase A epic', issuetype: { id: '10000' } }, properties: [{ key: PLAN_ITEM_PROPERTY_KEY, value: { planId: 'main', phaseId: 'phase-a', subsetId: '8.6', clauseId: null, role: 'epic' } }] },
    { as: 'app' },
  );
  const store = new InMemoryKvStore();
  const now = () => new Date('2026-11-26T12:00:00.000Z');
  await new PlanRepository(store, now).save('10000', aPlan({ phases: [aPhase({ objectives: ['One', 'Two'] })] }), 0, 'acc-1');
  const service = new PhaseEvaluationService(
    { jira, plans: new PlanRepository(store, now), initiationRecords: new InitiationRepository(store, now), assessments: new AssessmentRepository(store, now), snapshots: new SnapshotRepository(store, now), evaluations: new EvaluationRepository(store, now), now },
    { as: 'app' },
  );
  const done = await service.recordAction({ id: '10000', key: 'SMS' }, 'acc-1', { phaseId: 'phase-a', objectiveId: 'phase-a#2', evidenceKeys: ['SMS-1'], agreed: { verdict: 'not_met', cause: 'c', action: 'a' }, version: 0 });
  expect(done.action.created).toBe(true);
  expect(done.action.linkProblems).toEqual([]);

  const entries = readTrafficLog(traffic.trafficFile());
  const report = await validateTraffic(entries);
  expect(formatViolations(report.invalid)).toBe('');
  const ops = entries.map((e) => `${e.method} ${e.path.split('?')[0]?.replace(/[A-Z]+-\d+/g, '{key}')}`);
  expect(ops).toEqual(expect.arrayContaining(['POST /rest/api/3/search/jql', 'POST /rest/api/3/issue', 'GET /rest/api/3/issue/{key}', 'POST /rest/api/3/issueLink']));
});
