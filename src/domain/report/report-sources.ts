/**
 * From what the app reads to what the gap analysis and the gap report take, pure: one searched issue as the
 * report reads it (its role by the evidence rule, src/domain/gap/issue-roles.ts), the analysis input, the
 * maturity rows and the report input. src/services/gap-report.service.ts does the reading.
 */
import { z } from 'zod';
import { isProcessId } from '../assessment/assessment-units';
import type { UnitAssessment } from '../assessment/assessment';
import { unitSummary } from '../assessment/unit-summary';
import { NC_CLOSURE_PROPERTY_KEY, isClosureVerified } from '../audit/audit-cycle';
import { PLAN_ITEM_PROPERTY_KEY, planItemPropertySchema, type PlanItemProperty } from '../epics/plan-item-property';
import {
  type ClauseEvidenceSample,
  type ClauseMaturityGap,
  type ClauseRecord,
  type Evidence,
  type Finding,
  type GapAnalysis,
  type GapAnalysisInput,
  type GapSnapshot,
  type PlannedWork,
  type StatusCategory,
  findingsFromIssue,
  issueRole,
  statusCategoryOf,
} from '../gap';
import { epicCoverage, phaseProgress } from '../gap/plan-progress';
import { MAPPING_PROPERTY_KEY, readMapping } from '../mapping/mapping-property';
import type { Plan } from '../planning';
import type { ChallengeRegisterRow, GapReportInput, ReadinessMacroRef, ReportMaturityRow } from './report-input';

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

/** A searched issue: its key, the fields and the issue properties the search asked for. */
export interface SearchedIssue {
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

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

export function readReportIssue(issue: SearchedIssue): ReportIssue {
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
    effectivenessVerified: isClosureVerified(issue.properties[NC_CLOSURE_PROPERTY_KEY]),
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

/** What the app read for one project's report (the stored plan record carries the plan as `plan`). */
export interface ReportSources {
  issues: readonly ReportIssue[];
  scope: { statement: string; version: number } | undefined;
  maturity: { rows: ReportMaturityRow[]; gaps: ClauseMaturityGap[] } | undefined;
  plan: { plan: Plan } | undefined;
  /** The challenge register (Initiation tab); undefined = not filled in, the report lists the four challenges as open. */
  challenges: ChallengeRegisterRow[] | undefined;
  /** Set when the project was read clause by clause: the facts beyond each clause's newest page. */
  evidenceSamples?: ClauseEvidenceSample[];
  /** Set with evidenceSamples: Jira's approximate count of the project's evidence. */
  evidenceTotal?: { count: number; approximate: boolean };
}

/** The gap analysis input: the clause records, and evidence, planned work and findings by the evidence rule. */
export function gapAnalysisInput(sources: ReportSources, records: readonly ClauseRecord[]): GapAnalysisInput {
  const epics = epicCoverage(sources.plan?.plan, sources.issues);
  return {
    records: [...records],
    evidence: sources.issues.flatMap((i) => (i.evidence ? [i.evidence] : [])),
    plannedWork: plannedWorkWithEpics(sources.issues),
    findings: sources.issues.flatMap((i) => i.findings),
    maturityGaps: sources.maturity?.gaps ?? [],
    ...(sources.evidenceSamples !== undefined ? { evidenceSamples: sources.evidenceSamples } : {}),
    ...(sources.evidenceTotal !== undefined ? { evidenceTotal: sources.evidenceTotal } : {}),
    ...(epics ? { epics } : {}),
  };
}

/** The report's maturity rows (assessed units only) and the clause gaps of the assessed processes; undefined when none is assessed. */
export function maturityOfUnits(units: readonly UnitAssessment[]): ReportSources['maturity'] {
  const rows: ReportMaturityRow[] = [];
  const gaps: ClauseMaturityGap[] = [];
  for (const unit of units) {
    const s = unitSummary(unit);
    if (s.assessedElements === 0) continue;
    rows.push({ unitId: unit.unitId, unitName: s.title, current: s.currentLevel, target: s.targetLevel });
    if (isProcessId(unit.unitId)) gaps.push({ clauseId: unit.unitId, unitName: s.title, current: s.currentLevel, target: s.targetLevel });
  }
  return rows.length === 0 ? undefined : { rows, gaps };
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

/** The pure report's input from the sources and their analysis. */
export function toReportInput(data: ReportSources, gaps: GapAnalysis, ctx: ReportInputContext): GapReportInput {
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
