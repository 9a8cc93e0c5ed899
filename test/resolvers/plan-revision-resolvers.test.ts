import type { LessonsResponse, PhaseEvaluationResponse } from '../../src/contract/evaluation';
import type { PlanView, ProposePlanResponse } from '../../src/contract/plan';
import type { ResolverResult } from '../../src/contract/result';
import type { ProductApi, ProductRequester } from '../../src/platform/product-api';
import { createApp } from '../../src/wiring';
import { response } from '../jira/fake-product-api';
import { ADMIN, FakePermissionGateway, MEMBER, RecordingStore, forgeContext, noQueue, recordingLogger, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-03-01T09:30:00.000Z');

/** The user directory, and a Jira search that finds nothing (the phase has no epics yet). */
function api(): ProductApi {
  const directory = userDirectoryApi(undefined, [], []);
  const withSearch = (inner: ProductRequester): ProductRequester => ({
    ...inner,
    requestJira: async (path, init) =>
      path.value.startsWith('/rest/api/3/search/jql') ? response({ status: 200, body: { issues: [], isLast: true } }) : inner.requestJira(path, init),
  });
  return { asUser: () => withSearch(directory.asUser()), asApp: () => withSearch(directory.asApp()) };
}

function setup() {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway();
  const app = createApp({ api: api(), store, queue: noQueue, log: recordingLogger().log, permissions: gateway, now: () => NOW });
  return async function invoke<T>(functionKey: string, payload: unknown, accountId: string = ADMIN) {
    gateway.currentAccountId = accountId;
    return (await app.resolverHandler({ call: { functionKey, payload }, context: forgeContext() }, { principal: { accountId } })) as ResolverResult<T>;
  };
}

function data<T>(r: ResolverResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

describe('plan revisions after an evaluation, and lessons offered to the other phases (resolvers)', () => {
  it('asks a reason to change an evaluated phase, keeps it in the plan history, and offers a lesson to the other phases', async () => {
    const invoke = setup();
    const { plan } = data(await invoke<ProposePlanResponse>('proposePlan', { approach: 'subsets' }));
    const saved = data(await invoke<PlanView>('savePlan', { plan, version: 0 }));
    const [first, second] = plan.phases;
    if (first === undefined || second === undefined) throw new Error('the proposal has fewer than two phases');

    // Phase 1 evaluated: all its objectives met (no Jira call needed).
    const evaluation = data(await invoke<PhaseEvaluationResponse>('getPhaseEvaluation', {}, MEMBER));
    expect(evaluation.phaseId).toBe(first.id);
    const objectives = (evaluation.evaluation?.objectives ?? []).map((o) => ({ objectiveId: o.id, verdict: 'met', evidenceKeys: [], cause: '', note: '' }));
    expect(objectives.length).toBeGreaterThan(0);
    data(await invoke<PhaseEvaluationResponse>('savePhaseEvaluation', { phaseId: first.id, kind: 'final', objectives, version: 0 }));
    expect(await invoke('savePhaseEvaluation', { phaseId: first.id, kind: 'final', objectives, version: 1 }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const lessons = data(await invoke<LessonsResponse>('recordLesson', { phaseId: first.id, observation: 'Owners came late.', recommendation: 'Name owners first.', processes: [], version: 0 }));
    expect(lessons.lessons.map((l) => l.id)).toEqual(['lesson-1']);

    const revised = { ...plan, phases: [{ ...first, name: `${first.name} (revised)` }, ...plan.phases.slice(1)] };
    expect(await invoke('savePlan', { plan: revised, version: saved.version })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('was evaluated') } });
    const after = data(await invoke<PlanView>('savePlan', { plan: revised, version: saved.version, reason: 'Renamed after the evaluation.' }));
    expect(after.evaluation.history).toEqual([expect.objectContaining({ version: 2, reason: 'Renamed after the evaluation.', fromEvaluationOf: first.id, changed: [first.id], by: ADMIN })]);
    expect(after.people[ADMIN]).toBe('Pat Project-Admin');

    // A change to a phase not evaluated needs no reason.
    const other = { ...revised, phases: revised.phases.map((p) => (p.id === second.id ? { ...p, name: `${p.name} 2` } : p)) };
    expect(data(await invoke<PlanView>('savePlan', { plan: other, version: after.version })).evaluation.history).toHaveLength(1);

    const read = data(await invoke<PlanView>('getPlan', {}, MEMBER));
    expect(read.evaluation.evaluatedPhaseIds).toEqual([first.id]);
    expect(read.evaluation.lessonsOffered[second.id]?.map((o) => o.lesson.observation)).toEqual(['Owners came late.']);
    expect(read.evaluation.lessonsOffered[first.id]).toEqual([]);
  });
});
