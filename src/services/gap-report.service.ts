/**
 * Gathers everything the gap analysis and the gap report need for one project, and turns it into the pure
 * domain's inputs (src/domain/gap, src/domain/report).
 *
 * Jira: ONE paged `search/jql` over the project's issues that carry a clause mapping (the `smsClause` alias
 * the manifest indexes on `sms-navigator-mapping.clauses`) or are epics of the phase plan (the
 * `sms-navigator-plan-item` property). Only `summary`, `status`, `updated` and `labels` are asked for, plus the
 * two properties. The same pages give the evidence, the planned work (mapped issues carrying the plan-item
 * property: never evidence, see src/domain/gap/issue-roles.ts), the audit findings (mapped issues with a finding
 * label, see src/domain/gap/finding-labels.ts), the phase progress (work items by phase) and which processes have an epic —
 * no second search.
 *
 * Storage: clause records (this feature), and, when present, the scope, the maturity assessment and the plan
 * and the challenge register (other tabs). Each missing part gives a clear empty state in the report instead of failing.
 */
import type { NameLookup } from './user-names.service';
import { PLAN_ITEM_PROPERTY_KEY } from '../domain/epics/plan-item-property';
import { type GapAnalysis, analyseGaps, ageInDays, type ClauseEvidenceSample } from '../domain/gap';
import { REPORT_DEFAULTS } from '../domain/report';
import { gapAnalysisInput, maturityOfUnits, readReportIssue, type ReportIssue, type ReportSources } from '../domain/report/report-sources';
import { generateScopeStatement } from '../domain/scope/scope-statement';
import type { JiraClient } from '../jira/jira-client';
import type { ClauseRecordRepository, StoredClauseRecord } from '../storage/clause-record-repository';
import { toClauseRecord } from '../storage/clause-record-repository';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { PlanRepository, PlanRecord } from '../storage/plan-repository';
import type { ScopeRepository } from '../storage/scope-repository';
import type { InitiationRepository } from '../storage/initiation-repository';
import { MAPPING_PROPERTY_KEY } from '../domain/mapping/mapping-property';
import { evidenceFactJql, evidenceIssuesWhere, openFindingsJql, planItemsJql, projectEvidenceWhere, reportIssuesJql } from '../domain/issue-index';
import { CLAUSES } from '../domain/catalogue/catalogue';
import { NC_CLOSURE_PROPERTY_KEY } from '../domain/audit/audit-cycle';

export { reportIssuesJql };

/** Evidence not updated for longer than this is flagged as stale. */
export const DEFAULT_MAX_EVIDENCE_AGE_DAYS = 180;
/** Issues per search page (Jira gives at most 100 when fields other than id/key are asked for). */
export const SEARCH_PAGE_SIZE = 100;
/** `project` gives the project's name to the publish job with the pages it reads anyway (no separate project call). */
export const EVIDENCE_FIELDS = ['summary', 'status', 'updated', 'labels', 'assignee', 'project'] as const;
/** NC_CLOSURE_PROPERTY_KEY: a nonconformity stays open until a corrective action on it is verified (isFindingOpen). */
export const EVIDENCE_PROPERTIES = [MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY, NC_CLOSURE_PROPERTY_KEY] as const;


/** Assessable clauses: one evidence search each when a project is read clause by clause. */
const ASSESSABLE_CLAUSE_IDS: readonly string[] = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
/** Evidence issues read per clause when read clause by clause: the cards the report lists. */
export const EVIDENCE_CARDS_PER_CLAUSE = REPORT_DEFAULTS.maxEvidencePerClause;
/**
 * Up to this many evidence issues the report reads every mapped issue (exact); beyond, clause by clause. The
 * point where a full read needs more search pages than the clause-by-clause read has clauses.
 */
export const FULL_READ_LIMIT = ASSESSABLE_CLAUSE_IDS.length * SEARCH_PAGE_SIZE;
/** Searches in flight at once when reading clause by clause (well under Jira's per-endpoint burst limits). */
export const CLAUSE_READ_CONCURRENCY = 4;

