import type { Route } from '@forge/api';
import { bulkMappingJob } from '../../src/consumers/bulk-mapping.consumer';
import { createBulkMappingJob } from '../../src/services/bulk-mapping.service';
import { createEpicSyncJob } from '../../src/consumers/epic-sync.consumer';
import type { JobEvent } from '../../src/platform/job-queue';
import { MAX_RETRIES } from '../../src/platform/job-runner';
import type { ProductApi, ProductRequestInit, ProductResponse } from '../../src/platform/product-api';
import { scopedJql } from '../../src/services/bulk-mapping.service';
import { EMPTY_MAPPING_VALUE } from '../../src/domain/mapping/mapping-property';
import { writeCallLowerBound } from '../../src/domain/mapping/bulk-write-plan';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { MappingChangeRepository } from '../../src/storage/mapping-change-repository';
import type { JsonValue } from '../../src/storage/kv-store';
import { buildServices } from '../../src/wiring';
import { FakePermissionGateway } from '../resolvers/resolver-fakes';

const PROJECT_ID = '10000';
const mapping = (clauses: string[]): JsonValue => ({ clauses, kinds: ['record'], phases: [], byClause: Object.fromEntries(clauses.map((c) => [c, 'record'])), rejected: [] });

/**
 * Jira's bulk property endpoints with async tasks and the search the undo reads with; `failOnce` issues are
 * reported failed the first time; `down` makes every write request answer 503 while it is true.
 */
