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
import { z } from 'zod';
import { unitSummary } from '../domain/assessment/unit-summary';
import { type AssessmentUnitId, isProcessId } from '../domain/assessment/assessment-units';
import { PLAN_ITEM_PROPERTY_KEY, planItemPropertySchema, type PlanItemProperty } from '../domain/epics/plan-item-property';
import {
  type ClauseMaturityGap,
  type EpicCoverage,
  type Evidence,
  type Finding,
  type GapAnalysis,
  type GapSnapshot,
  type PlannedWork,
  statusCategoryOf,
  type StatusCategory,
  analyseGaps,
  findingsFromIssue,
  issueRole,
} from '../domain/gap';
import { type ChallengeRegisterRow, type GapReportInput, type ReadinessMacroRef, type ReportMaturityRow } from '../domain/report';
import { generateScopeStatement } from '../domain/scope/scope-statement';
import type { JiraClient, JiraIssue } from '../jira/jira-client';
import type { ClauseRecordRepository, StoredClauseRecord } from '../storage/clause-record-repository';
import { toClauseRecord } from '../storage/clause-record-repository';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { PlanRepository, PlanRecord } from '../storage/plan-repository';
import type { ScopeRepository } from '../storage/scope-repository';
import type { InitiationRepository } from '../storage/initiation-repository';
import { MAPPING_PROPERTY_KEY, readMapping } from '../domain/mapping/mapping-property';
import { reportIssuesJql } from '../domain/issue-index';
import { epicCoverage, phaseProgress } from '../domain/gap/plan-progress';
import { NC_CLOSURE_PROPERTY_KEY, ncClosureSchema } from '../domain/audit/audit-cycle';

const withEpics = (epics: EpicCoverage | undefined): { epics?: EpicCoverage } => (epics ? { epics } : {});

export { reportIssuesJql };

/** Evidence not updated for longer than this is flagged as stale. */
export const DEFAULT_MAX_EVIDENCE_AGE_DAYS = 180;
/** Issues per search page (Jira gives at most 100 when fields other than id/key are asked for). */
export const SEARCH_PAGE_SIZE = 100;
/** `project` gives the project's name to the publish job with the pages it reads anyway (no separate project call). */
export const EVIDENCE_FIELDS = ['summary', 'status', 'updated', 'labels', 'assignee', 'project'] as const;
/** NC_CLOSURE_PROPERTY_KEY: a nonconformity stays open until a corrective action on it is verified (isFindingOpen). */
export const EVIDENCE_PROPERTIES = [MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY, NC_CLOSURE_PROPERTY_KEY] as const;

const issueFieldsSchema = z.looseObject({
  summary: z.string().catch(''),
  updated: z.string().catch(''),
  labels: z.array(z.string()).catch([]).optional(),
  assignee: z.looseObject({ displayName: z.string() }).nullable().optional().catch(undefined),
  project: z.looseObject({ name: z.string() }).optional().catch(undefined),
  status: z
    .looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() })
    .nullable()
    .optional()
    .catch(undefined),
});

/** One searched issue as the report reads it (its role by the evidence rule, src/domain/gap/issue-roles.ts). */
export interface ReportIssue {
  /** Undefined unless the issue is mapped and neither an audit finding nor planned work. */
  evidence: Evidence | undefined;
  /** A mapped work item the plan created (implementation work, never evidence); undefined otherwise. */
  plannedWork: PlannedWork | undefined;
  /** One per mapped clause when the issue carries a finding label; empty otherwise. */
  findings: Finding[];
  planItem: PlanItemProperty | undefined;
  key: string;
  statusCategory: StatusCategory;
  /** The project's name as the search gave it. */
  projectName?: string;
}

