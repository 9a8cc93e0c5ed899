import type { ResolverResult } from '../../src/contract/result';
import type { JobStatusView, StartEpicSyncResponse } from '../../src/contract/jobs';
import { epicPlanInputFromPlan } from '../../src/domain/epics';
import type { Plan } from '../../src/domain/planning';
import { proposePlan } from '../../src/domain/planning/propose-plan';
import type { JobEvent } from '../../src/platform/job-queue';
import { JobRepository } from '../../src/storage/job-repository';
import { PlanRepository } from '../../src/storage/plan-repository';
import { projectSettingsKey } from '../../src/storage/keys';
import { createApp } from '../../src/wiring';
import { ADMIN, FakePermissionGateway, MEMBER, PROJECT, RecordingStore, forgeContext, recordingLogger, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-03-01T09:30:00.000Z');
const WRITER_NO_CREATE = '557058:writer-without-create';

function setup() {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway({
    [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES'],
    [MEMBER]: ['BROWSE_PROJECTS', 'CREATE_ISSUES'],
    [WRITER_NO_CREATE]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'],
  });
  const pushed: JobEvent[] = [];
  let now = NOW;
  const app = createApp({
    api: userDirectoryApi(),
    store,
    queue: { push: async (events) => (pushed.push(...events), 'forge-job') },
    log: recordingLogger().log,
    permissions: gateway,
    now: () => now,
  });
  async function invoke<T>(functionKey: string, payload: unknown, accountId: string) {
    gateway.currentAccountId = accountId;
    return (await app.resolverHandler({ call: { functionKey, payload }, context: forgeContext() }, { principal: { accountId } })) as ResolverResult<T>;
  }
  const plans = new PlanRepository(store, () => now);
  /** Saves `plan` as the project's next plan version (as the Phases tab does). */
  async function savePlan(plan: Plan = PLAN): Promise<number> {
    const current = await plans.get(PROJECT.id);
    return (await plans.save(PROJECT.id, plan, current?.version ?? 0, ADMIN)).version;
  }
  return { store, pushed, invoke, savePlan, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const PLAN = proposePlan('subsets');
const payload = {};

/** A ready setup with the default Approach 1 plan saved (version 1). */
async function withSavedPlan() {
  const t = setup();
  await t.savePlan();
  return t;
}

describe('startEpicSync', () => {
  it('refuses to start with CONFIG_MISSING when the epic type of the settings is not at hierarchy level 1, queueing nothing', async () => {
    const { store, pushed, invoke } = await withSavedPlan();
    // Saved directly: an older version of the app let a standard type through the settings check.
    await store.inner.set(projectSettingsKey(PROJECT.id), { schemaVersion: 1, projectId: PROJECT.id, confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: '10001', editorRoleId: null, version: 1, updatedAt: NOW.toISOString(), updatedBy: ADMIN });
    store.writes.length = 0;
    const res = await invoke('startEpicSync', payload, ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFIG_MISSING', message: expect.stringContaining('hierarchy level 0'), details: { setting: 'epicIssueTypeId' } } });
    expect(pushed).toEqual([]);
    expect(store.writes).toEqual([]);
  });

  it('queues one event naming the job, the user and the project, and stores the SAVED plan on the job', async () => {
    const { store, pushed, invoke } = await withSavedPlan();
    const res = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.alreadyRunning).toBe(false);
    expect(pushed).toEqual([{ body: { type: 'epic-sync', jobId: res.data.jobId } }]);
    const job = await new JobRepository(store).get(res.data.jobId);
    expect(job).toMatchObject({ status: 'queued', type: 'epic-sync', scope: PROJECT.id, accountId: ADMIN });
    expect(job?.input).toEqual({ projectId: PROJECT.id, request: epicPlanInputFromPlan('main', PLAN, true), close: [] });
  });

  it('ignores phases sent by the browser: the job follows the saved plan', async () => {
    const { store, invoke } = await withSavedPlan();
    const forged = { phases: [{ id: 'forged', name: 'Not the saved plan', objectives: [], processes: ['8.1'] }], planId: 'other' };
    const res = await invoke<StartEpicSyncResponse>('startEpicSync', forged, ADMIN);
    if (!res.ok) throw new Error(res.error.message);
    const job = await new JobRepository(store).get(res.data.jobId);
    expect(job?.input).toEqual({ projectId: PROJECT.id, request: epicPlanInputFromPlan('main', PLAN, true), close: [] });
  });

  it('refuses to start while the saved plan has errors (an error blocks Create), queueing nothing', async () => {
    const { pushed, invoke, savePlan } = setup();
    const first = PLAN.phases[0];
    if (first === undefined) throw new Error('the proposal has phases');
    await savePlan({ ...PLAN, phases: [{ ...first, objectives: [] }, ...PLAN.phases.slice(1)] });
    const res = await invoke('startEpicSync', {}, ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!res.ok && res.error.message).toContain('no objectives');
    expect(pushed).toEqual([]);
  });

  it('passes the issues to close on to the job', async () => {
    const { store, invoke } = await withSavedPlan();
    const res = await invoke<StartEpicSyncResponse>('startEpicSync', { close: ['SMS-12', 'SMS-13'] }, ADMIN);
    if (!res.ok) throw new Error(res.error.message);
    expect((await new JobRepository(store).get(res.data.jobId))?.input).toMatchObject({ close: ['SMS-12', 'SMS-13'] });
    expect(await invoke('startEpicSync', { close: ['not a key'] }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('passes includeItems on to the job', async () => {
    const { store, invoke } = await withSavedPlan();
    const res = await invoke<StartEpicSyncResponse>('startEpicSync', { includeItems: false }, ADMIN);
    if (!res.ok) throw new Error(res.error.message);
    expect((await new JobRepository(store).get(res.data.jobId))?.input).toMatchObject({ request: { includeItems: false } });
  });

  it('refuses with CONFIG_MISSING, queueing nothing, when no plan is saved', async () => {
    const { pushed, invoke } = setup();
    const res = await invoke('startEpicSync', payload, ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFIG_MISSING', message: expect.stringContaining('Save a plan on the Phases tab first') } });
    expect(pushed).toEqual([]);
  });

  it('refuses a stale expectedPlanVersion with CONFLICT naming who saved the plan; the current version starts', async () => {
    const { pushed, invoke, savePlan } = await withSavedPlan();
    const v2 = await savePlan({ ...PLAN, phases: PLAN.phases.map((p, i) => (i === 0 ? { ...p, name: 'Renamed' } : p)) });
    const stale = await invoke('startEpicSync', { expectedPlanVersion: 1 }, ADMIN);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/plan changed.*Reload/), details: { expectedVersion: 1, currentVersion: v2, updatedBy: ADMIN } },
    });
    expect(pushed).toEqual([]);
    expect(await invoke('startEpicSync', { expectedPlanVersion: v2 }, ADMIN)).toMatchObject({ ok: true });
    expect(pushed).toHaveLength(1);
  });

  it('refuses a user who may change the plan but may not create issues in the project', async () => {
    const { pushed, invoke } = await withSavedPlan();
    const res = await invoke('startEpicSync', payload, WRITER_NO_CREATE);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needed: 'CREATE_ISSUES' } } });
    expect(pushed).toEqual([]);
  });

  it('refuses a member without write access even though they may create issues', async () => {
    const { invoke } = await withSavedPlan();
    expect(await invoke('startEpicSync', payload, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('returns the running job instead of queueing a second one; past its lease it is interrupted, and abandoning it frees the project', async () => {
    const { pushed, invoke, later } = await withSavedPlan();
    const [first, second] = await Promise.all([
      invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN),
      invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN),
    ]);
    if (!first.ok || !second.ok) throw new Error('start failed');
    expect(new Set([first.data.jobId, second.data.jobId]).size).toBe(1);
    expect([first.data.alreadyRunning, second.data.alreadyRunning].sort()).toEqual([false, true]);
    expect(pushed).toHaveLength(1);
    later(16 * 60 * 1000);
    const third = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    expect(third.ok && third.data).toEqual({ jobId: first.data.jobId, alreadyRunning: true });
    const status = await invoke<{ status: string }>('getJobStatus', { jobId: first.data.jobId }, ADMIN);
    expect(status.ok && status.data.status).toBe('interrupted');
    expect(await invoke('abandonJob', { jobId: first.data.jobId }, ADMIN)).toMatchObject({ ok: true, data: { status: 'abandoned' } });
    const fourth = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    expect(fourth.ok && fourth.data.alreadyRunning).toBe(false);
    expect(pushed).toHaveLength(2);
  });

  it('rejects a saved plan that cannot become epics (a phase id used twice) before queueing', async () => {
    const { pushed, invoke, savePlan } = setup();
    const [first] = PLAN.phases;
    if (first === undefined) throw new Error('the proposal has no phases');
    await savePlan({ ...PLAN, phases: [first, { ...first, name: 'Copy' }] });
    expect(await invoke('startEpicSync', payload, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(pushed).toEqual([]);
  });

  it('rejects a malformed payload', async () => {
    const { invoke } = await withSavedPlan();
    expect(await invoke('startEpicSync', { includeItems: 'yes' }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await invoke('startEpicSync', { expectedPlanVersion: 0 }, ADMIN)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('getJobStatus', () => {
  it('returns the progress of a job of this project with who started it by name, and NOT_FOUND for an unknown one', async () => {
    const { invoke } = await withSavedPlan();
    const started = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    if (!started.ok) throw new Error('start failed');
    const status = await invoke<JobStatusView>('getJobStatus', { jobId: started.data.jobId }, MEMBER);
    expect(status).toMatchObject({ ok: true, data: { status: 'queued', done: 0, total: 0, type: 'epic-sync', startedBy: ADMIN, people: { [ADMIN]: 'Pat Project-Admin' } } });
    expect(await invoke('getJobStatus', { jobId: 'nope' }, MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
