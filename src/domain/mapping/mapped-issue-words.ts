/**
 * The words of the project's mapped-issue figures, one wording for every view and message (the figures come
 * from one computation, tallyMappedIssues in coverage.ts; the gap report's evidence count is the same figure).
 * Kept apart from coverage.ts so that the UI takes the words without the clause catalogue.
 */
import type { MappedIssueTally } from './coverage';
import { plural } from '../plural';

/** "40 issues as evidence": the gap report's evidence figure, in the words every view uses for it. */
export const asEvidence = (n: number): string => `${plural(n, 'issue')} as evidence`;

/** "44 mapped issues: 40 as evidence, 4 audit findings": the tally in the words every view uses (zero parts after evidence left out). */
export function mappedIssuesInWords(t: MappedIssueTally): string {
  const parts = [`${t.evidence} as evidence`];
  if (t.findings > 0) parts.push(plural(t.findings, 'audit finding'));
  if (t.plannedWork > 0) parts.push(`${plural(t.plannedWork, 'planned work item')} (not evidence)`);
  const rest = t.mapped - t.evidence - t.findings - t.plannedWork;
  if (rest > 0) parts.push(`${rest} mapped only to clauses the catalogue does not know`);
  return `${plural(t.mapped, 'mapped issue')}: ${parts.join(', ')}`;
}
