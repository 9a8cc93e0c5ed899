import type { Route } from '@forge/api';
import { bulkMappingJob } from '../../src/consumers/bulk-mapping.consumer';
import type { ProductApi, ProductRequestInit, ProductResponse } from '../../src/platform/product-api';
import type { AppServices } from '../../src/resolvers/services';
import { BULK_MAPPING_JOB, scopedJql } from '../../src/services/bulk-mapping.service';
import { planBulkWrites, writeCallLowerBound } from '../../src/services/bulk-write-plan';
import { JobRepository } from '../../src/storage/job-repository';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { MappingChangeRepository } from '../../src/storage/mapping-undo-repository';
import type { JsonValue } from '../../src/storage/kv-store';

const PROJECT_ID = '10000';
const mapping = (clauses: string[]): JsonValue => ({ clauses, kinds: ['record'], phases: [], byClause: Object.fromEntries(clauses.map((c) => [c, 'record'])), rejected: [] });

/** Jira's bulk property endpoints with async tasks; `failOnce` issues are reported failed the first time. */
function fakeBulkJira(failOnce: string[] = []) {
  const calls: string[] = [];
  const written = new Map<string, unknown>();
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
    if (method === 'POST' && path.value === '/rest/api/3/issue/properties/multi') {
      const failed: string[] = [];
      for (const item of body.issues as { issueID: number; properties: Record<string, unknown> }[]) {
        const id = String(item.issueID);
        if (pendingFailures.delete(id)) failed.push(id);
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
  return { api, calls, written };
}

async function setup(entries: { issueId: string; before: JsonValue | null; after: JsonValue }[], failOnce: string[] = []) {
  const store = new InMemoryKvStore();
  const jira = fakeBulkJira(failOnce);
  const changes = new MappingChangeRepository(store);
  const head = await changes.save(
    { changeId: 'c1', projectId: PROJECT_ID, projectKey: 'SMS', accountId: 'u1', state: 'preview', source: 'jql' },
    entries.map((e) => ({ ...e, key: `SMS-${e.issueId}` })),
  );
  await changes.update(head, { state: 'queued' });
  const jobs = new JobRepository(store);
  await jobs.createActive({ jobId: 'j1', type: BULK_MAPPING_JOB, scope: PROJECT_ID, input: { op: 'apply', changeId: 'c1' }, total: entries.length });
  const deps = { api: jira.api, store, queue: { push: async () => 'x' }, now: () => new Date('2026-03-01T10:00:00Z'), log: () => undefined } as unknown as AppServices;
  const body = { type: BULK_MAPPING_JOB, jobId: 'j1', projectId: PROJECT_ID, changeId: 'c1', op: 'apply' };
  const run = () => bulkMappingJob.run(body, deps, { jobId: null, eventId: null, retryCount: 0 });
  return { store, jira, changes, jobs, run };
}

describe('bulkMappingJob', () => {
  it('writes 250 issues with the fewest requests: one by-list for the shared value, multi for the rest', async () => {
    const entries = Array.from({ length: 250 }, (_, i) => ({
      issueId: String(20000 + i),
      before: null,
      after: i < 200 ? mapping(['8.6.1']) : mapping(['8.6.1', `8.${(i % 5) + 1}`]),
    }));
    const { jira, jobs, changes, run } = await setup(entries);
    await run();
    expect(jira.written.size).toBe(250);
    expect(jira.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /rest/api/3/issue/properties', 'POST /rest/api/3/issue/properties/multi']);
    expect(jira.calls.length).toBe(writeCallLowerBound(entries.map((e) => ({ issueId: e.issueId, value: e.after }))));
    expect(await jobs.get('j1')).toMatchObject({ status: 'done', done: 250, total: 250 });
    expect((await changes.getLast(PROJECT_ID))?.written.length).toBe(250);
  });

  it('retries the issues Jira reports as failed and ends with none failed', async () => {
    const entries = [1, 2, 3].map((n) => ({ issueId: String(n), before: null, after: mapping([`8.${n}`]) }));
    const { jira, jobs, run } = await setup(entries, ['2']);
    await run();
    expect([...jira.written.keys()].sort()).toEqual(['1', '2', '3']);
    expect(jira.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /rest/api/3/issue/properties/multi', 'POST /rest/api/3/issue/properties/multi']);
    expect(await jobs.get('j1')).toMatchObject({ status: 'done', done: 3, result: { failed: [] } });
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
    const { jira, jobs, run } = await setup(entries);
    await jobs.update('j1', { status: 'running', result: { op: 'apply', changeId: 'c1', written: ['1'], failed: [], skipped: [] } });
    await run();
    expect([...jira.written.keys()]).toEqual(['2']);
    expect(await jobs.get('j1')).toMatchObject({ status: 'done', done: 2 });
  });
});

describe('planBulkWrites', () => {
  it('sends large same-value groups by list and packs the rest 100 per multi request', () => {
    const entries = [
      ...Array.from({ length: 250 }, (_, i) => ({ issueId: `a${i}`, value: mapping(['8.6.1']) })),
      ...Array.from({ length: 120 }, (_, i) => ({ issueId: `b${i}`, value: mapping([`8.${i % 7}`, '9.1', String(i)]) })),
    ];
    const plan = planBulkWrites(entries);
    expect(plan.requests.map((r) => (r.endpoint === 'byList' ? `list ${r.issueIds.length}` : `multi ${r.entries.length}`))).toEqual(['list 250', 'multi 100', 'multi 20']);
  });

  it('uses multi alone when no value is shared widely enough to save a request', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({ issueId: String(i), value: mapping([String(i % 2)]) }));
    expect(planBulkWrites(entries).requests.map((r) => r.endpoint)).toEqual(['multi']);
  });
});

describe('scopedJql', () => {
  it('confines the selection to the project in key order, and refuses an ORDER BY or an early closing parenthesis', () => {
    expect(scopedJql('SMS', 'summary ~ "order by (x"')).toBe('project = "SMS" AND (summary ~ "order by (x") ORDER BY key ASC');
    expect(() => scopedJql('SMS', 'type = Incident order by created DESC')).toThrow('ORDER BY');
    expect(() => scopedJql('SMS', 'a = 1) OR (project = OPS')).toThrow('parentheses');
  });
});
