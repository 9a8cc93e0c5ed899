import type { ResolverResult } from '../../src/contract/result';
import type { JobStatusView, StartEpicSyncResponse } from '../../src/contract/jobs';
import type { JobEvent } from '../../src/platform/job-queue';
import { JobRepository } from '../../src/storage/job-repository';
import { createApp } from '../../src/wiring';
import { defaultEpicPlanInput } from '../builders/epic-sync.builder';
import { ADMIN, FakePermissionGateway, MEMBER, PROJECT, RecordingStore, forbiddenProductApi, forgeContext, recordingLogger } from './resolver-fakes';

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
    api: forbiddenProductApi(),
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
  return { store, pushed, invoke, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

const payload = { phases: defaultEpicPlanInput().phases };

describe('startEpicSync', () => {
  it('queues one event naming the job, the user and the project, and stores the plan on the job', async () => {
    const { store, pushed, invoke } = setup();
    const res = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.alreadyRunning).toBe(false);
    expect(pushed).toEqual([{ body: { type: 'epic-sync', jobId: res.data.jobId, accountId: ADMIN, projectId: PROJECT.id } }]);
    const job = await new JobRepository(store).get(res.data.jobId);
    expect(job).toMatchObject({ status: 'queued', type: 'epic-sync', scope: PROJECT.id, accountId: ADMIN });
    expect(job?.input).toMatchObject({ projectId: PROJECT.id, request: { planId: 'main', includeItems: true } });
  });

  it('refuses a user who may change the plan but may not create issues in the project', async () => {
    const { pushed, invoke } = setup();
    const res = await invoke('startEpicSync', payload, WRITER_NO_CREATE);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needed: 'CREATE_ISSUES' } } });
    expect(pushed).toEqual([]);
  });

  it('refuses a member without write access even though they may create issues', async () => {
    const { invoke } = setup();
    expect(await invoke('startEpicSync', payload, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('returns the running job instead of queueing a second one, until it goes stale', async () => {
    const { pushed, invoke, later } = setup();
    const first = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    const second = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    if (!first.ok || !second.ok) throw new Error('start failed');
    expect(second.data).toEqual({ jobId: first.data.jobId, alreadyRunning: true });
    expect(pushed).toHaveLength(1);
    later(16 * 60 * 1000);
    const third = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    expect(third.ok && third.data.alreadyRunning).toBe(false);
    expect(pushed).toHaveLength(2);
  });

  it('rejects a malformed plan with the failing path', async () => {
    const { invoke } = setup();
    const res = await invoke('startEpicSync', { phases: [{ id: 'Bad Id', name: 'x', objectives: [], processes: [] }] }, ADMIN);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('getJobStatus', () => {
  it('returns the progress of a job of this project and NOT_FOUND for an unknown one', async () => {
    const { invoke } = setup();
    const started = await invoke<StartEpicSyncResponse>('startEpicSync', payload, ADMIN);
    if (!started.ok) throw new Error('start failed');
    const status = await invoke<JobStatusView>('getJobStatus', { jobId: started.data.jobId }, MEMBER);
    expect(status).toMatchObject({ ok: true, data: { status: 'queued', done: 0, total: 0, type: 'epic-sync' } });
    expect(await invoke('getJobStatus', { jobId: 'nope' }, MEMBER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
