/**
 * The app's Jira search vocabulary, defined once: the issue properties the app writes, the JQL aliases
 * manifest.yml declares for them (`jira:entityProperty`; test/domain/issue-index.test.ts checks both against the
 * manifest), and every JQL query the app writes itself. Values are escaped by `escapeJqlString` (./jql-value.ts,
 * the one escape); user-written JQL is confined by src/jira/jql.ts.
 */
import { escapeJqlString } from './jql-value';
import { FINDING_LABELS } from './gap/finding-labels';

/** Issue property holding an issue's clause mapping (clauses, phases, evidence kinds). */
export const MAPPING_PROPERTY_KEY = 'sms-navigator-mapping';
/** Issue property of the epics and work items "Create in Jira" made (which plan, phase, subset, clause). */
export const PLAN_ITEM_PROPERTY_KEY = 'sms-navigator-plan-item';

/** Issue property of the agreed actions of a phase evaluation (which phase, which objective). Not indexed: found by label. */
export const EVALUATION_ACTION_PROPERTY_KEY = 'sms-navigator-evaluation-action';

/** The JQL aliases of the two properties' indexed values, as manifest.yml declares them. */
export const JQL_ALIASES = {
  /** MAPPING_PROPERTY_KEY `clauses` */
  clause: 'smsClause',
  /** MAPPING_PROPERTY_KEY `phases` */
  phase: 'smsPhase',
  /** MAPPING_PROPERTY_KEY `kinds` */
  evidence: 'smsEvidence',
  /** PLAN_ITEM_PROPERTY_KEY `planId` */
  plan: 'smsPlan',
  /** PLAN_ITEM_PROPERTY_KEY `phaseId` */
  planPhase: 'smsPlanPhase',
} as const;

/** Kept for the report's imports: the alias of the mapped clauses. */
export const SMS_CLAUSE_JQL_ALIAS = JQL_ALIASES.clause;

const inProject = (project: string): string => `project = ${escapeJqlString(project)}`;

/** The clause id and every heading above it, nearest first: '8.5.1.1' → ['8.5.1.1', '8.5.1', '8.5', '8']. */
export function clauseAndHeadingIds(clauseId: string): string[] {
  const ids: string[] = [];
  for (let id = clauseId; ; ) {
    ids.push(id);
    const dot = id.lastIndexOf('.');
    if (dot < 0) return ids;
    id = id.slice(0, dot);
  }
}

/**
 * "The issues mapped to a clause" — the one definition, used by the issue panel's and the coverage's links and by
 * the report's evidence links: issues whose mapping names the clause itself or a heading above it (a mapping to
 * a heading applies to every clause under it, as the gap analysis counts it), in key order.
 */
export function clauseIssuesJql(projectKey: string, clauseId: string): string {
  const ids = clauseAndHeadingIds(clauseId).map(escapeJqlString);
  return `${inProject(projectKey)} AND ${JQL_ALIASES.clause} in (${ids.join(', ')}) ORDER BY key ASC`;
}

/** The finding labels as JQL values (the one list: src/domain/gap/finding-labels.ts). */
const findingLabelValues = (): string => Object.values(FINDING_LABELS).map(escapeJqlString).join(', ');

/**
 * The evidence rule (src/domain/gap/issue-roles.ts) in JQL: mapped issues that are neither planned work (the plan's
 * items carry the plan-item property, indexed as `smsPlan`) nor audit findings (a finding label). `labels NOT IN`
 * alone would drop issues without labels, hence the IS EMPTY.
 */
const evidenceWhere = `${JQL_ALIASES.plan} IS EMPTY AND (labels IS EMPTY OR labels NOT IN (${findingLabelValues()}))`;

/** "The evidence of a clause": issues mapped to the clause or a heading above it that count as evidence, in key order. */
export function evidenceIssuesJql(projectKey: string, clauseId: string): string {
  return `${evidenceIssuesWhere(projectKey, clauseId)} ORDER BY key ASC`;
}

