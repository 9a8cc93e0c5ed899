/**
 * Audit cycle at scale: a project of 10,000 issues, every one mapped to a clause (bench-setup's fifteen clauses),
 * over HTTP to the emulator. Product calls are counted by the emulator.
 *
 *   audit.sample.calls  product calls of AuditSamplingService.drawAndRecord for a sample over all 57 assessable
 *                       clauses (5 issues each). Bound = lower bound + 5, the lower bound computed below.
 *
 * Lower bound of drawing a stratified sample (any implementation using Jira's REST API, whatever the data):
 * - the sample must be listed in the audit issue: at least 1 write;
 * - each clause's population may be any subset of the issues, so it takes one search per clause (57), unless the
 *   mapping of every issue is read, which costs a page per 100 issues (properties) = 100 pages here, more than 57;
 * - every mapped issue must be placed in one of 12 strata (3 status categories × 4 age buckets) or found not to
 *   be evidence (a 13th class). An id-only search answers "in this set or not" for every issue at once, so
 *   ceil(log2(13)) = 4 searches is the least that can tell 13 classes apart (reading status and created instead
 *   costs 100 pages);
 * so at least 57 + 4 + 1 = 62 calls. The app spends 3 more searches than that on readability: one search per
 * status category and age bucket but the last (2 + 3 = 5 instead of 4 encoded sets), and findings and plan items
 * as two plain searches, so every search is one a person can read; and a search finding more than 5,000 issues
 * takes a second page.
 *
 * review.publish.calls is not here: the management review pack has its pure model and ADF rendering
 * (src/domain/audit/review-pack*.ts) but no publishing service yet, so there is nothing honest to count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify from 'fastify';
import { createEmulator } from '../sandbox/emulator';
import { createHttpProductApi } from '../sandbox/http-product-api';
import { CLAUSES } from '../src/domain/catalogue/catalogue';
import { AGE_BUCKETS, type AuditPlan, STRATA } from '../src/domain/audit';
import { JiraClient } from '../src/jira/jira-client';
import { AuditSamplingService } from '../src/services/audit-sampling.service';
import { mapEveryIssue } from './bench-setup';
import type { Emit } from './run';

const ISSUES = 10_000;
const SAMPLE_PER_CLAUSE = 5;
const PLAN: AuditPlan = {
  title: 'Internal audit: whole SMS',
  scope: { clauses: ['4', '5', '6', '7', '8', '9', '10'], processes: [] },
  criteria: 'ISO/IEC 20000-1:2018 and the SMS documents',
  start: '2026-11-02',
  end: '2026-11-06',
  auditor: '557058:bench-auditor',
};

/** The lower bound argued in the module comment, for `clauses` clauses. */
export function sampleCallsLowerBound(clauses: number): { total: number; clauseSearches: number; strataSearches: number; writes: number } {
  const classes = STRATA.length + 1; // 12 strata + "not evidence"
  const strataSearches = Math.ceil(Math.log2(classes));
  return { total: clauses + strataSearches + 1, clauseSearches: clauses, strataSearches, writes: 1 };
}

export async function run(emit: Emit): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-bench-'));
  const emulator = await createEmulator({ dataDir: dir, reset: true });
  const server = fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  try {
    await emulator.register(server);
    const url = await server.listen({ port: 0, host: '127.0.0.1' });
    const info = emulator.seedLargeProject(ISSUES);
    const api = createHttpProductApi(url, () => undefined);
    // Setup (not measured): every issue mapped to a clause, and the audit issue.
    await mapEveryIssue(api, info.projectKey);
    const audit = await new JiraClient(api).createIssue(
      { fields: { project: { key: info.projectKey }, issuetype: { id: '10003' }, summary: 'Internal audit: whole SMS' } },
      { as: 'app' },
    );

    const assessable = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
    const service = new AuditSamplingService(api, { as: 'app' });
    const before = emulator.stats().calls;
    const result = await service.drawAndRecord({
      projectKey: info.projectKey,
      siteBaseUrl: 'https://example.atlassian.net',
      auditIssueKey: audit.key,
      plan: PLAN,
      owners: [],
      request: { seed: 'bench', asOf: '2026-11-01T12:00:00.000Z', sizes: Object.fromEntries(assessable.map((id) => [id, SAMPLE_PER_CLAUSE])) },
    });
    const calls = emulator.stats().calls - before;
    const lower = sampleCallsLowerBound(assessable.length);
    emit({
      name: 'audit.sample.calls',
      value: calls,
      unit: 'calls',
      bound: lower.total + 5,
      lowerBound: lower.total,
      lowerBoundParts: lower,
      clauses: assessable.length,
      searches: result.searches,
      sampled: result.sample.clauses.reduce((a, c) => a + c.issueKeys.length, 0),
      ageBuckets: AGE_BUCKETS.length,
      note: 'service calls only (a resolver adds its one permission check); lower bound argued in bench/audit.bench.ts',
    });
  } finally {
    await server.close();
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
