/** Fixed-default builder for gap report input. */
import { analyseGaps, type GapAnalysisInput, type GapSnapshot } from '../../src/domain/gap';
import { type GapReportInput } from '../../src/domain/report';
import type { SearchedIssue } from '../../src/domain/report/report-sources';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { GAP_NOW, aClauseRecord, aFinding, aGapInput, anEvidence, daysAgo, gapOptions } from './gap.builder';

export const SITE = 'https://example.atlassian.net';

export function aGapInputWithData(): GapAnalysisInput {
  return aGapInput({
    records: [aClauseRecord(), aClauseRecord({ clauseId: '4.3', result: 'partially_conformant' }), aClauseRecord({ clauseId: '10.2', result: 'not_applicable' })],
    evidence: [
      anEvidence(),
      anEvidence({ issueKey: 'SMS-2', summary: 'Change records for October', statusCategory: 'indeterminate', clauses: ['8.5.1.2', '8.5.1.3'] }),
      anEvidence({ issueKey: 'SMS-3', summary: 'SMS scope statement', clauses: ['4.3'], kinds: ['policy'], updated: daysAgo(400) }),
    ],
    findings: [aFinding()],
    maturityGaps: [{ clauseId: '8.5', unitName: 'Service design, build and transition', current: 1, target: 2 }],
    epics: { inScope: ['8.5', '8.6'], withEpic: ['8.5'] },
  });
}

export const PREVIOUS_SNAPSHOT: GapSnapshot = {
  takenAt: daysAgo(30),
  results: { '4.3': 'nonconformant', '8.5.1.1': 'partially_conformant', '8.6.1': 'conformant' },
};

export function aReportInput(overrides: Partial<GapReportInput> = {}, gapInput: GapAnalysisInput = aGapInputWithData()): GapReportInput {
  const gaps = analyseGaps(gapInput, gapOptions());
  return {
    siteBaseUrl: SITE,
    projectKey: 'SMS',
    projectName: 'Service Management',
    generatedAt: GAP_NOW.toISOString(),
    scopeStatement: 'The SMS covers the payroll and HR services delivered from the Lisbon data centre.\n\nIt includes the service desk.',
    scopeVersion: 3,
    gaps,
    maturity: [
      { unitId: '8.5', unitName: 'Service design, build and transition', current: 1, target: 2 },
      { unitId: '8.6', unitName: 'Resolution and fulfilment', current: 2, target: 2 },
      { unitId: '8.3', unitName: 'Relationship and agreement', current: 0, target: 3 },
    ],
    phases: [
      { name: 'Phase 1: foundations', epicKey: 'SMS-100', done: 8, inProgress: 2, toDo: 1 },
      { name: 'Phase 2: operation', epicKey: 'SMS-101', done: 0, inProgress: 0, toDo: 0 },
    ],
    previous: PREVIOUS_SNAPSHOT,
    ...overrides,
  };
}

/** A searched issue as Jira gives it to the report: mapped to `clauses`, status category `category`, `extra` properties. */
export function aSearchedIssue(key: string, options: { clauses?: string[]; category?: string; labels?: string[]; properties?: Record<string, unknown> } = {}): SearchedIssue {
  return {
    key,
    fields: { summary: `Summary of ${key}`, updated: '2026-11-01T00:00:00.000+0000', labels: options.labels ?? [], status: { statusCategory: { key: options.category ?? 'done' } } },
    properties: { [MAPPING_PROPERTY_KEY]: { clauses: options.clauses ?? ['8.6.1'], kinds: ['record'], phases: [] }, ...options.properties },
  };
}
