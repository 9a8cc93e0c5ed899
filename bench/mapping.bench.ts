/**
 * mapping.bulk.calls.1000: product (Jira) calls to bulk-map 1,000 issues through the real path — bridge ->
 * previewBulkMapping -> startBulkMapping -> queued job -> emulated Jira over HTTP — in a fresh sandbox with a
 * generated 1,000-issue project (about a fifth of its issues already mapped to one of three clauses). The
 * change adds clause 8.1 (record) to every issue, so all 1,000 are written.
 *
 * The API lower bound, printed as `lower_bound`:
 * - reads: the current value of every issue must be known (to merge, to skip issues already holding the
 *   target, and to undo): search/jql returns at most 100 issues per page when properties are asked for,
 *   so ceil(1000 / 100) = 10 calls;
 * - writes: each bulk property request sets ONE value on up to 10,000 issues (POST /issue/properties) or
 *   any values on up to 100 issues (POST /issue/properties/multi); the fewest requests come from grouping the
 *   issues by target value (bulk-write-plan.ts proves the optimum); each request is answered by an async
 *   task that must be read once to learn its outcome: 2 calls per request.
 * The value counts EVERY product call the app makes for the operation: previewBulkMapping and
 * startBulkMapping (one GET /mypermissions each: the framework asks for access and EDIT_ISSUES in one call)
 * and the queued job. Not counted: the sandbox bridge's GET /project lookup while it builds the Forge context
 * (Forge does that itself; a warm-up call fills the bridge's cache first), and progress polls (the bench waits
 * for the queue instead of polling). Every route's count is printed under `routes`. The suggestion figures
 * (mapping.suggest.*) are emitted
 * by bench/suggest.bench.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../sandbox/server';
import { SEARCH_PAGE_WITH_PROPERTIES, writeCallLowerBound } from '../src/domain/mapping/bulk-write-plan';
import { readMapping, toPropertyValue } from '../src/domain/mapping/mapping-property';
import type { Emit } from './run';

const ADMIN = '557058:sandbox-project-admin';
const ISSUES = 1_000;

export async function run(emit: Emit): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-bench-mapping-'));
  writeFileSync(path.join(dataDir, 'index.html'), '<!doctype html><html><body></body></html>');
  const sandbox = await startSandbox({ port: 0, dataDir, reset: true, staticBuildDir: dataDir, verbose: false });
  try {
    const info = sandbox.emulator.seedLargeProject(ISSUES, { key: 'BENCH' });
    const invoke = async <T>(functionKey: string, payload: unknown): Promise<T> => {
      const res = await fetch(`${sandbox.url}/bridge/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` },
        body: JSON.stringify({ functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: info.projectKey }),
      });
      const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${functionKey}: ${body.error?.message ?? 'failed'}`);
      return body.data;
    };

    // What the lower bound needs: every issue's current value and the value the change gives it.
    const current = sandbox.emulator.searchJql({ jql: `project = ${info.projectKey} ORDER BY key ASC`, fields: ['id'], maxResults: 5000 }, 'app') as { issues: { id: string }[] };
    const targets = current.issues.map((i) => {
      const res = sandbox.emulator.searchJql({ jql: `id = ${i.id}`, fields: ['id'], properties: ['sms-navigator-mapping'] }, 'app') as { issues: { properties?: Record<string, unknown> }[] };
      const m = readMapping(res.issues[0]?.properties?.['sms-navigator-mapping']);
      return { issueId: i.id, value: toPropertyValue([...m.mapped, { clauseId: '8.1', kind: 'record' }], m.rejected, m.raw) };
    });
    const reads = Math.ceil(targets.length / SEARCH_PAGE_WITH_PROPERTIES);
    const lowerBound = reads + writeCallLowerBound(targets);

    await invoke('getAppContext', {}); // warm the bridge's project lookup (Forge builds the context itself)
    const before = sandbox.emulator.stats();
    const preview = await invoke<{ previewId: string; items: { issueId: string }[] }>('previewBulkMapping', {
      source: 'jql',
      jql: 'key is not EMPTY',
      clauses: [{ clauseId: '8.1', kind: 'record' }],
    });
    const started = await invoke<{ jobId: string }>('startBulkMapping', { previewId: preview.previewId, issueIds: preview.items.map((i) => i.issueId) });
    await sandbox.queue.idle();
    const after = sandbox.emulator.stats();
    const job = (await invoke<{ job: { status: string; done: number } | null }>('getBulkMappingStatus', { jobId: started.jobId })).job;
    if (!job || job.status !== 'done') throw new Error(`bulk mapping job ended ${job?.status ?? 'unfinished'}`);
    const delta = (route: string): number => (after.byRoute[route] ?? 0) - (before.byRoute[route] ?? 0);
    const permissionCalls = delta('GET /rest/api/3/mypermissions');
    const value = after.calls - before.calls;
    emit({
      name: 'mapping.bulk.calls.1000',
      value,
      unit: 'calls',
      bound: lowerBound + 2,
      better: 'lower',
      lower_bound: lowerBound,
      issues_written: job.done,
      search_calls: delta('POST /rest/api/3/search/jql'),
      by_list_requests: delta('POST /rest/api/3/issue/properties'),
      multi_requests: delta('POST /rest/api/3/issue/properties/multi'),
      task_reads: delta('GET /rest/api/3/task/{taskId}'),
      permission_calls: permissionCalls,
      routes: Object.fromEntries(Object.keys(after.byRoute).map((r) => [r, delta(r)]).filter(([, n]) => (n as number) > 0)),
    });
  } finally {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
