/** Fixed-default builders for gap analysis inputs (no randomness). */
import { type ClauseRecord, type Evidence, type Finding, type GapAnalysisInput, type GapAnalysisOptions } from '../../src/domain/gap';

export const GAP_NOW = new Date('2026-11-26T12:00:00.000Z');
export const DAY_MS = 86_400_000;

/** ISO date `days` days before GAP_NOW. */
export function daysAgo(days: number): string {
  return new Date(GAP_NOW.getTime() - days * DAY_MS).toISOString();
}

export function anEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    issueKey: 'SMS-1',
    summary: 'Change management procedure approved',
    statusCategory: 'done',
    updated: daysAgo(10),
    kinds: ['procedure'],
    clauses: ['8.5.1.1'],
    ...overrides,
  };
}

export function aClauseRecord(overrides: Partial<ClauseRecord> = {}): ClauseRecord {
  return { clauseId: '8.5.1.1', result: 'conformant', note: 'Checked in the internal audit', setBy: '557058:sandbox-project-admin', setAt: daysAgo(2), ...overrides };
}

export function aFinding(overrides: Partial<Finding> = {}): Finding {
  return { id: 'F-1', grade: 'minor_nc', clauseId: '8.5.1.1', open: true, summary: 'Emergency changes not reviewed', ...overrides };
}

export function aGapInput(overrides: Partial<GapAnalysisInput> = {}): GapAnalysisInput {
  return { records: [], evidence: [], ...overrides };
}

export function gapOptions(overrides: Partial<GapAnalysisOptions> = {}): GapAnalysisOptions {
  return { now: GAP_NOW, maxEvidenceAgeDays: 180, ...overrides };
}

/** `count` evidence items spread round-robin over the given clauses, keys SMS-1.., status cycling. */
export function manyEvidence(count: number, clauses: readonly string[], summary: (i: number) => string = (i) => `Evidence item ${i}`): Evidence[] {
  const cats: Evidence['statusCategory'][] = ['done', 'indeterminate', 'new'];
  return Array.from({ length: count }, (_, i) => ({
    issueKey: `SMS-${i + 1}`,
    summary: summary(i),
    statusCategory: cats[i % 3] ?? 'done',
    updated: daysAgo(i % 400),
    kinds: ['record'],
    clauses: [clauses[i % clauses.length] ?? '4.1'],
  }));
}
