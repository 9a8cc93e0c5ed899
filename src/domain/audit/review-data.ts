/**
 * What the management review reads from Jira, in one search: the project's audit issues, findings, corrective
 * actions and review actions, all found by their labels, with their links and the app's issue properties. This
 * module names the labels and properties of the audit cycle and turns the searched issues into the review pack's
 * rows. Pure.
 */
import { type ClauseId } from '../catalogue/catalogue';
import { FINDING_LABELS, findingGradeOfLabels } from '../gap/finding-labels';
import { type StatusCategory } from '../gap/gap-model';
import { FINDING_GRADES, type FindingGrade } from '../vocabulary';
import { andJql, labelsJql, projectJql } from '../traced-figure';
import { auditPlanSchema, auditedClauses } from './audit-programme';
import { CORRECTIVE_ACTION_LABEL, type CorrectiveAction, type Nonconformity, correctiveActionRecordSchema, nonconformityFromIssue } from './nonconformity';
import { REVIEW_ACTION_LABEL, type ReviewAudit, type ReviewIssue } from './review-pack';

/** Label of an audit issue (the audit programme's audits are Jira issues). */
export const AUDIT_LABEL = 'sms-audit';
/** Issue property holding an audit issue's plan (auditPlanSchema). */
export const AUDIT_PLAN_PROPERTY_KEY = 'sms-navigator-audit';
/** Issue property holding a corrective action's record (correctiveActionRecordSchema). */
export const CORRECTIVE_ACTION_PROPERTY_KEY = 'sms-navigator-corrective-action';

/** The review's one search: every issue of the audit cycle in the project, by label. */
export function reviewSearchJql(projectKey: string): string {
  return andJql(projectJql(projectKey), labelsJql([AUDIT_LABEL, ...FINDING_GRADES.map((g) => FINDING_LABELS[g]), CORRECTIVE_ACTION_LABEL, REVIEW_ACTION_LABEL]));
}

/** One searched issue as the review reads it. */
export interface ReviewSearchIssue {
  issueKey: string;
  summary: string;
  labels: readonly string[];
  statusCategory: StatusCategory;
  /** yyyy-mm-dd or ISO date-time. */
  created: string;
  /** Keys of the issues linked to it (either direction). */
  linkedKeys: readonly string[];
  /** Clause ids of its mapping. */
  clauses: readonly ClauseId[];
  /** The app's properties that were asked for (absent when not set). */
  properties: Readonly<Record<string, unknown>>;
}

export interface ReviewIssueData {
  audits: ReviewAudit[];
  nonconformities: Nonconformity[];
  actions: CorrectiveAction[];
  previousActions: ReviewIssue[];
  /** Corrective-action issues whose record is missing or unreadable (listed, never counted as verified). */
  incompleteActionKeys: string[];
}

const hasLabel = (i: ReviewSearchIssue, label: string): boolean => i.labels.some((l) => l.trim().toLowerCase() === label);

/**
 * Sorts the searched issues into the review's rows. Audits held in the period (ending on or after `periodStart`)
 * with the findings linked to them; nonconformities with the audit they are linked to; corrective actions with
 * their record; review actions recorded since `periodStart` (the previous review's).
 */
export function reviewDataFromIssues(issues: readonly ReviewSearchIssue[], periodStart: string): ReviewIssueData {
  const auditIssues = issues.filter((i) => hasLabel(i, AUDIT_LABEL));
  const auditKeys = new Set(auditIssues.map((i) => i.issueKey));
  const findingGrade = new Map<string, FindingGrade>();
  for (const i of issues) {
    const g = findingGradeOfLabels(i.labels);
    if (g !== undefined) findingGrade.set(i.issueKey, g);
  }
  const audits: ReviewAudit[] = auditIssues.flatMap((a) => {
    const plan = auditPlanSchema.safeParse(a.properties[AUDIT_PLAN_PROPERTY_KEY]);
    const end = plan.success ? plan.data.end : a.created.slice(0, 10);
    if (end < periodStart) return [];
    const findings = Object.fromEntries(FINDING_GRADES.map((g) => [g, 0])) as Record<FindingGrade, number>;
    for (const key of a.linkedKeys) {
      const g = findingGrade.get(key);
      if (g !== undefined) findings[g] += 1;
    }
    return [{
      auditKey: a.issueKey,
      title: plan.success ? plan.data.title : a.summary,
      start: plan.success ? plan.data.start : a.created.slice(0, 10),
      end,
      clauseCount: plan.success ? auditedClauses(plan.data.scope).length : 0,
      findings,
    }];
  });
  const nonconformities = issues.flatMap((i) => {
    const auditKey = i.linkedKeys.find((k) => auditKeys.has(k));
    const nc = nonconformityFromIssue({ issueKey: i.issueKey, summary: i.summary, labels: i.labels, clauses: i.clauses, ...(auditKey !== undefined ? { auditKey } : {}) });
    return nc === undefined ? [] : [nc];
  });
  const actions: CorrectiveAction[] = [];
  const incompleteActionKeys: string[] = [];
  for (const i of issues.filter((x) => hasLabel(x, CORRECTIVE_ACTION_LABEL))) {
    const record = correctiveActionRecordSchema.safeParse(i.properties[CORRECTIVE_ACTION_PROPERTY_KEY]);
    if (record.success) actions.push({ ...record.data, issueKey: i.issueKey, statusCategory: i.statusCategory });
    else incompleteActionKeys.push(i.issueKey);
  }
  const previousActions = issues
    .filter((i) => hasLabel(i, REVIEW_ACTION_LABEL) && i.created.slice(0, 10) >= periodStart)
    .map((i) => ({ issueKey: i.issueKey, summary: i.summary, statusCategory: i.statusCategory }));
  return { audits, nonconformities, actions, previousActions, incompleteActionKeys };
}
