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
 *   review.publish.calls  product calls of ReviewPackService.publish (first publish: the page is created) with
 *                       the audit cycle's issues among the 10,000: 1 audit, 150 nonconformities, 150 corrective
 *                       actions with their records, 10 review actions. Bound = lower bound + 6.
 *
 * Lower bound of publishing the pack: every issue of the audit cycle must be read with its status, labels and
 * the app's properties, at most 100 a page: ceil(M / 100) searches; creating the page takes the space's id (the
 * settings hold its key: 1 lookup), knowing the page is not there already (1: else a re-run makes a second page)
 * and the create (1): ceil(M / 100) + 3. The one page upsert also checks the parent page set in the settings (1).
 */
import { createHttpProductApi } from '../sandbox/http-product-api';
import { CLAUSES } from '../src/domain/catalogue/catalogue';
import {
  AGE_BUCKETS,
  AUDIT_LABEL,
  AUDIT_PLAN_PROPERTY_KEY,
  type AuditPlan,
  CORRECTIVE_ACTION_LABEL,
  CORRECTIVE_ACTION_PROPERTY_KEY,
  REVIEW_ACTION_LABEL,
  STRATA,
} from '../src/domain/audit';
import { FINDING_LABELS } from '../src/domain/gap';
import { JiraClient } from '../src/jira/jira-client';
import { AuditSamplingService } from '../src/services/audit-sampling.service';
import { ConfluenceClient } from '../src/confluence/confluence-client';
import { ReviewPackService } from '../src/services/review-pack.service';
import { MAPPING_PROPERTY_KEY } from '../src/domain/mapping/mapping-property';
import { mapEveryIssue, withSeededEmulator } from './bench-setup';
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

/** The lower bound argued in the module comment, for `issues` issues of the audit cycle. */
export function publishCallsLowerBound(issues: number): { total: number; searchPages: number; confluence: number } {
  const searchPages = Math.max(1, Math.ceil(issues / 100));
  return { total: searchPages + 3, searchPages, confluence: 3 };
}

const NONCONFORMITIES = 150;
const REVIEW_ACTIONS = 10;

/** Labels and records the audit cycle's issues among the first issues of the project (setup, not measured). */
async function seedAuditCycle(jira: JiraClient, projectKey: string, auditKey: string): Promise<number> {
  const issues: { id: string; key: string }[] = [];
  for await (const i of jira.searchJqlAll(`project = ${projectKey} ORDER BY key ASC`, { as: 'app', fields: ['key'], pageSize: 5000 })) {
    if (issues.length >= 2 * NONCONFORMITIES + REVIEW_ACTIONS) break;
    issues.push(i);
  }
  const ncs = issues.slice(0, NONCONFORMITIES);
  const cas = issues.slice(NONCONFORMITIES, 2 * NONCONFORMITIES);
  const reviewActions = issues.slice(2 * NONCONFORMITIES);
  const label = (key: string, l: string) => jira.editIssue(key, { update: { labels: [{ add: l }] } }, { as: 'app' });
  const edits: (() => Promise<void>)[] = [
    () => label(auditKey, AUDIT_LABEL),
    () => jira.setIssueProperty(auditKey, AUDIT_PLAN_PROPERTY_KEY, PLAN, { as: 'app' }),
    ...ncs.map((nc, n) => () => label(nc.key, n % 2 === 0 ? FINDING_LABELS.major_nc : FINDING_LABELS.minor_nc)),
    ...cas.map((ca) => () => label(ca.key, CORRECTIVE_ACTION_LABEL)),
    ...reviewActions.map((r) => () => label(r.key, REVIEW_ACTION_LABEL)),
  ];
  for (let i = 0; i < edits.length; i += 10) await Promise.all(edits.slice(i, i + 10).map((e) => e()));
  await jira.setIssuePropertiesMulti(
    cas.map((ca, n) => ({
      issueId: ca.id,
      properties: {
        [CORRECTIVE_ACTION_PROPERTY_KEY]: { nonconformityKey: ncs[n]?.key, rootCause: 'Generated', action: 'Generated', dueDate: '2026-12-15', verification: null },
        [MAPPING_PROPERTY_KEY]: { clauses: ['10.1'], kinds: ['improvement_action'], phases: [] },
      },
    })),
    { as: 'app' },
  );
  return 1 + ncs.length + cas.length + reviewActions.length;
}

export async function run(emit: Emit): Promise<void> {
  await withSeededEmulator('audit', ISSUES, async ({ emulator, url, info }) => {
    const api = createHttpProductApi(url, () => undefined);
    // Setup (not measured): every issue mapped to a clause, and the audit issue.
    await mapEveryIssue(api, info.projectKey);
    const audit = await new JiraClient(api).createIssue(
      { fields: { project: { key: info.projectKey }, issuetype: { id: '10003' }, summary: 'Internal audit: whole SMS' } },
      { as: 'app' },
    );

    const assessable = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
    const service = new AuditSamplingService({ jira: new JiraClient(api) }, { as: 'app' });
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

    const cycleIssues = await seedAuditCycle(new JiraClient(api), info.projectKey, audit.key);
    const review = new ReviewPackService({ jira: new JiraClient(api), confluence: new ConfluenceClient(api) }, { as: 'app' });
    const beforePublish = emulator.stats().calls;
    const published = await review.publish({
      projectKey: info.projectKey,
      projectName: 'Large project',
      siteBaseUrl: 'https://example.atlassian.net',
      generatedAt: '2026-11-26T12:00:00.000Z',
      reviewDate: '2026-11-26',
      periodStart: '2026-01-01',
      kpis: [],
      maturity: [],
      scopeChanges: [],
      risks: [],
      customerSatisfactionKpiIds: [],
      spaceKey: 'SMS',
      parentId: '65537',
    });
    const publishCalls = emulator.stats().calls - beforePublish;
    const publishLower = publishCallsLowerBound(cycleIssues);
    emit({
      name: 'review.publish.calls',
      value: publishCalls,
      unit: 'calls',
      bound: publishLower.total + 6,
      lowerBound: publishLower.total,
      lowerBoundParts: publishLower,
      issuesRead: published.issuesRead,
      created: published.created,
      note: 'first publish (page created) through the one page upsert, which also checks the parent page; a resolver adds its permission check',
    });
  });
}
