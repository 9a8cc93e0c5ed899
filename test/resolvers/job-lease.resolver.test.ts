import type { JobHistoryItemView, JobStatusView, ListJobHistoryResponse, StartEpicSyncResponse } from '../../src/contract/jobs';
import type { BulkMappingStatusResponse } from '../../src/contract/mapping';
import { PUBLISH_REPORT_JOB_TYPE, publishReportJob } from '../../src/consumers/publish-report.consumer';
import { proposePlan } from '../../src/domain/planning/propose-plan';
import type { JobEvent } from '../../src/platform/job-queue';
import { JOB_LEASE_MS } from '../../src/platform/job-runner';
import { BULK_MAPPING_JOB, bulkMappingJob } from '../../src/services/bulk-mapping.service';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { createApp } from '../../src/wiring';
import { ADMIN, FakePermissionGateway, MEMBER, PROJECT, recordingLogger, resolverInvoker, userDirectoryApi } from './resolver-fakes';

// "Nothing stays running longer than its lease": a queued or running job whose run died writes nothing more,
// so only its lease tells that it is gone. Every read of its status (the job's own status, the history, the
// bulk mapping status, a second start) must show it interrupted, with Resume and Abandon available.

function setup() {
  const store = new InMemoryKvStore();
  const gateway = new FakePermissionGateway({
    [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES'],
    [MEMBER]: ['BROWSE_PROJECTS'],
  });
  const pushed: JobEvent[] = [];
  let now = new Date('2026-04-01T08:00:00.000Z');
  const app = createApp({
    api: userDirectoryApi(),
    store,
    queue: { push: async (events) => (pushed.push(...events), `q-${pushed.length}`) },
    log: recordingLogger().log,
    permissions: gateway,
    now: () => now,
  });
  return { app, pushed, invoke: resolverInvoker(app, gateway), later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

/** One job of each queued type in the project: an epic sync (queued), a bulk mapping (running), a report publish (running). */
async function threeJobs(t: ReturnType<typeof setup>) {
  const { app, invoke } = t;
  await app.services.plans.save(PROJECT.id, proposePlan('subsets'), 0, ADMIN);
  const sync = await invoke<StartEpicSyncResponse>('startEpicSync', {}, ADMIN);
  if (!sync.ok) throw new Error(sync.error.message);
  const jobs = app.services.jobs;
  const bulk = await jobs.start(bulkMappingJob, { scope: PROJECT.id, accountId: ADMIN, input: { projectId: PROJECT.id, changeId: 'change-1', op: 'apply' }, title: 'Map 3 issue(s)', total: 3 });
  const publish = await jobs.start(publishReportJob, {
    scope: PROJECT.id,
    accountId: ADMIN,
    input: { projectId: PROJECT.id, projectKey: PROJECT.key, projectName: 'SMS', siteBaseUrl: 'https://example.atlassian.net', spaceKey: 'SMS', spaceId: '65536', parentPageId: null, snapshotChild: false },
    title: 'Publish the gap report',
    total: 1,
  });
  // A run took the bulk mapping and the publish, wrote progress (the lease taken at the start still holds), and died.
  for (const jobId of [bulk.jobId, publish.jobId]) await jobs.jobs.update(jobId, { status: 'running', attempts: 1, done: 1 });
  return { sync: sync.data.jobId, bulk: bulk.jobId, publish: publish.jobId };
}

/** The status of `jobId` as each read shows it to a member (who may read, not change). */
async function everyRead(t: ReturnType<typeof setup>, ids: { sync: string; bulk: string; publish: string }) {
  const { invoke } = t;
  const own = async (jobId: string) => {
    const r = await invoke<JobStatusView>('getJobStatus', { jobId }, MEMBER);
    if (!r.ok) throw new Error(r.error.message);
    return r.data.status;
  };
  const history = await invoke<ListJobHistoryResponse>('listJobHistory', {}, MEMBER);
  if (!history.ok) throw new Error(history.error.message);
  const inHistory = (jobId: string): JobHistoryItemView['status'] | undefined => history.data.jobs.find((j) => j.jobId === jobId)?.status;
  const bulkLatest = await invoke<BulkMappingStatusResponse>('getBulkMappingStatus', {}, MEMBER);
  const bulkById = await invoke<BulkMappingStatusResponse>('getBulkMappingStatus', { jobId: ids.bulk }, MEMBER);
  if (!bulkLatest.ok || !bulkById.ok) throw new Error('getBulkMappingStatus failed');
  const runner = t.app.services.jobs;
  return {
    jobStatus: [await own(ids.sync), await own(ids.bulk), await own(ids.publish)],
    history: [inHistory(ids.sync), inHistory(ids.bulk), inHistory(ids.publish)],
    bulkStatus: [bulkLatest.data.job?.status, bulkById.data.job?.status],
    active: [runner.statusOf((await runner.active('epic-sync', PROJECT.id))!), runner.statusOf((await runner.active(BULK_MAPPING_JOB, PROJECT.id))!), runner.statusOf((await runner.active(PUBLISH_REPORT_JOB_TYPE, PROJECT.id))!)],
  };
}

describe('a job past its lease', () => {
  it('is queued or running by every read while its lease holds, and interrupted by every read once it ran out', async () => {
    const t = setup();
    const ids = await threeJobs(t);
    t.later(JOB_LEASE_MS - 1000);
    expect(await everyRead(t, ids)).toEqual({
      jobStatus: ['queued', 'running', 'running'],
      history: ['queued', 'running', 'running'],
      bulkStatus: ['running', 'running'],
      active: ['queued', 'running', 'running'],
    });
    t.later(1000);
    const all = ['interrupted', 'interrupted', 'interrupted'];
    expect(await everyRead(t, ids)).toEqual({ jobStatus: all, history: all, bulkStatus: ['interrupted', 'interrupted'], active: all });
  });

  it('is offered again, not duplicated, by a second start, and takes Resume and Abandon', async () => {
    const t = setup();
    const ids = await threeJobs(t);
    expect(await t.invoke('resumeJob', { jobId: ids.sync }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { status: 'queued' } } });
    t.later(JOB_LEASE_MS);
    expect(await t.invoke<StartEpicSyncResponse>('startEpicSync', {}, ADMIN)).toEqual({ ok: true, data: { jobId: ids.sync, alreadyRunning: true } });
    expect(t.pushed).toHaveLength(3);

    expect(await t.invoke('resumeJob', { jobId: ids.sync }, ADMIN)).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(t.pushed.map((e) => e.body.jobId)).toEqual([ids.sync, ids.bulk, ids.publish, ids.sync]);
    const resumed = await t.invoke<JobStatusView>('getJobStatus', { jobId: ids.sync }, MEMBER);
    expect(resumed.ok && resumed.data.status).toBe('queued'); // a new lease

    expect(await t.invoke('abandonJob', { jobId: ids.publish }, ADMIN)).toMatchObject({ ok: true, data: { status: 'abandoned' } });
    const abandoned = await t.invoke<JobStatusView>('getJobStatus', { jobId: ids.publish }, MEMBER);
    expect(abandoned.ok && abandoned.data).toMatchObject({ status: 'abandoned', endedBy: ADMIN });
    // Reading is not changing: a member may see the interrupted job but neither resume nor abandon it.
    expect(await t.invoke('abandonJob', { jobId: ids.bulk }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
