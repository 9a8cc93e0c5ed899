/**
 * The app's Jira search vocabulary, defined once: the issue properties the app writes, the JQL aliases
 * manifest.yml declares for them (`jira:entityProperty`; test/domain/issue-index.test.ts checks both against the
 * manifest), and every JQL query the app writes itself. Values are escaped by `escapeJqlString` (./jql-value.ts,
 * the one escape); user-written JQL is confined by src/jira/jql.ts.
 */
import { escapeJqlString } from './jql-value';

/** Issue property holding an issue's clause mapping (clauses, phases, evidence kinds). */
export const MAPPING_PROPERTY_KEY = 'sms-navigator-mapping';
/** Issue property of the epics and work items "Create in Jira" made (which plan, phase, subset, clause). */
export const PLAN_ITEM_PROPERTY_KEY = 'sms-navigator-plan-item';

/**
 * Issue property of every issue the audit cycle creates (audit, finding, corrective action, review action): the id
 * of the request that created it, so that a repeated request finds the issue instead of creating a second one.
 */
export const REQUEST_PROPERTY_KEY = 'sms-navigator-request';

/** Issue property of the agreed actions of a phase evaluation (which phase, which objective). Not indexed: found by label. */
export const EVALUATION_ACTION_PROPERTY_KEY = 'sms-navigator-evaluation-action';

/** The JQL aliases of the properties' indexed values, as manifest.yml declares them. */
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
  /** REQUEST_PROPERTY_KEY `id` */
  request: 'smsRequest',
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

/** The project's issues with no clause mapping, in key order. */
export const unmappedIssuesJql = (projectKey: string): string => `${inProject(projectKey)} AND ${JQL_ALIASES.clause} is EMPTY ORDER BY key ASC`;

/** The project's issues with a clause mapping, in key order. */
export const mappedIssuesJql = (projectKey: string): string => `${inProject(projectKey)} AND ${JQL_ALIASES.clause} is not EMPTY ORDER BY key ASC`;

/** The one search of the gap report: the project's mapped issues and the plan's epics, in key order. */
export function reportIssuesJql(projectId: string): string {
  return `${inProject(projectId)} AND (${JQL_ALIASES.clause} IS NOT EMPTY OR issue.property[${PLAN_ITEM_PROPERTY_KEY}].role = "epic") ORDER BY key ASC`;
}

/** The project's issue created by the request `requestId` (at most one: the app looks before it creates). */
export const requestIssueJql = (projectKey: string, requestId: string): string =>
  `${inProject(projectKey)} AND ${JQL_ALIASES.request} = ${escapeJqlString(requestId)}`;

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
