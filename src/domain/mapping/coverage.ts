/**
 * Coverage of the clause mapping: per mapped clause, how many issues are mapped to it, by status category.
 * "Mapped to a clause" has one definition (src/domain/issue-index.ts): the issue's mapping names the clause or a
 * heading above it, so each row's count is exactly what its JQL link (`clauseIssuesJql`) finds.
 */
import { CLAUSES, compareClauseIds, getClause } from '../catalogue/catalogue';
import type { StatusCategory } from '../gap/gap-model';
import type { IssueRole } from '../vocabulary';
import { clauseAndHeadingIds, clauseIssuesJql } from '../issue-index';

export interface CoverageIssue {
  /** The clause ids the issue's mapping names. */
  clauseIds: readonly string[];
  statusCategory: StatusCategory;
}

/** A mapped issue with what it counts as (src/domain/gap/issue-roles.ts): evidence, an audit finding, or planned work. */
export interface MappedIssue extends CoverageIssue {
  role: IssueRole;
}

/**
 * The one count of a project's mapped issues that every view shows: all issues mapped to a clause, and of them
 * those that serve as evidence (the gap report's "issues as evidence": mapped to a known clause, neither an audit
 * finding nor the app's planned work), the audit findings and the planned work.
 */
export interface MappedIssueTally {
  mapped: number;
  evidence: number;
  findings: number;
  plannedWork: number;
}

export function tallyMappedIssues(issues: readonly MappedIssue[]): MappedIssueTally {
  const tally: MappedIssueTally = { mapped: 0, evidence: 0, findings: 0, plannedWork: 0 };
  for (const issue of issues) {
    if (issue.clauseIds.length === 0) continue;
    tally.mapped += 1;
    if (issue.role === 'finding') tally.findings += 1;
    else if (issue.role === 'planned_work') tally.plannedWork += 1;
    else if (issue.clauseIds.some((id) => getClause(id) !== undefined)) tally.evidence += 1;
  }
  return tally;
}

export interface CoverageRow {
  clauseId: string;
  title: string;
  /** An assessable clause (the gap report's clauses); the others are headings or clauses an issue names. */
  assessable: boolean;
  total: number;
  byCategory: Record<StatusCategory, number>;
  jql: string;
}

/**
 * One row per assessable clause (mapped or not: the uncovered ones are the gaps) and per other clause some issue
 * is mapped to; uncovered rows first, then in clause order.
 */
export function coverageRows(projectKey: string, issues: readonly CoverageIssue[]): CoverageRow[] {
  const ids = new Set([...CLAUSES.filter((c) => c.assessable).map((c) => c.id), ...issues.flatMap((i) => i.clauseIds)]);
  const rows = [...ids].sort(compareClauseIds).map(
    (clauseId): CoverageRow => ({
      clauseId,
      title: getClause(clauseId)?.title ?? clauseId,
      assessable: getClause(clauseId)?.assessable === true,
      total: 0,
      byCategory: { new: 0, indeterminate: 0, done: 0 },
      jql: clauseIssuesJql(projectKey, clauseId),
    }),
  );
  const covering = new Map(rows.map((r) => [r.clauseId, clauseAndHeadingIds(r.clauseId)]));
  for (const issue of issues) {
    const ids = new Set(issue.clauseIds);
    for (const row of rows) {
      if (!(covering.get(row.clauseId) ?? []).some((id) => ids.has(id))) continue;
      row.total += 1;
      row.byCategory[issue.statusCategory] += 1;
    }
  }
  return rows.sort((a, b) => Number(a.total > 0) - Number(b.total > 0) || compareClauseIds(a.clauseId, b.clauseId));
}

