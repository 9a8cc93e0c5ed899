/**
 * The audit-finding convention: how the app recognises an audit finding among a project's Jira issues.
 *
 * An audit finding is a Jira issue that is mapped to a clause (the `sms-navigator-mapping` issue property,
 * searchable as `smsClause`) and carries one of the labels below; the label gives its grade. The finding is
 * open while the issue's status category is not Done. An issue with several of these labels counts once, with
 * the most severe grade. A finding is not counted as evidence of conformity: it is listed as a finding only.
 *
 * This file is the one place the labels are defined; the app, the report and the README quote it.
 */
import { type ClauseId } from '../catalogue/catalogue';
import { FINDING_GRADES, FINDING_GRADE_LABELS, type FindingGrade } from '../vocabulary';
import { compareIssueKeys } from './analyse-gaps';
import { type Finding, type StatusCategory } from './gap-model';

/** The Jira label of each finding grade. */
export const FINDING_LABELS: Readonly<Record<FindingGrade, string>> = {
  major_nc: 'sms-major-nc',
  minor_nc: 'sms-minor-nc',
  observation: 'sms-observation',
  opportunity_for_improvement: 'sms-ofi',
};

/** Grades from most to least severe (FINDING_GRADES is in that order). */
const SEVERITY: readonly FindingGrade[] = FINDING_GRADES;

const GRADE_BY_LABEL: ReadonlyMap<string, FindingGrade> = new Map(
  FINDING_GRADES.map((g) => [FINDING_LABELS[g].toLowerCase(), g] as const),
);

/** One line per label for people: `sms-major-nc → Major nonconformity`. */
export interface FindingLabelRow {
  grade: FindingGrade;
  label: string;
  title: string;
}

export const FINDING_LABEL_ROWS: readonly FindingLabelRow[] = FINDING_GRADES.map((grade) => ({
  grade,
  label: FINDING_LABELS[grade],
  title: FINDING_GRADE_LABELS[grade],
}));

/** The convention in a few plain sentences (shown in the app and in the published report). */
export const FINDING_CONVENTION_TEXT: string = [
  'Audit findings come from Jira: an issue mapped to a clause that carries one of the labels ' +
    `${FINDING_LABEL_ROWS.map((r) => `${r.label} (${r.title.toLowerCase()})`).join(', ')}.`,
  'An observation or opportunity for improvement is open while the issue is not in a Done status; a nonconformity stays open until a corrective action on it is verified as effective (Audit view). An issue with several of these labels counts once, with the most severe grade.',
  'Open nonconformities raise a warning on their clause; an open major nonconformity makes the proposed result nonconformant. A finding is not counted as evidence.',
].join('\n');

/** Grade of one label; undefined when the label is not a finding label. Case and surrounding spaces are ignored. */
export function findingGradeOfLabel(label: string): FindingGrade | undefined {
  return GRADE_BY_LABEL.get(label.trim().toLowerCase());
}

/** The most severe grade among the labels; undefined when none of them is a finding label. */
export function findingGradeOfLabels(labels: readonly string[]): FindingGrade | undefined {
  let best: FindingGrade | undefined;
  for (const label of labels) {
    const grade = findingGradeOfLabel(label);
    if (grade !== undefined && (best === undefined || SEVERITY.indexOf(grade) < SEVERITY.indexOf(best))) best = grade;
  }
  return best;
}

/** What the app reads from one Jira issue to decide whether it is a finding. */
export interface FindingSourceIssue {
  issueKey: string;
  summary: string;
  labels: readonly string[];
  statusCategory: StatusCategory;
  /** Clause ids from the issue's mapping (accepted mappings only). */
  clauses: readonly ClauseId[];
  /** A corrective action on this nonconformity was verified as effective (the app's closure mark on the issue). */
  effectivenessVerified?: boolean;
}

/**
 * Whether a finding is open. A nonconformity (major or minor) stays open until a corrective action on it has been
 * verified as effective (ISO/IEC 20000-1 10.1; src/domain/audit/nonconformity.ts), whatever its Jira status: the
 * verification marks the issue (`effectivenessVerified`). An observation or an opportunity for improvement is open
 * until its issue is done.
 */
export function isFindingOpen(grade: FindingGrade, statusCategory: StatusCategory, effectivenessVerified: boolean): boolean {
  if (grade === 'major_nc' || grade === 'minor_nc') return !effectivenessVerified;
  return statusCategory !== 'done';
}

/**
 * The findings an issue stands for: one per mapped clause (id = issue key), none when the issue has no finding
 * label or no mapped clause. Open as isFindingOpen says.
 */
export function findingsFromIssue(issue: FindingSourceIssue): Finding[] {
  const grade = findingGradeOfLabels(issue.labels);
  if (grade === undefined) return [];
  const open = isFindingOpen(grade, issue.statusCategory, issue.effectivenessVerified === true);
  return [...new Set(issue.clauses)].map((clauseId) => ({ id: issue.issueKey, grade, clauseId, open, summary: issue.summary }));
}

/**
 * Findings as people read them: one per issue (an issue mapped to several clauses, or to a heading, gives one
 * Finding per clause), keeping the most severe grade; most severe first, then by issue key.
 */
export function distinctFindings(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const seen = byId.get(f.id);
    if (seen === undefined || SEVERITY.indexOf(f.grade) < SEVERITY.indexOf(seen.grade)) byId.set(f.id, f);
  }
  return [...byId.values()].sort((a, b) => SEVERITY.indexOf(a.grade) - SEVERITY.indexOf(b.grade) || compareIssueKeys(a.id, b.id));
}
