/**
 * Nonconformity and corrective action (ISO/IEC 20000-1 10.1). A nonconformity is an audit finding graded major or
 * minor (the finding labels of src/domain/gap/finding-labels.ts). Each one needs a corrective-action record:
 * the root cause, the action, a due date and, once the action is done, the verification of its effectiveness.
 * A nonconformity counts as open until an action on it has been verified as effective; an action verified as
 * not effective leaves it open and calls for a new action. Closing the Jira issue alone does not close it.
 */
import { z } from 'zod';
import { type ClauseId } from '../catalogue/catalogue';
import { compareIssueKeys } from '../gap/analyse-gaps';
import { findingGradeOfLabels, FINDING_LABELS } from '../gap/finding-labels';
import { type StatusCategory } from '../gap/gap-model';
import { type FindingGrade } from '../vocabulary';
import { type TracedFigure, andJql, keyListFigure, labelsJql, projectJql } from '../traced-figure';
import { escapeJqlString } from '../jql-value';

/** The finding grades that are nonconformities, most severe first. */
export const NONCONFORMITY_GRADES = ['major_nc', 'minor_nc'] as const satisfies readonly FindingGrade[];
export type NonconformityGrade = (typeof NONCONFORMITY_GRADES)[number];

export function isNonconformityGrade(grade: FindingGrade | undefined): grade is NonconformityGrade {
  return grade === 'major_nc' || grade === 'minor_nc';
}

/** Label the app puts on a corrective-action issue (beside the link to its nonconformity). */
export const CORRECTIVE_ACTION_LABEL = 'sms-corrective-action';

const isoDate = z.iso.date();
const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, 'Expected a Jira issue key such as SMS-12.');

export const effectivenessVerificationSchema = z.object({
  /** The action removed the cause: the nonconformity has not come back. */
  effective: z.boolean(),
  verifiedAt: z.iso.datetime({ offset: true }),
  verifiedBy: z.string().trim().min(1).max(128),
  /** How effectiveness was checked (what was looked at). */
  note: z.string().trim().min(1, 'Say how effectiveness was checked.').max(2000),
});
export type EffectivenessVerification = z.infer<typeof effectivenessVerificationSchema>;

/** The corrective-action record kept on the action's issue (root cause, action, due date, verification). */
export const correctiveActionRecordSchema = z.object({
  nonconformityKey: issueKey,
  rootCause: z.string().trim().min(1, 'Record the root cause.').max(2000),
  action: z.string().trim().min(1, 'Describe the action.').max(2000),
  dueDate: isoDate,
  verification: effectivenessVerificationSchema.nullable(),
});
export type CorrectiveActionRecord = z.infer<typeof correctiveActionRecordSchema>;

export interface CorrectiveAction extends CorrectiveActionRecord {
  issueKey: string;
  statusCategory: StatusCategory;
}

export interface Nonconformity {
  issueKey: string;
  summary: string;
  grade: NonconformityGrade;
  clauses: readonly ClauseId[];
  /** Key of the audit issue it was raised from, when known. */
  auditKey?: string;
}

/** A nonconformity from a Jira issue's labels; undefined when the issue is not one (no label, or a lesser grade). */
export function nonconformityFromIssue(issue: { issueKey: string; summary: string; labels: readonly string[]; clauses: readonly ClauseId[]; auditKey?: string }): Nonconformity | undefined {
  const grade = findingGradeOfLabels(issue.labels);
  if (!isNonconformityGrade(grade)) return undefined;
  return { issueKey: issue.issueKey, summary: issue.summary, grade, clauses: [...issue.clauses], ...(issue.auditKey !== undefined ? { auditKey: issue.auditKey } : {}) };
}

export const NONCONFORMITY_STAGES = [
  'needs_action', // no corrective action yet (or only ones found not effective)
  'action_under_way', // an action is planned or in progress
  'awaiting_verification', // the action is done; effectiveness not yet verified
  'closed', // an action was verified as effective
] as const;
export type NonconformityStage = (typeof NONCONFORMITY_STAGES)[number];
export const NONCONFORMITY_STAGE_LABELS: Readonly<Record<NonconformityStage, string>> = {
  needs_action: 'Needs a corrective action',
  action_under_way: 'Corrective action under way',
  awaiting_verification: 'Awaiting verification of effectiveness',
  closed: 'Closed: action verified as effective',
};

