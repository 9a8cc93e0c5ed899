/**
 * The requests of the audit cycle (plan an audit, record a finding, open and verify a corrective action, record a
 * review decision) and the Jira issues they become: summary, labels, description and the app's issue properties.
 * Every request carries a `requestId` chosen by the UI when the form opens; the issue it creates keeps it (the
 * indexed REQUEST_PROPERTY_KEY), so a repeated request finds the issue instead of creating a second one. Pure.
 */
import { z } from 'zod';
import { type ClauseId, getClause, isClauseId } from '../catalogue/catalogue';
import { FINDING_LABELS } from '../gap/finding-labels';
import { type BlockContent, type DocNode, type Inline, doc, heading, link, mention, p, strong, t } from '../report/adf';
import { normaliseSiteBaseUrl } from '../report/gap-report';
import { safeLine } from '../report/safe-text';
import { FINDING_GRADE_LABELS, type FindingGrade } from '../vocabulary';
import { findingGradeSchema } from '../vocabulary-schemas';
import { type AuditPlan, auditPlanSchema, auditedClauses } from './audit-programme';
import { CORRECTIVE_ACTION_LABEL, type CorrectiveActionRecord, isNonconformityGrade } from './nonconformity';
import { AUDIT_LABEL } from './review-data';
import { REVIEW_ACTION_LABEL } from './review-pack';

/** A UI-chosen id of one request (a UUID in practice). */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Expected a request id of 8 to 64 letters, digits or dashes.');
export const issueKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.');
const isoDate = z.iso.date();

export const planAuditRequestSchema = z.object({ requestId: requestIdSchema, plan: auditPlanSchema });
export type PlanAuditRequest = z.infer<typeof planAuditRequestSchema>;

export const recordFindingRequestSchema = z.object({
  requestId: requestIdSchema,
  auditKey: issueKeySchema,
  clauseId: z.string().refine(isClauseId, 'Not a clause of ISO/IEC 20000-1:2018.'),
  grade: findingGradeSchema,
  summary: z.string().trim().min(1, 'Give the finding a short title.').max(200),
  /** What was seen and where (the objective evidence of the finding). */
  detail: z.string().trim().max(4000).default(''),
});
export type RecordFindingRequest = z.infer<typeof recordFindingRequestSchema>;

export const createCorrectiveActionRequestSchema = z.object({
  requestId: requestIdSchema,
  nonconformityKey: issueKeySchema,
  rootCause: z.string().trim().min(1, 'Record the root cause.').max(2000),
  action: z.string().trim().min(1, 'Describe the action.').max(2000),
  dueDate: isoDate,
});
export type CreateCorrectiveActionRequest = z.infer<typeof createCorrectiveActionRequestSchema>;

export const verifyCorrectiveActionRequestSchema = z.object({
  actionKey: issueKeySchema,
  effective: z.boolean(),
  note: z.string().trim().min(1, 'Say how effectiveness was checked.').max(2000),
});
export type VerifyCorrectiveActionRequest = z.infer<typeof verifyCorrectiveActionRequestSchema>;

export const REVIEW_OUTPUT_KINDS = ['decision', 'action'] as const;
export type ReviewOutputKind = (typeof REVIEW_OUTPUT_KINDS)[number];

export const recordReviewOutputRequestSchema = z.object({
  requestId: requestIdSchema,
  reviewDate: isoDate,
  kind: z.enum(REVIEW_OUTPUT_KINDS),
  summary: z.string().trim().min(1, 'Say what was decided or who does what.').max(200),
  detail: z.string().trim().max(4000).default(''),
  dueDate: isoDate.nullable().default(null),
});
export type RecordReviewOutputRequest = z.infer<typeof recordReviewOutputRequestSchema>;

/** Issue property of a finding: the audit it was raised from. */
export const FINDING_PROPERTY_KEY = 'sms-navigator-finding';
export const findingPropertySchema = z.object({ auditKey: issueKeySchema, clauseId: z.string() });

/** Issue property of a review decision or action: the review (its date, and the pack's page once published). */
export const REVIEW_OUTPUT_PROPERTY_KEY = 'sms-navigator-review-output';
export const reviewOutputPropertySchema = z.object({ reviewDate: isoDate, kind: z.enum(REVIEW_OUTPUT_KINDS), pageId: z.string().nullable() });

/**
 * Issue property put on a nonconformity when a corrective action on it is verified as effective: the one mark the
 * gap report reads (with the issues it searches anyway) to stop counting the nonconformity as open. Written by
 * the verification only; the corrective action's record stays the source (nonconformityState).
 */
export const NC_CLOSURE_PROPERTY_KEY = 'sms-navigator-nc-closure';
export const ncClosureSchema = z.object({ actionKey: issueKeySchema, verifiedAt: z.string(), verifiedBy: z.string() });
/** Whether the issue carries the app's closure mark (a corrective action on it was verified as effective). */
export const isClosureVerified = (propertyValue: unknown): boolean => ncClosureSchema.safeParse(propertyValue).success;
export type NcClosure = z.infer<typeof ncClosureSchema>;

