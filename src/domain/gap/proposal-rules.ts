/**
 * How the app proposes a conformity result for a clause nobody has assessed yet. The rules are few and
 * checked in order; the first that matches gives the result. A result set by a user always wins.
 *
 * Deliberate choice: a clause with no evidence is proposed as `not_assessed`, not `nonconformant`. Missing
 * Jira issues do not prove the organisation lacks the practice; only an assessor (or an auditor's open major
 * nonconformity) can say so. For readiness both weigh 0, so the figure is the same either way.
 */
import { CONFORMITY_RESULT_LABELS, type ConformityResult } from '../vocabulary';
import { type EvidenceItem, type Finding } from './gap-model';

export interface ProposalRule {
  id: string;
  result: ConformityResult;
  /** Own words, shown in the app and in the report. */
  text: string;
}

export const USER_SET_RULE_ID = 'user-set';

export const PROPOSAL_RULES: readonly ProposalRule[] = [
  {
    id: 'open-major-nc',
    result: 'nonconformant',
    text: 'An open major nonconformity is recorded against the clause.',
  },
  {
    id: 'no-evidence',
    result: 'not_assessed',
    text: 'No Jira issue is mapped to the clause yet, so there is nothing to judge.',
  },
  {
    id: 'nothing-done',
    result: 'nonconformant',
    text: 'Issues are mapped to the clause, but none of them is done.',
  },
  {
    id: 'all-done-current',
    result: 'conformant',
    text: 'Every mapped issue is done, none is older than the allowed evidence age, and no minor nonconformity is open.',
  },
  {
    id: 'some-done',
    result: 'partially_conformant',
    text: 'Some mapped issues are done, but others are still open, stale, or a minor nonconformity is open.',
  },
];

/** Plain text of the rules for the UI and the report (one line per rule, in evaluation order). */
export const PROPOSAL_RULES_TEXT: string = [
  'A result set by a person always wins. Otherwise the first matching rule proposes one:',
  ...PROPOSAL_RULES.map((r, i) => `${i + 1}. ${r.text} Proposed result: ${CONFORMITY_RESULT_LABELS[r.result]}.`),
].join('\n');

export interface Proposal {
  result: ConformityResult;
  ruleId: string;
}

function rule(id: string): Proposal {
  const found = PROPOSAL_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`Unknown proposal rule ${id}`);
  return { result: found.result, ruleId: found.id };
}

/**
 * The only facts of a clause's evidence the rules read: whether some evidence is done, and whether some is not
 * done or done but stale (there is evidence at all exactly when one of them holds). Two yes/no questions, so a
 * clause with 100,000 mapped issues is judged exactly from two existence searches, without reading them all.
 */
export interface EvidenceFacts {
  anyDone: boolean;
  anyOpenOrStaleDone: boolean;
}

/** The facts of a fully listed evidence set. */
export function evidenceFacts(evidence: readonly EvidenceItem[]): EvidenceFacts {
  return {
    anyDone: evidence.some((e) => e.statusCategory === 'done'),
    anyOpenOrStaleDone: evidence.some((e) => e.statusCategory !== 'done' || e.stale),
  };
}

/** Proposes a result from the clause's evidence facts and open findings (see PROPOSAL_RULES). */
export function proposeFromFacts(facts: EvidenceFacts, openFindings: readonly Finding[]): Proposal {
  if (openFindings.some((f) => f.open && f.grade === 'major_nc')) return rule('open-major-nc');
  if (!facts.anyDone && !facts.anyOpenOrStaleDone) return rule('no-evidence');
  if (!facts.anyDone) return rule('nothing-done');
  const openMinor = openFindings.some((f) => f.open && f.grade === 'minor_nc');
  if (!facts.anyOpenOrStaleDone && !openMinor) return rule('all-done-current');
  return rule('some-done');
}

/** Proposes a result from the clause's evidence and open findings (see PROPOSAL_RULES). */
export function proposeResult(evidence: readonly EvidenceItem[], openFindings: readonly Finding[]): Proposal {
  return proposeFromFacts(evidenceFacts(evidence), openFindings);
}