export interface NonconformityState {
  nonconformity: Nonconformity;
  stage: NonconformityStage;
  open: boolean;
  actions: CorrectiveAction[];
  /** Actions not verified whose due date is before `today`. */
  overdueActionKeys: string[];
}

/** Where one nonconformity stands, from its corrective actions. `today` is a yyyy-mm-dd date. */
export function nonconformityState(nc: Nonconformity, allActions: readonly CorrectiveAction[], today: string): NonconformityState {
  const actions = allActions.filter((a) => a.nonconformityKey === nc.issueKey).sort((a, b) => compareIssueKeys(a.issueKey, b.issueKey));
  const live = actions.filter((a) => a.verification?.effective !== false);
  let stage: NonconformityStage;
  if (actions.some((a) => a.verification?.effective === true)) stage = 'closed';
  else if (live.some((a) => a.statusCategory === 'done')) stage = 'awaiting_verification';
  else if (live.length > 0) stage = 'action_under_way';
  else stage = 'needs_action';
  const overdueActionKeys = live.filter((a) => a.verification === null && a.dueDate < today).map((a) => a.issueKey);
  return { nonconformity: nc, stage, open: stage !== 'closed', actions, overdueActionKeys };
}

/** True while no corrective action on it has been verified as effective. */
export function isNonconformityOpen(nc: Nonconformity, actions: readonly CorrectiveAction[]): boolean {
  return !actions.some((a) => a.nonconformityKey === nc.issueKey && a.verification?.effective === true);
}

/** JQL of every nonconformity of the project (by label), optionally of one grade. */
export function nonconformityJql(projectKey: string, grade?: NonconformityGrade): string {
  const grades = grade === undefined ? NONCONFORMITY_GRADES : [grade];
  return andJql(projectJql(projectKey), labelsJql(grades.map((g) => FINDING_LABELS[g])));
}

/** JQL of every corrective action of the project (by label). */
export function correctiveActionJql(projectKey: string): string {
  return andJql(projectJql(projectKey), `labels = ${escapeJqlString(CORRECTIVE_ACTION_LABEL)}`);
}

export interface NonconformityCounts {
  openMajor: TracedFigure;
  openMinor: TracedFigure;
  /** Corrective actions done or in progress whose effectiveness is not yet verified. */
  unverifiedActions: TracedFigure;
  overdueActions: TracedFigure;
  /** Nonconformities without any live corrective action. */
  withoutAction: TracedFigure;
}

/**
 * The counts the gap report and the certification readiness use. A nonconformity is open until effectiveness
 * is verified (whatever its Jira status), so the figures name the issues they count by key.
 */
export function countNonconformities(
  projectKey: string,
  ncs: readonly Nonconformity[],
  actions: readonly CorrectiveAction[],
  today: string,
): NonconformityCounts {
  const states = ncs.map((nc) => nonconformityState(nc, actions, today));
  const open = (grade: NonconformityGrade): string[] => states.filter((s) => s.open && s.nonconformity.grade === grade).map((s) => s.nonconformity.issueKey);
  const unverified = actions.filter((a) => a.verification === null).map((a) => a.issueKey);
  return {
    openMajor: keyListFigure('Open major nonconformities', projectKey, open('major_nc'), nonconformityJql(projectKey, 'major_nc')),
    openMinor: keyListFigure('Open minor nonconformities', projectKey, open('minor_nc'), nonconformityJql(projectKey, 'minor_nc')),
    unverifiedActions: keyListFigure('Corrective actions not yet verified', projectKey, unverified, correctiveActionJql(projectKey)),
    overdueActions: keyListFigure('Corrective actions past their due date', projectKey, states.flatMap((s) => s.overdueActionKeys), correctiveActionJql(projectKey)),
    withoutAction: keyListFigure(
      'Nonconformities without a corrective action',
      projectKey,
      states.filter((s) => s.stage === 'needs_action').map((s) => s.nonconformity.issueKey),
      nonconformityJql(projectKey),
    ),
  };
}