/** The request property value (indexed: smsRequest). */
export const requestPropertyValue = (requestId: string): { id: string } => ({ id: requestId });

const MAX = 300;
const para = (label: string, value: string): BlockContent => p(strong(`${label}: `) as Inline, t(safeLine(value, MAX * 6, '—')));

/** The audit issue as first created (the sample job later rewrites the description with the sample and checklists). */
export function auditIssueFields(plan: AuditPlan): { summary: string; labels: string[]; description: DocNode } {
  const scope = [...plan.scope.clauses, ...plan.scope.processes].map((id) => `${id} ${getClause(id)?.title ?? ''}`.trim());
  return {
    summary: safeLine(`Internal audit: ${plan.title}`, 250, 'Internal audit'),
    labels: [AUDIT_LABEL],
    description: doc(
      heading({ level: 2 })(t('Audit plan')),
      para('Scope', scope.join('; ')),
      para('Criteria', plan.criteria),
      para('Dates', `${plan.start} to ${plan.end}`),
      p(strong('Auditor: ') as Inline, mention({ id: plan.auditor })),
      p(t(`${auditedClauses(plan.scope).length} assessable clauses are in scope. The sample and a checklist per clause are added when the sample is drawn.`)),
    ),
  };
}

/** Refuses a finding on a clause the audit did not examine. */
export function findingClauseInScope(plan: AuditPlan, clauseId: string): boolean {
  return auditedClauses(plan.scope).includes(clauseId);
}

/** The finding issue: its grade label, the clause mapping and a description naming the audit. */
export function findingIssueFields(siteBaseUrl: string, req: RecordFindingRequest): { summary: string; labels: string[]; description: DocNode } {
  const site = normaliseSiteBaseUrl(siteBaseUrl);
  const clause = getClause(req.clauseId);
  return {
    summary: safeLine(req.summary, 250, 'Audit finding'),
    labels: [FINDING_LABELS[req.grade]],
    description: doc(
      p(strong(`${FINDING_GRADE_LABELS[req.grade]} `) as Inline, t(`against clause ${req.clauseId} ${clause?.title ?? ''}, raised in audit `), link({ href: `${site}/browse/${req.auditKey}` })(req.auditKey) as Inline, t('.')),
      ...(req.detail === '' ? [] : [para('What was seen', req.detail)]),
      ...(isNonconformityGrade(req.grade)
        ? [p(t('A nonconformity stays open until a corrective action on it has been verified as effective, whatever the status of this issue.'))]
        : []),
    ),
  };
}

/** The corrective-action issue: label, record (verification null), due date, description. */
export function correctiveActionIssueFields(req: CreateCorrectiveActionRequest, ncSummary: string): { summary: string; labels: string[]; duedate: string; description: DocNode; record: CorrectiveActionRecord } {
  return {
    summary: safeLine(`Corrective action for ${req.nonconformityKey}: ${ncSummary}`, 250, `Corrective action for ${req.nonconformityKey}`),
    labels: [CORRECTIVE_ACTION_LABEL],
    duedate: req.dueDate,
    description: doc(
      para('Nonconformity', req.nonconformityKey),
      para('Root cause', req.rootCause),
      para('Action', req.action),
      para('Due', req.dueDate),
      p(t('When the action is done, its effectiveness is verified in SMS Navigator (Audit view); only then is the nonconformity closed.')),
    ),
    record: { nonconformityKey: req.nonconformityKey, rootCause: req.rootCause, action: req.action, dueDate: req.dueDate, verification: null },
  };
}

export const REVIEW_OUTPUT_LABELS: Readonly<Record<ReviewOutputKind, string>> = { decision: 'Decision', action: 'Action' };

/** A decision or action of a management review as a Jira issue. */
export function reviewOutputIssueFields(req: RecordReviewOutputRequest, pageUrl: string | null): { summary: string; labels: string[]; duedate: string | null; description: DocNode } {
  return {
    summary: safeLine(`Management review ${req.reviewDate} – ${REVIEW_OUTPUT_LABELS[req.kind].toLowerCase()}: ${req.summary}`, 250, 'Management review output'),
    labels: [REVIEW_ACTION_LABEL],
    duedate: req.dueDate,
    description: doc(
      p(
        t(`${REVIEW_OUTPUT_LABELS[req.kind]} of the management review of ${req.reviewDate}.`),
        ...(pageUrl === null ? [] : [t(' '), link({ href: pageUrl })('Open the review pack') as Inline]),
      ),
      ...(req.detail === '' ? [] : [para('Detail', req.detail)]),
    ),
  };
}

/** Whether a finding of this grade needs a corrective action (nonconformities do). */
export const needsCorrectiveAction = (grade: FindingGrade): boolean => isNonconformityGrade(grade);

/** The clause ids of an audit for the finding form (in scope, in order). */
export const findingClauseOptions = (plan: AuditPlan): ClauseId[] => auditedClauses(plan.scope);
