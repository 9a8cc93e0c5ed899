/**
 * Counts in words for the UI: the app's one plural helper (src/domain/plural.ts) and the wording of the project's
 * mapped-issue figures (one computation, tallyMappedIssues in src/domain/mapping/coverage.ts; the gap report's
 * evidence count is the same figure).
 */
export { plural } from '@domain/plural';
export { asEvidence, mappedIssuesInWords } from '@domain/mapping/mapped-issue-words';
