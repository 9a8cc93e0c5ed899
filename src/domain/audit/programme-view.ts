/**
 * The audit programme as the Audit view shows it, from the audit cycle's Jira issues and the stored programme
 * data (process owners, published reviews): audits with their plan and sample, nonconformities at their stage with
 * their corrective actions, other findings, review outputs, and the figures with the JQL behind each. Pure: the
 * service reads the issues (one search), the stored data and the display names, then calls `programmeView`.
 */
import { z } from 'zod';
import { PROCESS_IDS, unitTitle } from '../assessment/assessment-units';
import { CLAUSES, getClause } from '../catalogue/catalogue';
import { type TracedFigure, andJql, keyListFigure, labelsJql, projectJql } from '../traced-figure';
import { FINDING_GRADE_LABELS, type FindingGrade, type StatusCategory } from '../vocabulary';
import { type AuditPlan, type ProcessOwner, auditedClauses } from './audit-programme';
import {
  type CorrectiveAction,
  type Nonconformity,
  type NonconformityStage,
  NONCONFORMITY_STAGE_LABELS,
  countNonconformities,
  isNonconformityGrade,
  nonconformityState,
} from './nonconformity';
import { AUDIT_LABEL } from './review-data';
import { REVIEW_ACTION_LABEL } from './review-pack';

/** One issue of the audit cycle as the programme reads it (the service reads it from Jira: `readCycleIssue`). */
export interface CycleIssue {
  issueKey: string;
  summary: string;
  labels: string[];
  statusCategory: StatusCategory;
  created: string;
  linkedKeys: string[];
  clauses: string[];
  grade: FindingGrade | undefined;
  plan: AuditPlan | null;
  sample: unknown;
  action: CorrectiveAction | null;
  /** The corrective-action label is on the issue but its record is missing or unreadable. */
  actionIncomplete: boolean;
  findingAuditKey: string | null;
}

/** A unit whose owner the independence rule reads: a clause-8 process, or `sms` (clauses 4–7, 9, 10). */
export interface ProcessOwnerView {
  unitId: string;
  title: string;
  /** accountId, or null when nobody is named. */
  owner: string | null;
}

export interface AuditSampleView {
  seed: string;
  asOf: string;
  sizes: Record<string, number>;
  /** Issue keys drawn per clause. */
  clauses: Record<string, string[]>;
}

export interface AuditView {
  auditKey: string;
  summary: string;
  statusCategory: StatusCategory;
  /** Null when the issue's plan property is missing or unreadable. */
  plan: AuditPlan | null;
  /** Assessable clauses in scope (for the sample sizes and the finding form). */
  clauses: { clauseId: string; title: string }[];
  sample: AuditSampleView | null;
  findingKeys: string[];
}

export interface FindingRowView {
  issueKey: string;
  summary: string;
  grade: FindingGrade;
  gradeTitle: string;
  clauses: string[];
  auditKey: string | null;
  statusCategory: StatusCategory;
}

export interface CorrectiveActionView {
  issueKey: string;
  nonconformityKey: string;
  rootCause: string;
  action: string;
  dueDate: string;
  statusCategory: StatusCategory;
  verification: { effective: boolean; verifiedAt: string; verifiedBy: string; note: string } | null;
  overdue: boolean;
}

export interface NonconformityView extends FindingRowView {
  stage: NonconformityStage;
  stageTitle: string;
  open: boolean;
  actions: CorrectiveActionView[];
}

export interface ReviewOutputView {
  issueKey: string;
  summary: string;
  statusCategory: StatusCategory;
}

export interface ReviewPublicationView {
  reviewDate: string;
  pageId: string;
  title: string;
  pagePath: string;
  publishedAt: string;
}

export interface AuditProgrammeView {
  /** Version of the stored programme data (process owners), for the next save. */
  version: number;
  today: string;
  owners: ProcessOwnerView[];
  /** What an audit's scope can name: the clause-8 processes and the clauses of the other sections. */
  scopeOptions: { processes: { id: string; title: string }[]; clauses: { id: string; title: string }[] };
  audits: AuditView[];
  nonconformities: NonconformityView[];
  /** Observations and opportunities for improvement. */
  otherFindings: FindingRowView[];
  /** Corrective-action issues whose record is missing or unreadable (never counted as verified). */
  incompleteActionKeys: string[];
  reviewOutputs: ReviewOutputView[];
  reviews: ReviewPublicationView[];
  figures: {
    audits: TracedFigure;
    openMajor: TracedFigure;
    openMinor: TracedFigure;
    unverifiedActions: TracedFigure;
    overdueActions: TracedFigure;
    withoutAction: TracedFigure;
  };
  /** accountId → display name of the people the view names (owners, auditors, verifiers). */
  people: Readonly<Record<string, string>>;
}

/** The programme data the app stores itself (AuditRepository): process owners and published reviews. */
export interface StoredProgramme {
  version: number;
  owners: readonly ProcessOwner[];
  reviews: ReviewPublicationView[];
}

/** The ISO date (UTC) of `now`. */
export const isoDay = (now: Date): string => now.toISOString().slice(0, 10);

