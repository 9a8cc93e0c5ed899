/**
 * Closed vocabularies shared by assessments, findings and evidence, their labels and lozenge colours. No zod here
 * (the UI imports this module through @domain): the boundary schemas are in vocabulary-schemas.ts.
 */

/** Outcome of judging one clause. */
export const CONFORMITY_RESULTS = [
  'not_assessed',
  'not_applicable',
  'nonconformant',
  'partially_conformant',
  'conformant',
] as const;
export type ConformityResult = (typeof CONFORMITY_RESULTS)[number];
export const CONFORMITY_RESULT_LABELS: Readonly<Record<ConformityResult, string>> = {
  not_assessed: 'Not assessed',
  not_applicable: 'Not applicable',
  nonconformant: 'Nonconformant',
  partially_conformant: 'Partially conformant',
  conformant: 'Conformant',
};

/** Grade of an audit or assessment finding, most severe first. */
export const FINDING_GRADES = ['major_nc', 'minor_nc', 'observation', 'opportunity_for_improvement'] as const;
export type FindingGrade = (typeof FINDING_GRADES)[number];
export const FINDING_GRADE_LABELS: Readonly<Record<FindingGrade, string>> = {
  major_nc: 'Major nonconformity',
  minor_nc: 'Minor nonconformity',
  observation: 'Observation',
  opportunity_for_improvement: 'Opportunity for improvement',
};

/** Kind of documented information offered as evidence. */
export const EVIDENCE_KINDS = ['policy', 'plan', 'procedure', 'record', 'report', 'improvement_action'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  policy: 'Policy',
  plan: 'Plan',
  procedure: 'Procedure',
  record: 'Record',
  report: 'Report',
  improvement_action: 'Improvement action',
};

/**
 * What a clause-mapped Jira issue counts as in the gap analysis (the rule: src/domain/gap/issue-roles.ts).
 * - evidence: documented information that the practice exists; it decides the proposed result;
 * - planned_work: a work item the app's plan created ("Create in Jira"); shown as implementation work, never evidence;
 * - finding: an audit finding (finding label); listed as a finding, never evidence.
 */
export const ISSUE_ROLES = ['evidence', 'planned_work', 'finding'] as const;
export type IssueRole = (typeof ISSUE_ROLES)[number];
export const ISSUE_ROLE_LABELS: Readonly<Record<IssueRole, string>> = {
  evidence: 'Evidence',
  planned_work: 'Implementation work',
  finding: 'Audit finding',
};

/** Jira's status categories by key: new = to do, indeterminate = in progress, done = done. */
export const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
/** A Jira status category key ('new', 'indeterminate', 'done'; anything else or none: 'new') — the one mapping. */
export function statusCategoryOf(key: string | null | undefined): StatusCategory {
  return (STATUS_CATEGORIES as readonly string[]).includes(key ?? '') ? (key as StatusCategory) : 'new';
}

export const STATUS_CATEGORY_LABELS: Record<StatusCategory, string> = {
  new: 'To do',
  indeterminate: 'In progress',
  done: 'Done',
};

/** The colours of a status lozenge: ADF's status colours (the UI maps them to Atlaskit Lozenge appearances). */
export type StatusColor = 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green';

export const CONFORMITY_RESULT_COLORS: Readonly<Record<ConformityResult, StatusColor>> = {
  conformant: 'green',
  partially_conformant: 'yellow',
  nonconformant: 'red',
  not_assessed: 'neutral',
  not_applicable: 'purple',
};

export const STATUS_CATEGORY_COLORS: Readonly<Record<StatusCategory, StatusColor>> = {
  done: 'green',
  indeterminate: 'blue',
  new: 'neutral',
};

export const FINDING_GRADE_COLORS: Readonly<Record<FindingGrade, StatusColor>> = {
  major_nc: 'red',
  minor_nc: 'yellow',
  observation: 'blue',
  opportunity_for_improvement: 'purple',
};