function fakeBulkJira(failOnce: string[] = [], initial: Record<string, unknown> = {}, alwaysFail: string[] = []) {
  const calls: string[] = [];
  const written = new Map<string, unknown>(Object.entries(initial));
  const state = { down: false, writes: 0, downAfterWrites: Infinity };
  const pendingFailures = new Set(failOnce);
  const tasks = new Map<string, unknown>();
  const respond = (status: number, body?: unknown, location?: string): ProductResponse => ({
    ok: status < 300,
    status,
    statusText: String(status),
    headers: { get: (n: string) => (n.toLowerCase() === 'location' ? (location ?? null) : 'application/json') },
    json: async () => body,
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  });
  const task = (result: unknown): ProductResponse => {
    const id = String(tasks.size + 1);
    tasks.set(id, result);
    return respond(303, undefined, `/rest/api/3/task/${id}`);
  };
  const requestJira = async (path: Route, init?: ProductRequestInit): Promise<ProductResponse> => {
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${path.value}`);
    const body = init?.body ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    if (method === 'POST' && path.value.startsWith('/rest/api/3/issue/properties')) {
      state.writes += 1;
      if (state.down || state.writes > state.downAfterWrites) return respond(503, { errorMessages: ['Jira is down'] });
    }
    if (method === 'POST' && path.value === '/rest/api/3/search/jql') {
      const ids = /id in \(([^)]*)\)/.exec(String(body.jql))?.[1]?.split(',').map((x) => x.trim().replace(/"/g, '')) ?? [];
      const issues = ids.map((id) => ({ id, key: `SMS-${id}`, fields: {}, properties: written.has(id) ? { 'sms-navigator-mapping': written.get(id) } : {} }));
      return respond(200, { issues });
    }
    if (method === 'POST' && path.value === '/rest/api/3/issue/properties/multi') {
      const failed: string[] = [];
      for (const item of body.issues as { issueID: number; properties: Record<string, unknown> }[]) {
        const id = String(item.issueID);
        if (pendingFailures.delete(id) || alwaysFail.includes(id)) failed.push(id);
        else written.set(id, item.properties['sms-navigator-mapping']);
      }
      return task({ failedIssueIds: failed });
    }
    if (method === 'POST' && path.value === '/rest/api/3/issue/properties') {
      for (const id of body.entitiesIds as number[]) written.set(String(id), (body.properties as Record<string, unknown>)['sms-navigator-mapping']);
      return task({});
    }
    const t = /^\/rest\/api\/3\/task\/(\d+)$/.exec(path.value);
    if (method === 'GET' && t) return respond(200, { id: t[1], status: 'COMPLETE', result: tasks.get(t[1] as string) });
    return respond(404, { errorMessages: ['not faked'] });
  };
  const requester = { requestJira, requestConfluence: async (): Promise<ProductResponse> => respond(404) };
  const api: ProductApi = { asUser: () => requester, asApp: () => requester };
  return { api, calls, written, state };
}

async function setup(entries: { issueId: string; before: JsonValue | null; after: JsonValue }[], failOnce: string[] = [], alwaysFail: string[] = []) {
  const store = new InMemoryKvStore();
  const initial = Object.fromEntries(entries.filter((e) => e.before !== null).map((e) => [e.issueId, e.before]));
  const jira = fakeBulkJira(failOnce, initial, alwaysFail);
  const changes = new MappingChangeRepository(store);
  const head = await changes.save(
    { changeId: 'c1', projectId: PROJECT_ID, projectKey: 'SMS', accountId: 'u1', state: 'preview', source: 'jql' },
    entries.map((e) => ({ ...e, key: `SMS-${e.issueId}` })),
  );
  await changes.update(head, { state: 'queued' });
  const pushed: JobEvent[] = [];
  const services = buildServices(
    {
      api: jira.api,
      store,
      queue: { push: async (events) => String(pushed.push(...events)) },
      now: () => new Date('2026-03-01T10:00:00Z'),
      log: () => undefined,
      permissions: new FakePermissionGateway(),
      clientOptions: { jira: { sleep: async () => undefined } },
    },
    { jobs: [createBulkMappingJob(), createEpicSyncJob()] },
  );
  const { jobId } = await services.jobs.start(bulkMappingJob, { scope: PROJECT_ID, accountId: 'u1', input: { op: 'apply', changeId: 'c1', projectId: PROJECT_ID }, title: 'bulk', total: entries.length });
  const deliver = (n: number, retryCount = 0) => services.jobs.consume(pushed[n]?.body, { jobId: null, eventId: `e${n}-${retryCount}`, retryCount });
  const run = () => deliver(0);
  const jobs = services.jobs.jobs;
  return { store, jira, changes, jobs, run, jobId, services, pushed, deliver };
}

describe('bulkMappingJob', () => {
  it('writes 250 issues with the fewest requests: one by-list for the shared value, multi for the rest', async () => {
    const entries = Array.from({ length: 250 }, (_, i) => ({
      issueId: String(20000 + i),
      before: null,
      after: i < 200 ? mapping(['8.6.1']) : mapping(['8.6.1', `8.${(i % 5) + 1}`]),
    }));
    const { jira, jobs, changes, run, jobId } = await setup(entries);
    await run();
    expect(jira.written.size).toBe(250);
    expect(jira.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /rest/api/3/issue/properties', 'POST /rest/api/3/issue/properties/multi']);
    expect(jira.calls.length).toBe(writeCallLowerBound(entries.map((e) => ({ issueId: e.issueId, value: e.after }))));
    expect(await jobs.get(jobId)).toMatchObject({ status: 'done', done: 250, total: 250 });
    expect((await changes.getLast(PROJECT_ID))?.written.length).toBe(250);
  });

  it('retries the issues Jira reports as failed and ends with none failed', async () => {
    const entries = [1, 2, 3].map((n) => ({ issueId: String(n), before: null, after: mapping([`8.${n}`]) }));
    const { jira, jobs, run, jobId } = await setup(entries, ['2']);
    await run();
    expect([...jira.written.keys()].sort()).toEqual(['1', '2', '3']);
    expect(jira.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /rest/api/3/issue/properties/multi', 'POST /rest/api/3/issue/properties/multi']);
    expect(await jobs.get(jobId)).toMatchObject({ status: 'done', done: 3, result: { failed: [] } });
  });

  it('is safe to run twice: a finished job makes no further calls', async () => {
    const { jira, run } = await setup([{ issueId: '7', before: null, after: mapping(['9.2']) }]);
    await run();
    const after = jira.calls.length;
    await run();
    expect(jira.calls.length).toBe(after);
  });

  it('skips issues a previous delivery already wrote', async () => {
    const entries = [1, 2].map((n) => ({ issueId: String(n), before: null, after: mapping([`8.${n}`]) }));
    const { jira, jobs, run, jobId } = await setup(entries);
    await jobs.update(jobId, { step: 1, checkpoint: { touched: ['1'], written: ['1'], failed: [], restore: null, skipped: [] } });
    await run();
    expect([...jira.written.keys()]).toEqual(['2']);
    expect(await jobs.get(jobId)).toMatchObject({ status: 'done', done: 2 });
  });

  it('records each batch as touched before writing it, so an apply cut off half-way is undone exactly by Abandon', async () => {
    const before = (n: number): JsonValue | null => (n % 3 === 0 ? null : mapping([`7.${n % 4}`]));
    const entries = Array.from({ length: 150 }, (_, i) => ({ issueId: String(30000 + i), before: before(i), after: mapping([`7.${i % 4}`, '8.6.1', String(i)]) }));
    const { jira, jobs, changes, run, jobId, services, deliver, pushed } = await setup(entries);
    jira.state.downAfterWrites = 1; // the first request (100 issues) lands, then Jira stops answering
    for (let retry = 0; retry <= MAX_RETRIES; retry += 1) await deliver(0, retry);
    const cut = await jobs.get(jobId);
    expect(services.jobs.statusOf(cut!)).toBe('interrupted');
    expect(cut?.checkpoint).toMatchObject({ written: expect.any(Array), touched: expect.any(Array) });
    const ck = cut?.checkpoint as { touched: string[]; written: string[] };
    expect(ck.written).toHaveLength(100);
    expect(ck.touched).toHaveLength(150); // the second batch was recorded before its (failed) request
    await expect(services.jobs.start(bulkMappingJob, { scope: PROJECT_ID, accountId: 'u1', input: { op: 'apply', changeId: 'c1', projectId: PROJECT_ID }, title: 'x' })).resolves.toMatchObject({ alreadyRunning: true, status: 'interrupted' });

    jira.state.downAfterWrites = Infinity;
    const abandoned = await services.jobs.abandon(jobId, PROJECT_ID, 'u2');
    expect(abandoned.followUpJobId).not.toBeNull();
    expect(pushed).toHaveLength(2);
    const writesBefore = jira.state.writes;
    await deliver(1);
    // 150 touched: 100 restored, 50 already held their before-state (their request never landed)
    expect(await jobs.get(abandoned.followUpJobId!)).toMatchObject({ status: 'done', done: 150, total: 150 });
    expect(jira.state.writes - writesBefore).toBeLessThanOrEqual(2);
    for (const [i, e] of entries.entries()) {
      const now = jira.written.get(e.issueId);
      if (e.before === null) expect(now === undefined || JSON.stringify(now) === JSON.stringify(EMPTY_MAPPING_VALUE)).toBe(true);
      else expect(now).toEqual(before(i));
    }
    expect((await changes.getLast(PROJECT_ID))?.state).toBe('undone');
    void run;
  });

  it('a job whose every issue fails ends failed with the reason, never done', async () => {
    const entries = [1, 2].map((n) => ({ issueId: String(n), before: null, after: mapping([`8.${n}`]) }));
    const { jobs, run, jobId } = await setup(entries, [], ['1', '2']);
    await run();
    const job = await jobs.get(jobId);
    expect(job).toMatchObject({ status: 'failed' });
    expect(job?.messages.join(' ')).toMatch(/no issue could be changed/);
  });
});

describe('scopedJql', () => {
  it('confines the selection to the project in key order, and refuses an ORDER BY or an early closing parenthesis', () => {
    expect(scopedJql('SMS', 'summary ~ "order by (x"')).toBe('project = "SMS" AND (summary ~ "order by (x") ORDER BY key ASC');
    expect(() => scopedJql('SMS', 'type = Incident order by created DESC')).toThrow('ORDER BY');
    expect(() => scopedJql('SMS', 'a = 1) OR (project = OPS')).toThrow('parentheses');
  });
});