/** The evidence of a clause without an order (for counts and existence searches). */
export function evidenceIssuesWhere(projectIdOrKey: string, clauseId: string): string {
  const ids = clauseAndHeadingIds(clauseId).map(escapeJqlString);
  return `${inProject(projectIdOrKey)} AND ${JQL_ALIASES.clause} in (${ids.join(', ')}) AND ${evidenceWhere}`;
}

/** Every evidence issue of the project (any clause), without an order. */
export const projectEvidenceWhere = (projectIdOrKey: string): string => `${inProject(projectIdOrKey)} AND ${JQL_ALIASES.clause} IS NOT EMPTY AND ${evidenceWhere}`;

/**
 * Evidence of a clause narrowed for the report's readiness facts (src/domain/gap/proposal-rules.ts): `done`, or
 * `openOrStaleDone` (not done, or done and last updated more than `maxAgeDays` days ago, by Jira's clock), or
 * `stale` (any status). Stale means older than maxAgeDays whole days, i.e. updated at least maxAgeDays + 1 days ago.
 */
export function evidenceFactJql(projectIdOrKey: string, clauseId: string, fact: 'done' | 'openOrStaleDone' | 'stale', maxAgeDays: number): string {
  const staleBefore = `updated <= "-${maxAgeDays + 1}d"`;
  const narrow = fact === 'done' ? 'statusCategory = Done' : fact === 'stale' ? staleBefore : `(statusCategory != Done OR ${staleBefore})`;
  return `${evidenceIssuesWhere(projectIdOrKey, clauseId)} AND ${narrow}`;
}

/** The project's open audit findings (mapped, a finding label, not done), in key order. */
export function openFindingsJql(projectId: string): string {
  return `${inProject(projectId)} AND ${JQL_ALIASES.clause} IS NOT EMPTY AND labels IN (${findingLabelValues()}) AND statusCategory != Done ORDER BY key ASC`;
}

/** The project's issues the app's plan created (epics and work items), in key order. */
export function planItemsJql(projectId: string): string {
  return `${inProject(projectId)} AND ${JQL_ALIASES.plan} IS NOT EMPTY ORDER BY key ASC`;
}

/** The project's issues with no clause mapping, in key order. */
export const unmappedIssuesJql = (projectKey: string): string => `${inProject(projectKey)} AND ${JQL_ALIASES.clause} is EMPTY ORDER BY key ASC`;

/** The project's issues with a clause mapping, in key order. */
export const mappedIssuesJql = (projectKey: string): string => `${inProject(projectKey)} AND ${JQL_ALIASES.clause} is not EMPTY ORDER BY key ASC`;

/** The one search of the gap report: the project's mapped issues and the plan's epics, in key order. */
export function reportIssuesJql(projectId: string): string {
  return `${inProject(projectId)} AND (${JQL_ALIASES.clause} IS NOT EMPTY OR issue.property[${PLAN_ITEM_PROPERTY_KEY}].role = "epic") ORDER BY key ASC`;
}

/** The project's issues with these ids (no order). */
export const issuesByIdJql = (projectKey: string, issueIds: readonly string[]): string =>
  `${inProject(projectKey)} AND id in (${issueIds.map(escapeJqlString).join(', ')})`;

/** The app's issues of one plan in one project, without an order (what the issue navigator link carries). */
export function planIssuesWhere(projectIdOrKey: string, planId: string): string {
  return `${inProject(projectIdOrKey)} AND issue.property[${PLAN_ITEM_PROPERTY_KEY}].planId = ${escapeJqlString(planId)}`;
}

/** The app's issues of one plan in one project, in key order. */
export function planIssuesJql(projectId: string, planId: string): string {
  return `${planIssuesWhere(projectId, planId)} ORDER BY key ASC`;
}

/** The app's agreed actions of phase evaluations in one project (their label), without an order (the navigator link). */
export function evaluationActionsWhere(projectKey: string, label: string): string {
  return `${inProject(projectKey)} AND labels = ${escapeJqlString(label)}`;
}

/** The same, in key order (the search that finds an action already made). */
export function evaluationActionsJql(projectKey: string, label: string): string {
  return `${evaluationActionsWhere(projectKey, label)} ORDER BY key ASC`;
}