/** Nonconformities and corrective actions among the cycle's issues (the domain lifecycle's inputs). */
export function lifecycleInputs(issues: readonly CycleIssue[]): { nonconformities: Nonconformity[]; actions: CorrectiveAction[]; incompleteActionKeys: string[] } {
  const audits = new Set(issues.filter((i) => i.plan !== null).map((i) => i.issueKey));
  const nonconformities = issues.flatMap((i): Nonconformity[] => {
    if (!isNonconformityGrade(i.grade)) return [];
    const auditKey = i.findingAuditKey ?? i.linkedKeys.find((k) => audits.has(k));
    return [{ issueKey: i.issueKey, summary: i.summary, grade: i.grade, clauses: i.clauses, ...(auditKey !== undefined ? { auditKey } : {}) }];
  });
  return {
    nonconformities,
    actions: issues.flatMap((i) => (i.action === null ? [] : [i.action])),
    incompleteActionKeys: issues.filter((i) => i.actionIncomplete).map((i) => i.issueKey),
  };
}

/** The accountIds the programme view names: process owners, auditors, verifiers (each once). */
export function programmePeopleIds(issues: readonly CycleIssue[], owners: readonly ProcessOwner[]): string[] {
  return [
    ...new Set([
      ...owners.map((o) => o.owner),
      ...issues.flatMap((i) => (i.plan === null ? [] : [i.plan.auditor])),
      ...issues.flatMap((i) => (i.action?.verification ? [i.action.verification.verifiedBy] : [])),
    ]),
  ];
}

function ownerRows(owners: readonly ProcessOwner[]): ProcessOwnerView[] {
  const byUnit = new Map(owners.map((o) => [o.unitId, o.owner] as const));
  return [
    { unitId: 'sms', title: 'The SMS as a whole (clauses 4–7, 9, 10)', owner: byUnit.get('sms') ?? null },
    ...PROCESS_IDS.map((id) => ({ unitId: id, title: `${id} ${unitTitle(id)}`, owner: byUnit.get(id) ?? null })),
  ];
}

const sampleViewSchema = z.object({ seed: z.string(), asOf: z.string(), sizes: z.record(z.string(), z.number()), clauses: z.record(z.string(), z.array(z.string())) });

function findingRow(i: CycleIssue, audits: ReadonlySet<string>): FindingRowView | undefined {
  if (i.grade === undefined) return undefined;
  return {
    issueKey: i.issueKey,
    summary: i.summary,
    grade: i.grade,
    gradeTitle: FINDING_GRADE_LABELS[i.grade],
    clauses: i.clauses,
    auditKey: i.findingAuditKey ?? i.linkedKeys.find((k) => audits.has(k)) ?? null,
    statusCategory: i.statusCategory,
  };
}

/** The programme view from the cycle's issues, the stored programme data and the display names. */
export function programmeView(projectKey: string, issues: readonly CycleIssue[], stored: StoredProgramme, now: Date, people: Readonly<Record<string, string>>): AuditProgrammeView {
  const day = isoDay(now);
  const auditIssues = issues.filter((i) => i.labels.some((l) => l.toLowerCase() === AUDIT_LABEL));
  const auditKeys = new Set(auditIssues.map((i) => i.issueKey));
  const audits: AuditView[] = auditIssues.map((a) => {
    const sample = sampleViewSchema.safeParse(a.sample);
    return {
      auditKey: a.issueKey,
      summary: a.summary,
      statusCategory: a.statusCategory,
      plan: a.plan,
      clauses: a.plan === null ? [] : auditedClauses(a.plan.scope).map((id) => ({ clauseId: id, title: getClause(id)?.title ?? id })),
      sample: sample.success ? sample.data : null,
      findingKeys: issues.filter((i) => i.grade !== undefined && (i.findingAuditKey === a.issueKey || i.linkedKeys.includes(a.issueKey))).map((i) => i.issueKey),
    };
  });
  const { nonconformities, actions, incompleteActionKeys } = lifecycleInputs(issues);
  const actionView = (a: (typeof actions)[number]): CorrectiveActionView => ({
    issueKey: a.issueKey,
    nonconformityKey: a.nonconformityKey,
    rootCause: a.rootCause,
    action: a.action,
    dueDate: a.dueDate,
    statusCategory: a.statusCategory,
    verification: a.verification,
    overdue: a.verification === null && a.dueDate < day,
  });
  const ncViews: NonconformityView[] = nonconformities.flatMap((nc) => {
    const issue = issues.find((i) => i.issueKey === nc.issueKey);
    const row = issue === undefined ? undefined : findingRow(issue, auditKeys);
    if (row === undefined) return [];
    const state = nonconformityState(nc, actions, day);
    return [{ ...row, stage: state.stage, stageTitle: NONCONFORMITY_STAGE_LABELS[state.stage], open: state.open, actions: state.actions.map(actionView) }];
  });
  const otherFindings = issues.flatMap((i) => (isNonconformityGrade(i.grade) ? [] : (findingRow(i, auditKeys) ?? [])));
  const counts = countNonconformities(projectKey, nonconformities, actions, day);
  const auditJql = andJql(projectJql(projectKey), labelsJql([AUDIT_LABEL]));
  return {
    version: stored.version,
    today: day,
    owners: ownerRows(stored.owners),
    scopeOptions: {
      processes: PROCESS_IDS.map((id) => ({ id, title: unitTitle(id) })),
      clauses: CLAUSES.filter((c) => c.depth === 2 && !c.id.startsWith('8.')).map((c) => ({ id: c.id, title: c.title })),
    },
    audits,
    nonconformities: ncViews,
    otherFindings,
    incompleteActionKeys,
    reviewOutputs: issues.filter((i) => i.labels.some((l) => l.toLowerCase() === REVIEW_ACTION_LABEL)).map((i) => ({ issueKey: i.issueKey, summary: i.summary, statusCategory: i.statusCategory })),
    reviews: stored.reviews,
    figures: { audits: keyListFigure('Audits planned', projectKey, audits.map((a) => a.auditKey), auditJql), ...counts },
    people,
  };
}
