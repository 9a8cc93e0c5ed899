/**
 * Readiness for a certification audit on a target date: what remains to be done before it. Three things stop a
 * claim of conformity: an open major nonconformity, an assessable clause with no evidence, and a corrective action
 * whose effectiveness nobody has verified. Actions due after the audit date and open minor nonconformities
 * without an action are risks. Every count carries its JQL.
 */
import { type ClauseId, compareClauseIds } from '../catalogue/catalogue';
import { type ClauseGap } from '../gap/gap-model';
import { CLAUSE_JQL_ALIAS, type TracedFigure, andJql, clauseJql, keyListFigure, projectJql } from '../traced-figure';
import { escapeJqlString } from '../jql-value';
import { type CorrectiveAction, type Nonconformity, correctiveActionJql, countNonconformities, nonconformityState } from './nonconformity';

export const READINESS_VERDICTS = ['ready', 'at_risk', 'not_ready'] as const;
export type ReadinessVerdict = (typeof READINESS_VERDICTS)[number];
export const READINESS_VERDICT_LABELS: Readonly<Record<ReadinessVerdict, string>> = {
  ready: 'Nothing blocks the audit',
  at_risk: 'At risk: open points could still block the audit',
  not_ready: 'Not ready: something blocks a claim of conformity',
};

export interface CertificationReadinessInput {
  projectKey: string;
  /** yyyy-mm-dd */
  today: string;
  /** yyyy-mm-dd of the certification audit. */
  targetAuditDate: string;
  /** The gap analysis's assessable clauses (ClauseGap.evidence holds evidence only). */
  clauses: readonly Pick<ClauseGap, 'clauseId' | 'title' | 'evidence' | 'result'>[];
  nonconformities: readonly Nonconformity[];
  actions: readonly CorrectiveAction[];
}

export interface ClauseWithoutEvidence {
  clauseId: ClauseId;
  title: string;
  /** The issues mapped to the clause (findings and planned work only: no evidence among them). */
  jql: string;
}

export interface CertificationReadiness {
  targetAuditDate: string;
  /** Whole days from today to the audit (negative once it has passed). */
  daysLeft: number;
  verdict: ReadinessVerdict;
  /** Plain sentences, blocking points first. */
  reasons: string[];
  openMajorNonconformities: TracedFigure;
  clausesWithoutEvidence: TracedFigure;
  clausesWithoutEvidenceList: ClauseWithoutEvidence[];
  unverifiedActions: TracedFigure;
  actionsDueAfterAudit: TracedFigure;
  minorWithoutAction: TracedFigure;
}

const DAY_MS = 86_400_000;

/** What remains before the certification audit. Not applicable clauses are left out (they block a claim anyway and are flagged by the gap report). */
export function certificationReadiness(input: CertificationReadinessInput): CertificationReadiness {
  const { projectKey } = input;
  const daysLeft = Math.round((Date.parse(input.targetAuditDate) - Date.parse(input.today)) / DAY_MS);
  const counts = countNonconformities(projectKey, input.nonconformities, input.actions, input.today);

  const bare = input.clauses
    .filter((c) => c.evidence.length === 0 && c.result !== 'not_applicable')
    .sort((a, b) => compareClauseIds(a.clauseId, b.clauseId))
    .map((c) => ({ clauseId: c.clauseId, title: c.title, jql: andJql(projectJql(projectKey), clauseJql(c.clauseId)) }));
  const clausesWithoutEvidence: TracedFigure = {
    label: 'Clauses without evidence',
    value: bare.length,
    // The issues mapped to those clauses: findings and planned work only. With none, every mapped issue.
    jql: andJql(
      projectJql(projectKey),
      bare.length > 0 ? `${CLAUSE_JQL_ALIAS} in (${bare.map((c) => escapeJqlString(c.clauseId)).join(', ')})` : `${CLAUSE_JQL_ALIAS} is not EMPTY`,
    ),
    exact: false,
  };

  const states = input.nonconformities.map((nc) => nonconformityState(nc, input.actions, input.today));
  const live = input.actions.filter((a) => a.verification === null);
  const dueAfter = live.filter((a) => a.dueDate > input.targetAuditDate).map((a) => a.issueKey);
  const minorWithoutAction = states.filter((s) => s.nonconformity.grade === 'minor_nc' && s.stage === 'needs_action').map((s) => s.nonconformity.issueKey);
  const actionsDueAfterAudit = keyListFigure('Corrective actions due after the audit date', projectKey, dueAfter, correctiveActionJql(projectKey));
  const minorFigure = keyListFigure('Open minor nonconformities without a corrective action', projectKey, minorWithoutAction, counts.openMinor.jql);

  const blocking: string[] = [];
  const risks: string[] = [];
  if (counts.openMajor.value > 0) blocking.push(`${counts.openMajor.value} major nonconformit${counts.openMajor.value === 1 ? 'y is' : 'ies are'} still open.`);
  if (bare.length > 0) blocking.push(`${bare.length} clause${bare.length === 1 ? ' has' : 's have'} no evidence.`);
  if (counts.unverifiedActions.value > 0) blocking.push(`${counts.unverifiedActions.value} corrective action${counts.unverifiedActions.value === 1 ? ' has' : 's have'} not been verified as effective.`);
  if (dueAfter.length > 0) risks.push(`${dueAfter.length} corrective action${dueAfter.length === 1 ? ' is' : 's are'} due after the audit date.`);
  if (minorWithoutAction.length > 0) risks.push(`${minorWithoutAction.length} minor nonconformit${minorWithoutAction.length === 1 ? 'y has' : 'ies have'} no corrective action.`);
  if (daysLeft < 0) risks.push(`The target audit date passed ${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago.`);
  const verdict: ReadinessVerdict = blocking.length > 0 ? 'not_ready' : risks.length > 0 ? 'at_risk' : 'ready';
  return {
    targetAuditDate: input.targetAuditDate,
    daysLeft,
    verdict,
    reasons: [...blocking, ...risks],
    openMajorNonconformities: counts.openMajor,
    clausesWithoutEvidence,
    clausesWithoutEvidenceList: bare,
    unverifiedActions: counts.unverifiedActions,
    actionsDueAfterAudit,
    minorWithoutAction: minorFigure,
  };
}