/** Runs `work` over `items` with at most `limit` in flight; the first failure rejects (the others finish first). */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async (): Promise<void> => {
    while (next < items.length && errors.length === 0) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (e) {
        errors.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

export interface CollectOptions {
  /** 'user' in resolvers; 'app' in the publish job (after the resolver checked the user). */
  as: 'user' | 'app';
  /** Stop reading after this many issues (the in-app view); undefined = read all (publishing). */
  maxIssues?: number;
  /** Stop reading when this time (ms since epoch) has passed; undefined = no deadline. */
  deadline?: number;
  /** Called after every search page. */
  onPage?: (page: { pages: number; issues: number }) => Promise<void> | void;
}

/** The report's sources (src/domain/report/report-sources.ts) as read, with the read's own figures. */
export interface CollectedGapData extends ReportSources {
  issues: ReportIssue[];
  searchPages: number;
  /** Set when the project was read clause by clause (collectForReport); see ReportSources. */
  evidenceSamples?: ClauseEvidenceSample[];
  /** Product calls of the Jira reads (search pages, counts, existence searches). */
  jiraCalls?: number;
  truncated: boolean;
  records: StoredClauseRecord[];
  plan: PlanRecord | undefined;
}

export interface GapReportServiceOptions {
  maxEvidenceAgeDays?: number;
  /** Evidence issues up to which the report reads every mapped issue (default FULL_READ_LIMIT). */
  fullReadLimit?: number;
}

/** What the gap analysis reads: Jira (one paged search) and the stored data of the other tabs. */
export interface GapReportDeps {
  jira: Pick<JiraClient, 'searchJql' | 'approximateCount' | 'anyIssueMatches'>;
  clauseRecords: ClauseRecordRepository;
  scopes: ScopeRepository;
  assessments: AssessmentRepository;
  plans: PlanRepository;
  initiationRecords: InitiationRepository;
  now: () => Date;
  /** Display names of the challenge owners (stored as account ids); without it the report shows the ids. */
  names?: NameLookup;
}

export class GapReportService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: GapReportDeps,
    private readonly opts: GapReportServiceOptions = {},
  ) {
    this.now = deps.now;
  }

  get maxEvidenceAgeDays(): number {
    return this.opts.maxEvidenceAgeDays ?? DEFAULT_MAX_EVIDENCE_AGE_DAYS;
  }

  /** Reads the project's mapped issues (one paged search) and the stored data of the other tabs. */
  async collect(projectId: string, options: CollectOptions): Promise<CollectedGapData> {
    const [records, scope, maturity, plan, challenges] = await this.readStored(projectId);
    const issues: ReportIssue[] = [];
    let searchPages = 0;
    let truncated = false;
    let nextPageToken: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.deps.jira.searchJql(reportIssuesJql(projectId), {
        as: options.as,
        fields: [...EVIDENCE_FIELDS],
        properties: [...EVIDENCE_PROPERTIES],
        maxResults: SEARCH_PAGE_SIZE,
        ...(nextPageToken !== undefined ? { nextPageToken } : {}),
      });
      searchPages += 1;
      for (const issue of page.issues) issues.push(readReportIssue(issue));
      await options.onPage?.({ pages: searchPages, issues: issues.length });
      if (page.isLast || page.nextPageToken === undefined || seen.has(page.nextPageToken)) break;
      const full = options.maxIssues !== undefined && issues.length >= options.maxIssues;
      const late = options.deadline !== undefined && Date.now() >= options.deadline;
      if (full || late) {
        truncated = true;
        break;
      }
      seen.add(page.nextPageToken);
      nextPageToken = page.nextPageToken;
    }
    return { issues, searchPages, truncated, records, scope, maturity, plan, challenges };
  }

  /**
   * The project's issues as the published report needs them, within Jira's hourly points quota at any size.
   *
   * One approximate count of the project's evidence decides the read (2 points). Up to FULL_READ_LIMIT issues
   * (no more search pages than one search per assessable clause) every mapped issue is read, as `collect` does:
   * all figures exact. Beyond it, reading every issue would cost one point per issue (100,000 issues: over
   * 101,000 points against a quota of 65,000 an hour), so the project is read clause by clause:
   * - per assessable clause, its newest REPORT_DEFAULTS.maxEvidencePerClause evidence issues (one search page);
   *   when that page is the whole evidence, the clause is exact as before;
   * - otherwise the two readiness facts (some evidence done; some not done or done but stale) are settled exactly,
   *   by the listed issues or else by an id-only existence search of one issue, and the clause's total and stale
   *   counts are Jira's approximate counts, shown as such ("about");
   * - the plan's items (planned work and epics) and the open audit findings: one paged search each (both small).
   * Readiness thus stays exact; only the "how many" figures beyond the listed page are approximate.
   */
  async collectForReport(projectId: string, options: Omit<CollectOptions, 'maxIssues'>): Promise<CollectedGapData> {
    const jira = this.deps.jira;
    const as = options.as;
    let calls = 1;
    const total = await jira.approximateCount(projectEvidenceWhere(projectId), { as });
    if (total <= (this.opts.fullReadLimit ?? FULL_READ_LIMIT)) {
      const data = await this.collect(projectId, options);
      return { ...data, jiraCalls: calls + data.searchPages };
    }
    const [records, scope, maturity, plan, challenges] = await this.readStored(projectId);
    const readAll = async (jql: string): Promise<ReportIssue[]> => {
      const out: ReportIssue[] = [];
      let token: string | undefined;
      const seen = new Set<string>();
      for (;;) {
        const page = await jira.searchJql(jql, { as, fields: [...EVIDENCE_FIELDS], properties: [...EVIDENCE_PROPERTIES], maxResults: SEARCH_PAGE_SIZE, ...(token !== undefined ? { nextPageToken: token } : {}) });
        calls += 1;
        out.push(...page.issues.map(readReportIssue));
        if (page.isLast || page.nextPageToken === undefined || seen.has(page.nextPageToken)) return out;
        seen.add(page.nextPageToken);
        token = page.nextPageToken;
      }
    };
    const [planItems, findings] = await Promise.all([readAll(planItemsJql(projectId)), readAll(openFindingsJql(projectId))]);
    const now = this.now();
    const maxAge = this.maxEvidenceAgeDays;
    const samples: ClauseEvidenceSample[] = [];
    const evidenceIssues: ReportIssue[] = [];
    let done = 0;
    await forEachLimited(ASSESSABLE_CLAUSE_IDS, CLAUSE_READ_CONCURRENCY, async (clauseId) => {
      const where = evidenceIssuesWhere(projectId, clauseId);
      const page = await jira.searchJql(`${where} ORDER BY updated DESC, key DESC`, {
        as,
        fields: [...EVIDENCE_FIELDS],
        properties: [MAPPING_PROPERTY_KEY],
        maxResults: EVIDENCE_CARDS_PER_CLAUSE,
      });
      calls += 1;
      // The JQL already applied the evidence rule; each listed issue is evidence of this clause.
      const listed = page.issues.map(readReportIssue).flatMap((i) => (i.evidence ? [{ ...i, evidence: { ...i.evidence, clauses: [clauseId] } }] : []));
      evidenceIssues.push(...listed);
      if (!page.isLast) {
        const isStale = (updated: string): boolean => ageInDays(updated, now) > maxAge;
        const seenDone = listed.some((i) => i.evidence?.statusCategory === 'done');
        const seenOpenOrStale = listed.some((i) => i.evidence !== undefined && (i.evidence.statusCategory !== 'done' || isStale(i.evidence.updated)));
        const exists = async (jql: string): Promise<boolean> => {
          calls += 1;
          return jira.anyIssueMatches(jql, { as });
        };
        const count = async (jql: string): Promise<number> => {
          calls += 1;
          return jira.approximateCount(jql, { as });
        };
        const [approxTotal, approxStale, anyDone, anyOpenOrStaleDone] = await Promise.all([
          count(where),
          count(evidenceFactJql(projectId, clauseId, 'stale', maxAge)),
          seenDone ? true : exists(evidenceFactJql(projectId, clauseId, 'done', maxAge)),
          seenOpenOrStale ? true : exists(evidenceFactJql(projectId, clauseId, 'openOrStaleDone', maxAge)),
        ]);
        samples.push({ clauseId, approxTotal, approxStale, anyDone, anyOpenOrStaleDone });
      }
      done += 1;
      if (done % 10 === 0 || done === ASSESSABLE_CLAUSE_IDS.length) await options.onPage?.({ pages: calls, issues: evidenceIssues.length });
    });
    const byKey = new Map<string, ReportIssue>();
    for (const i of [...planItems, ...findings]) byKey.set(i.key, i);
    return {
      issues: [...evidenceIssues, ...byKey.values()],
      searchPages: calls - 1,
      truncated: false,
      records,
      scope,
      maturity,
      plan,
      challenges,
      evidenceSamples: samples,
      evidenceTotal: { count: total, approximate: true },
      jiraCalls: calls,
    };
  }

  analyse(data: CollectedGapData): GapAnalysis {
    return analyseGaps(gapAnalysisInput(data, data.records.map(toClauseRecord)), { now: this.now(), maxEvidenceAgeDays: this.maxEvidenceAgeDays });
  }

  /** The stored data of the other tabs the report reads. */
  private readStored(projectId: string) {
    return Promise.all([
      this.deps.clauseRecords.list(projectId),
      this.readScope(projectId),
      this.readMaturity(projectId),
      this.deps.plans.get(projectId),
      this.deps.initiationRecords.challengeRowsForReport(projectId, this.deps.names),
    ] as const);
  }

  private async readScope(projectId: string): Promise<CollectedGapData['scope']> {
    const current = await this.deps.scopes.getCurrent(projectId);
    return current === undefined ? undefined : { statement: generateScopeStatement(current.scope), version: current.version };
  }

  private async readMaturity(projectId: string): Promise<CollectedGapData['maturity']> {
    const stored = await this.deps.assessments.getAll(projectId);
    return maturityOfUnits(Object.values(stored.records).flatMap((r) => (r ? [r.unit] : [])));
  }
}
