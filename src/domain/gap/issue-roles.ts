/**
 * The evidence rule: what a Jira issue mapped to a clause counts as (ISSUE_ROLES in src/domain/vocabulary.ts).
 * Written once here; the report service, the in-app view, the published report and the README follow it.
 *
 * 1. An issue with a finding label is an audit finding (finding-labels.ts), never evidence.
 * 2. Otherwise, an issue the app's plan created (it carries the `sms-navigator-plan-item` property: the epics
 *    and the work items of "Create in Jira") is planned work: it says the work is planned, not that it was
 *    done. It never changes a clause's proposed result; the report lists it per clause as implementation work,
 *    open or done, beside the evidence.
 * 3. Any other mapped issue is evidence.
 */
import { type IssueRole } from '../vocabulary';

/** The rule in plain sentences (shown in the app and in the published report). */
export const ISSUE_ROLE_RULE_TEXT: string = [
  'Evidence is a Jira issue mapped to a clause that is neither an audit finding nor planned work.',
  'Work items created by the plan ("Create in Jira") are planned work, not evidence: they never change a proposed result and are listed per clause as implementation work (open or done).',
  'Audit findings (issues with a finding label) are listed as findings, not evidence.',
].join('\n');

/** What the rule reads from one mapped issue. */
export interface IssueRoleFacts {
  /** The issue carries a finding label. */
  hasFindingLabel: boolean;
  /** The issue carries the plan-item property (the app's plan created it). */
  isPlanItem: boolean;
}

/** The role of a mapped issue under the rule above. */
export function issueRole(facts: IssueRoleFacts): IssueRole {
  if (facts.hasFindingLabel) return 'finding';
  if (facts.isPlanItem) return 'planned_work';
  return 'evidence';
}
