/**
 * Draws an audit's evidence sample from Jira and records it in the audit issue.
 *
 * Product calls, and why this is the fewest (see bench/audit.bench.ts for the bound):
 * - The sample needs, for every mapped issue, its clauses, its status category and its age, and whether it is
 *   evidence at all. Reading the issues would cost one search page per 100 issues (Jira's page size when fields
 *   or properties are asked for). Instead the app asks id-only searches (up to 5,000 keys a page), each a set the
 *   issue is in or not: one per audited clause, two for the status category (To Do, In Progress; the rest is
 *   Done), three for the age (the first three buckets; the rest is the oldest), one for findings and one for the
 *   plan's work items (never evidence). Strata are status × age, so 2 + 3 searches place every issue.
 * - One write: the audit issue's description (plan, sample, checklist per clause) and the sample as an issue
 *   property, in the same PUT.
 * The independence rule and the request are checked before the first call: a refused sample costs nothing.
 * All JQL is the app's own, built in src/domain/audit/sampling.ts with escapeJqlString.
 */
import { assertFitsValueLimit } from '../domain/assessment/record-size';
import {
  type AuditPlan,
  type AuditSample,
  type ClauseChecklist,
  type ProcessOwner,
  type SampleRequest,
  type SamplingHits,
  assertAuditorIndependent,
  assertSampleSizesFit,
  auditChecklist,
  auditIssueAdf,
  candidatesFromHits,
  drawAuditSample,
  sampleRequestSchema,
  samplingQueries,
} from '../domain/audit';
import type { JiraClient } from '../jira/jira-client';
import { assertValidAdf } from './adf-validation';

/** Issue property holding the drawn sample (seed, date, sizes, keys per clause) on the audit issue. */
export const AUDIT_SAMPLE_PROPERTY_KEY = 'sms-navigator-audit-sample';
/** Jira's largest page for a search that asks for keys only. */
export const KEY_ONLY_PAGE_SIZE = 5000;
/** Jira's limit for one entity property value. */
export const ISSUE_PROPERTY_MAX_BYTES = 32_768;
/** Searches run at the same time. */
const SEARCH_CONCURRENCY = 4;

export interface DrawSampleInput {
  projectKey: string;
  /** Trusted site URL (links in the description). */
  siteBaseUrl: string;
  auditIssueKey: string;
  plan: AuditPlan;
  owners: readonly ProcessOwner[];
  request: SampleRequest;
}

export interface DrawSampleResult {
  sample: AuditSample;
  checklist: ClauseChecklist[];
  /** Searches run (each is one request unless it finds more than KEY_ONLY_PAGE_SIZE issues). */
  searches: number;
}

export interface AuditSamplingServiceOptions {
  /** 'user' in a resolver, 'app' in a job (after the resolver checked the user). */
  as: 'user' | 'app';
}

/** The sample as stored on the audit issue: enough to show it and to check it can be drawn again. */
export function sampleProperty(sample: AuditSample, request: SampleRequest): Record<string, unknown> {
  return { seed: sample.seed, asOf: sample.asOf, sizes: request.sizes, clauses: Object.fromEntries(sample.clauses.map((c) => [c.clauseId, c.issueKeys])) };
}

export class AuditSamplingService {
  private readonly jira: JiraClient;

  constructor(
    deps: { jira: JiraClient },
    private readonly opts: AuditSamplingServiceOptions,
  ) {
    this.jira = deps.jira;
  }

  /** Checks the request, draws the sample, writes it to the audit issue. VALIDATION_FAILED before any call when refused. */
  async drawAndRecord(input: DrawSampleInput): Promise<DrawSampleResult> {
    const request = sampleRequestSchema.parse(input.request);
    assertAuditorIndependent(input.plan, input.owners);
    assertSampleSizesFit(input.plan.scope, request.sizes);

    const { hits, searches } = await this.searchPopulation(input.projectKey, Object.keys(request.sizes), request.asOf);
    const sample = drawAuditSample(input.projectKey, candidatesFromHits(hits), request);
    const checklist = auditChecklist(input.plan, sample);
    const description = auditIssueAdf(input.siteBaseUrl, input.plan, sample, checklist);
    assertValidAdf(description, `The description of audit ${input.auditIssueKey}`);
    const property = sampleProperty(sample, request);
    assertFitsValueLimit(property, 'The audit sample', ISSUE_PROPERTY_MAX_BYTES);
    await this.jira.editIssue(
      input.auditIssueKey,
      { fields: { description }, properties: [{ key: AUDIT_SAMPLE_PROPERTY_KEY, value: property }] },
      { as: this.opts.as },
    );
    return { sample, checklist, searches };
  }

  /** Runs the id-only searches of samplingQueries, a few at a time. */
  private async searchPopulation(projectKey: string, clauseIds: readonly string[], asOf: string): Promise<{ hits: SamplingHits; searches: number }> {
    const queries = samplingQueries(projectKey, clauseIds, asOf);
    const keysOf = async (jql: string): Promise<string[]> => {
      const keys: string[] = [];
      for await (const issue of this.jira.searchJqlAll(jql, { as: this.opts.as, fields: ['key'], pageSize: KEY_ONLY_PAGE_SIZE })) keys.push(issue.key);
      return keys;
    };
    const jobs: { id: string; jql: string }[] = [
      ...Object.entries(queries.clauses).map(([id, jql]) => ({ id: `clause:${id}`, jql })),
      ...queries.statuses.map((s) => ({ id: `status:${s.statusCategory}`, jql: s.jql })),
      ...queries.ages.map((a) => ({ id: `age:${a.ageBucket}`, jql: a.jql })),
      { id: 'findings', jql: queries.findings },
      { id: 'planned', jql: queries.plannedWork },
    ];
    const found = new Map<string, string[]>();
    for (let i = 0; i < jobs.length; i += SEARCH_CONCURRENCY) {
      const batch = jobs.slice(i, i + SEARCH_CONCURRENCY);
      const results = await Promise.all(batch.map((j) => keysOf(j.jql)));
      batch.forEach((j, n) => found.set(j.id, results[n] ?? []));
    }
    const get = (id: string): string[] => found.get(id) ?? [];
    return {
      searches: jobs.length,
      hits: {
        clauses: Object.fromEntries(Object.keys(queries.clauses).map((id) => [id, get(`clause:${id}`)])),
        statuses: queries.statuses.map((s) => ({ statusCategory: s.statusCategory, keys: get(`status:${s.statusCategory}`) })),
        ages: queries.ages.map((a) => ({ ageBucket: a.ageBucket, keys: get(`age:${a.ageBucket}`) })),
        findings: get('findings'),
        plannedWork: get('planned'),
      },
    };
  }
}