export function readReportIssue(issue: JiraIssue): ReportIssue {
  const f = issueFieldsSchema.parse(issue.fields);
  const statusCategory = statusCategoryOf(f.status?.statusCategory?.key);
  const mapping = readMapping(issue.properties[MAPPING_PROPERTY_KEY]);
  const plan = planItemPropertySchema.safeParse(issue.properties[PLAN_ITEM_PROPERTY_KEY]);
  const findings = findingsFromIssue({
    issueKey: issue.key,
    summary: f.summary,
    labels: f.labels ?? [],
    statusCategory,
    clauses: mapping.mapped.map((m) => m.clauseId),
    effectivenessVerified: ncClosureSchema.safeParse(issue.properties[NC_CLOSURE_PROPERTY_KEY]).success,
  });
  const planItem = plan.success ? plan.data : undefined;
  const clauses = mapping.mapped.map((m) => m.clauseId);
  // Carrying the property at all makes it the plan's (even if another version of the app wrote it differently).
  const role = issueRole({ hasFindingLabel: findings.length > 0, isPlanItem: issue.properties[PLAN_ITEM_PROPERTY_KEY] !== undefined });
  const evidence: Evidence | undefined =
    clauses.length === 0 || role !== 'evidence'
      ? undefined
      : { issueKey: issue.key, summary: f.summary, statusCategory, updated: f.updated, kinds: [...new Set(mapping.mapped.map((m) => m.kind))], clauses };
  const plannedClauses = [...new Set([...clauses, ...(planItem?.clauseId ? [planItem.clauseId] : [])])];
  const plannedWork: PlannedWork | undefined =
    role === 'planned_work' && plannedClauses.length > 0
      ? { issueKey: issue.key, summary: f.summary, statusCategory, clauses: plannedClauses, ...(f.assignee?.displayName ? { assignee: f.assignee.displayName } : {}) }
      : undefined;
  return { evidence, plannedWork, findings, planItem, key: issue.key, statusCategory, ...(f.project?.name ? { projectName: f.project.name } : {}) };
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

export interface CollectedGapData {
  issues: ReportIssue[];
  searchPages: number;
  truncated: boolean;
  records: StoredClauseRecord[];
  scope: { statement: string; version: number } | undefined;
  maturity: { rows: ReportMaturityRow[]; gaps: ClauseMaturityGap[] } | undefined;
  plan: PlanRecord | undefined;
  /** The challenge register (Initiation tab); undefined = not filled in, the report lists the four challenges as open. */
  challenges: ChallengeRegisterRow[] | undefined;
}

export interface GapReportServiceOptions {
  maxEvidenceAgeDays?: number;
}

/** What the gap analysis reads: Jira (one paged search) and the stored data of the other tabs. */
export interface GapReportDeps {
  jira: Pick<JiraClient, 'searchJql'>;
  clauseRecords: ClauseRecordRepository;
  scopes: ScopeRepository;
  assessments: AssessmentRepository;
  plans: PlanRepository;
  initiationRecords: InitiationRepository;
  now: () => Date;
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
    const [records, scope, maturity, plan, challenges] = await Promise.all([
      this.deps.clauseRecords.list(projectId),
      this.readScope(projectId),
      this.readMaturity(projectId),
      this.deps.plans.get(projectId),
      this.deps.initiationRecords.challengeRowsForReport(projectId),
    ]);
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

  analyse(data: CollectedGapData): GapAnalysis {
    return analyseGaps(
      {
        records: data.records.map(toClauseRecord),
        evidence: data.issues.flatMap((i) => (i.evidence ? [i.evidence] : [])),
        plannedWork: plannedWorkWithEpics(data.issues),
        findings: data.issues.flatMap((i) => i.findings),
        maturityGaps: data.maturity?.gaps ?? [],
        ...withEpics(epicCoverage(data.plan?.plan, data.issues)),
      },
      { now: this.now(), maxEvidenceAgeDays: this.maxEvidenceAgeDays },
    );
  }

  private async readScope(projectId: string): Promise<CollectedGapData['scope']> {
    const current = await this.deps.scopes.getCurrent(projectId);
    return current === undefined ? undefined : { statement: generateScopeStatement(current.scope), version: current.version };
  }

  private async readMaturity(projectId: string): Promise<CollectedGapData['maturity']> {
    const stored = await this.deps.assessments.getAll(projectId);
    const rows: ReportMaturityRow[] = [];
    const gaps: ClauseMaturityGap[] = [];
    for (const unitId of Object.keys(stored.records) as AssessmentUnitId[]) {
      const unit = stored.records[unitId]?.unit;
      if (unit === undefined) continue;
      const s = unitSummary(unit);
      if (s.assessedElements === 0) continue;
      rows.push({ unitId, unitName: s.title, current: s.currentLevel, target: s.targetLevel });
      if (isProcessId(unitId)) gaps.push({ clauseId: unitId, unitName: s.title, current: s.currentLevel, target: s.targetLevel });
    }
    return rows.length === 0 ? undefined : { rows, gaps };
  }
}

/** The plan's work items, each with the key of its epic (the epic of the same phase and process subset) when the search found it. */
export function plannedWorkWithEpics(issues: readonly ReportIssue[]): PlannedWork[] {
  const epics = new Map<string, string>();
  for (const i of issues) if (i.planItem?.role === 'epic') epics.set(`${i.planItem.phaseId}/${i.planItem.subsetId}`, i.key);
  return issues.flatMap((i) => {
    if (i.plannedWork === undefined) return [];
    const epicKey = i.planItem !== undefined ? epics.get(`${i.planItem.phaseId}/${i.planItem.subsetId}`) : undefined;
    return [epicKey !== undefined ? { ...i.plannedWork, epicKey } : i.plannedWork];
  });
}

export interface ReportInputContext {
  siteBaseUrl: string;
  projectKey: string;
  projectName: string;
  previous: GapSnapshot | undefined;
  /** The readiness macro to place at the top of the page; absent in previews. */
  macro?: ReadinessMacroRef;
}

export const NO_SCOPE_STATEMENT = 'No scope has been saved yet. Define it on the Scope page of SMS Navigator; the next publish shows it here.';

/** The pure report's input from the collected data and its analysis. */
export function toReportInput(data: CollectedGapData, gaps: GapAnalysis, ctx: ReportInputContext): GapReportInput {
  return {
    siteBaseUrl: ctx.siteBaseUrl,
    projectKey: ctx.projectKey,
    projectName: ctx.projectName,
    generatedAt: gaps.generatedAt,
    scopeStatement: data.scope?.statement ?? NO_SCOPE_STATEMENT,
    ...(data.scope ? { scopeVersion: data.scope.version } : {}),
    gaps,
    maturity: data.maturity?.rows ?? [],
    phases: phaseProgress(data.plan?.plan, data.issues),
    ...(data.challenges !== undefined ? { challenges: data.challenges } : {}),
    ...(ctx.previous !== undefined ? { previous: ctx.previous } : {}),
    ...(ctx.macro !== undefined ? { macro: ctx.macro } : {}),
  };
}
