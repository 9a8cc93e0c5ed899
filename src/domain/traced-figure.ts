/**
 * A figure a manager reads, with the Jira search that produces it. Every figure of the phase evaluation, the
 * audit programme, the nonconformity lifecycle, the certification readiness and the management review pack is
 * one of these, so the view and the published page can show and link the JQL beside the number.
 *
 * The JQL is written by the app: values go through escapeJqlString (src/domain/jql-value.ts) only. Two kinds:
 * - exact: the search finds exactly the issues counted (e.g. open major nonconformities by label and status);
 * - population: the count was taken inside what the search finds, by facts Jira cannot search (e.g. whether a
 *   corrective action was verified as effective, kept in an issue property). When the counted issues are few
 *   enough they are named by key instead, which makes the figure exact again.
 */
import { ancestorsOf, type ClauseId } from './catalogue/catalogue';
import { compareIssueKeys } from './gap/analyse-gaps';
import { escapeJqlString } from './jql-value';

/** Jira entity-property search alias under which each mapped issue lists its clause ids (manifest.yml). */
export const CLAUSE_JQL_ALIAS = 'smsClause';

/** Most issue keys written into one `key in (…)` list; beyond it the figure keeps its population JQL. */
export const MAX_KEYS_IN_JQL = 100;

export interface TracedFigure {
  label: string;
  value: number;
  /** JQL without ORDER BY (the app adds the order where it lists issues). */
  jql: string;
  /** true: the JQL finds exactly the counted issues; false: the count was taken within what it finds. */
  exact: boolean;
}

/** `project = "KEY"`. */
export function projectJql(projectKey: string): string {
  return `project = ${escapeJqlString(projectKey)}`;
}

/** `a AND b AND …` of the non-empty parts. */
export function andJql(...parts: readonly string[]): string {
  return parts.filter((p) => p.trim() !== '').join(' AND ');
}

/**
 * The clause condition: issues mapped to the clause or to a heading above it (a mapping to "8.5" applies to
 * 8.5.1.1 too), e.g. `smsClause in ("8.5.1.1", "8.5.1", "8.5", "8")`.
 */
export function clauseJql(clauseId: ClauseId): string {
  const ids = [clauseId, ...ancestorsOf(clauseId).map((c) => c.id).reverse()];
  return `${CLAUSE_JQL_ALIAS} in (${ids.map(escapeJqlString).join(', ')})`;
}

/** `labels in ("a", "b")` (one label: `labels = "a"`). */
export function labelsJql(labels: readonly string[]): string {
  const [only] = labels;
  if (labels.length === 1 && only !== undefined) return `labels = ${escapeJqlString(only)}`;
  return `labels in (${labels.map(escapeJqlString).join(', ')})`;
}

/** `statusCategory != Done` or `statusCategory = Done`. */
export function doneJql(done: boolean): string {
  return `statusCategory ${done ? '=' : '!='} ${escapeJqlString('Done')}`;
}

/**
 * The figure of a list of issues counted by a rule Jira cannot search: exact (`project = "KEY" AND key in (…)`)
 * when there are between 1 and MAX_KEYS_IN_JQL of them, otherwise the population they were counted in.
 */
export function keyListFigure(label: string, projectKey: string, keys: readonly string[], populationJql: string): TracedFigure {
  const distinct = [...new Set(keys)].sort(compareIssueKeys);
  if (distinct.length === 0 || distinct.length > MAX_KEYS_IN_JQL) return { label, value: distinct.length, jql: populationJql, exact: false };
  return { label, value: distinct.length, jql: andJql(projectJql(projectKey), `key in (${distinct.map(escapeJqlString).join(', ')})`), exact: true };
}

/** A figure whose JQL finds exactly what it counts. */
export function exactFigure(label: string, value: number, jql: string): TracedFigure {
  return { label, value, jql, exact: true };
}
