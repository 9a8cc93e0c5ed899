import type { ClauseRecordView, StartPublishReportResponse } from '../../src/contract/gap-report';
import type { ResolverResult } from '../../src/contract/result';
import { PUBLISH_REPORT_JOB_TYPE, publishReportJob, type PublishReportJobInput } from '../../src/consumers/publish-report.consumer';
import type { JobEvent, JobQueue } from '../../src/platform/job-queue';
import { setClauseResult } from '../../src/resolvers/set-clause-result.resolver';
import { startPublishReport } from '../../src/resolvers/start-publish-report.resolver';
import { ClauseRecordRepository } from '../../src/storage/clause-record-repository';
import { buildServices } from '../../src/wiring';
import { ADMIN, FakePermissionGateway, MEMBER, PROJECT, RecordingStore, SITE_URL, forgeContext, recordingLogger, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-11-20T10:00:00.000Z');
const JOB_INPUT: PublishReportJobInput = {
  projectId: PROJECT.id,
  projectKey: PROJECT.key,
  projectName: 'Service Management',
  siteBaseUrl: 'https://example.atlassian.net',
  spaceKey: 'SMS',
  spaceId: '65537',
  parentPageId: null,
  snapshotChild: false,
};

function setup(queue: JobQueue = { push: async () => 'q' }) {
  const permissions = new FakePermissionGateway();
  const store = new RecordingStore();
  const productCalls: string[] = [];
  const lookups: { as: string; ids: string[] }[] = [];
  const services = buildServices({ api: userDirectoryApi(undefined, productCalls, lookups), store, queue, now: () => NOW, log: recordingLogger().log, permissions });
  const call = async <T>(def: { run: (r: { payload: unknown; context: unknown }, d: typeof services) => Promise<ResolverResult<unknown>> }, accountId: string, payload: unknown): Promise<ResolverResult<T>> => {
    permissions.currentAccountId = accountId;
    return (await def.run({ payload, context: { ...forgeContext(), accountId } }, services)) as ResolverResult<T>;
  };
  return { services, store, productCalls, lookups, call };
}

describe('setClauseResult', () => {
  it('stores the result with who set it (named in one user lookup), and a new version on each save', async () => {
    const { call, store, productCalls, lookups } = setup();
    const first = await call<ClauseRecordView>(setClauseResult, ADMIN, { clauseId: '8.6.1', result: 'partially_conformant', note: ' Incident records reviewed ', expectedVersion: 0 });
    expect(first).toEqual({
      ok: true,
      data: {
        clauseId: '8.6.1',
        result: 'partially_conformant',
        note: 'Incident records reviewed',
        version: 1,
        updatedAt: NOW.toISOString(),
        updatedBy: ADMIN,
        people: { [ADMIN]: 'Pat Project-Admin' },
      },
    });
    expect(lookups).toEqual([{ as: 'asUser', ids: [ADMIN] }]);
    const cleared = await call<ClauseRecordView>(setClauseResult, ADMIN, { clauseId: '8.6.1', result: null, expectedVersion: 1 });
    expect(cleared.ok && cleared.data).toMatchObject({ result: null, note: null, version: 2 });
    const stored = await new ClauseRecordRepository(store).list(PROJECT.id);
    expect(stored.map((r) => [r.clauseId, r.result, r.version])).toEqual([['8.6.1', null, 2]]);
    // Nothing but the two name lookups (one per call) reached Jira.
    expect(lookups).toHaveLength(2);
    expect(productCalls).toEqual([]);
  });

  it('refuses a stale version with CONFLICT giving who saved last in the details', async () => {
    const { call } = setup();
    await call(setClauseResult, ADMIN, { clauseId: '4.1', result: 'conformant', expectedVersion: 0 });
    const stale = await call(setClauseResult, ADMIN, { clauseId: '4.1', result: 'nonconformant', expectedVersion: 0 });
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    expect(!stale.ok && stale.error.details).toMatchObject({ updatedBy: ADMIN });
  });

  it('refuses a member without the editor role, an unknown clause, a heading and an unknown result, writing nothing', async () => {
    const { call, store } = setup();
    expect(await call(setClauseResult, MEMBER, { clauseId: '4.1', result: 'conformant', expectedVersion: 0 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(setClauseResult, ADMIN, { clauseId: '8.6.99', result: 'conformant', expectedVersion: 0 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call(setClauseResult, ADMIN, { clauseId: '8.6', result: 'conformant', expectedVersion: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call(setClauseResult, ADMIN, { clauseId: '4.1', result: 'great', expectedVersion: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(store.writes).toEqual([]);
  });
});

describe('startPublishReport', () => {
  it('answers CONFIG_MISSING before any product call when no Confluence space is set', async () => {
    const { call, productCalls, store } = setup();
    const r = await call(startPublishReport, ADMIN, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFIG_MISSING' } });
    expect(productCalls).toEqual([]);
    expect(store.writes).toEqual([]);
  });

  it('takes the site address for issue links from the trusted context, never from the payload', async () => {
    const pushed: JobEvent[] = [];
    const { services, store } = setup({ push: async (e) => (pushed.push(...e), 'q') });
    await services.settings.save(PROJECT.id, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null }, 0, ADMIN);
    const run = (siteUrl: unknown, payload: unknown) => {
      (services.permissions as FakePermissionGateway).currentAccountId = ADMIN;
      return startPublishReport.run({ payload, context: { ...forgeContext(), siteUrl, accountId: ADMIN } }, services);
    };
    const started = await run(SITE_URL, { siteUrl: 'http://evil.example/x', snapshot: false });
    expect(started).toMatchObject({ ok: true, data: { alreadyRunning: false } });
    const jobId = started.ok ? (started.data as StartPublishReportResponse).jobId : '';
    const job = await services.jobs.jobs.get(jobId);
    expect(job?.input).toMatchObject({ siteBaseUrl: SITE_URL });
    expect(JSON.stringify(await store.dump())).not.toContain('evil.example');
    const writesBefore = store.writes.length;
    expect(await run('http://evil.example/x', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('https') } });
    expect(await run(undefined, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(store.writes.length).toBe(writesBefore);
    expect(pushed.every((e) => !JSON.stringify(e).includes('evil'))).toBe(true);
  });

  it('returns the publish already running for the project instead of queueing a second one', async () => {
    const pushed: JobEvent[] = [];
    const { call, services } = setup({ push: async (e) => (pushed.push(...e), 'q') });
    await services.settings.save(PROJECT.id, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null }, 0, ADMIN);
    const running = await services.jobs.start(publishReportJob, { scope: PROJECT.id, accountId: ADMIN, input: JOB_INPUT, title: 'Publish' });
    pushed.length = 0;
    const r = await call<StartPublishReportResponse>(startPublishReport, ADMIN, { siteUrl: 'https://example.atlassian.net' });
    expect(r).toEqual({ ok: true, data: { jobId: running.jobId, alreadyRunning: true } });
    expect(pushed).toEqual([]);
  });
});

describe('publish-report job', () => {
  it('does nothing for a finished job (safe to run twice), and fails a job whose stored request is unreadable', async () => {
    const pushed: JobEvent[] = [];
    const { services, productCalls } = setup({ push: async (e) => (pushed.push(...e), 'q') });
    const { jobId } = await services.jobs.start(publishReportJob, { scope: PROJECT.id, accountId: ADMIN, input: JOB_INPUT, title: 'Publish' });
    await services.jobs.end(jobId, 'done', null, ['Published.'], null);
    expect(await services.jobs.consume(pushed[0]?.body, { jobId: null, eventId: 'e1', retryCount: 1 })).toEqual({ kind: 'dropped' });
    expect((await services.jobs.jobs.get(jobId))?.status).toBe('done');

    const second = await services.jobs.start(publishReportJob, { scope: PROJECT.id, accountId: ADMIN, input: JOB_INPUT, title: 'Publish' });
    await services.jobs.jobs.update(second.jobId, { status: 'queued' });
    await services.store.set(`job:record:${second.jobId}`, { ...(await services.store.get(`job:record:${second.jobId}`) as Record<string, never>), input: { projectId: 'x' } });
    await services.jobs.consume(pushed[1]?.body, { jobId: null, eventId: 'e2', retryCount: 0 });
    const failed = await services.jobs.jobs.get(second.jobId);
    expect(failed?.status).toBe('failed');
    expect(failed?.messages).toEqual(['The stored request of this job is unreadable.']);
    expect(productCalls).toEqual([]);
    expect(failed?.type).toBe(PUBLISH_REPORT_JOB_TYPE);
  });
});
