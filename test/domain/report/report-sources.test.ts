import { PLAN_ITEM_PROPERTY_KEY } from '../../../src/domain/epics/plan-item-property';
import { FINDING_LABELS, analyseGaps } from '../../../src/domain/gap';
import { NO_SCOPE_STATEMENT, gapAnalysisInput, maturityOfUnits, plannedWorkWithEpics, readReportIssue, toReportInput } from '../../../src/domain/report/report-sources';
import { aUnitAssessment } from '../../builders/assessment.builder';
import { aClauseRecord, gapOptions } from '../../builders/gap.builder';
import { aPlan } from '../../builders/plan.builder';
import { SITE, aSearchedIssue } from '../../builders/report.builder';

const planItem = (role: 'epic' | 'item', clauseId: string | null = null) => ({ [PLAN_ITEM_PROPERTY_KEY]: { planId: 'main', phaseId: 'phase-a', subsetId: '8.6', clauseId, role } });

describe('readReportIssue', () => {
  it('reads a mapped issue as evidence of its clauses', () => {
    const read = readReportIssue(aSearchedIssue('SMS-1', { clauses: ['8.6.1', '4.1'], category: 'indeterminate' }));
    expect(read.evidence).toMatchObject({ issueKey: 'SMS-1', statusCategory: 'indeterminate', kinds: ['record'], clauses: ['4.1', '8.6.1'] });
    expect(read.plannedWork).toBeUndefined();
    expect(read.findings).toEqual([]);
  });

  it('reads an issue the plan created as planned work (of its plan clause too), never evidence', () => {
    const read = readReportIssue(aSearchedIssue('SMS-2', { clauses: ['8.6.1'], properties: planItem('item', '8.6.2') }));
    expect(read.evidence).toBeUndefined();
    expect(read.plannedWork?.clauses).toEqual(['8.6.1', '8.6.2']);
  });

  it('reads an issue with a finding label as findings, one per mapped clause, not evidence', () => {
    const read = readReportIssue(aSearchedIssue('SMS-3', { clauses: ['8.6.1', '9.1'], labels: [FINDING_LABELS.major_nc], category: 'new' }));
    expect(read.evidence).toBeUndefined();
    expect(read.findings.map((f) => f.clauseId)).toEqual(['8.6.1', '9.1']);
  });
});

describe('plannedWorkWithEpics', () => {
  it('gives each work item the key of the epic of its phase and process subset when the search found it', () => {
    const issues = [readReportIssue(aSearchedIssue('SMS-10', { clauses: [], properties: planItem('epic') })), readReportIssue(aSearchedIssue('SMS-11', { properties: planItem('item', '8.6.1') }))];
    expect(plannedWorkWithEpics(issues).map((w) => [w.issueKey, w.epicKey])).toEqual([['SMS-11', 'SMS-10']]);
    expect(plannedWorkWithEpics(issues.slice(1)).map((w) => w.epicKey)).toEqual([undefined]);
  });
});

describe('maturityOfUnits', () => {
  it('lists assessed units only, and the assessed processes as clause gaps', () => {
    const out = maturityOfUnits([aUnitAssessment('8.6.1', { current: 1, target: 3 }), { unitId: '8.6.2', elements: {} }]);
    expect(out?.rows.map((r) => [r.unitId, r.current, r.target])).toEqual([['8.6.1', 1, 3]]);
    expect(out?.gaps.map((g) => g.clauseId)).toEqual(['8.6.1']);
  });

  it('is undefined when nothing is assessed (the report shows its empty state)', () => {
    expect(maturityOfUnits([])).toBeUndefined();
  });
});

describe('gapAnalysisInput and toReportInput', () => {
  const issues = [readReportIssue(aSearchedIssue('SMS-1')), readReportIssue(aSearchedIssue('SMS-2', { properties: planItem('item', '8.6.1') }))];
  const sources = { issues, scope: undefined, maturity: undefined, plan: { plan: aPlan() }, challenges: undefined };

  it('splits the issues into evidence and planned work and passes the clause records through', () => {
    const input = gapAnalysisInput(sources, [aClauseRecord()]);
    expect(input.evidence?.map((e) => e.issueKey)).toEqual(['SMS-1']);
    expect(input.plannedWork?.map((w) => w.issueKey)).toEqual(['SMS-2']);
    expect(input.records).toEqual([aClauseRecord()]);
    expect(input.epics).toBeDefined();
  });

  it('says that no scope was saved yet, and counts the phase work from the plan', () => {
    const gaps = analyseGaps(gapAnalysisInput(sources, []), gapOptions());
    const input = toReportInput(sources, gaps, { siteBaseUrl: SITE, projectKey: 'SMS', projectName: 'Service management', previous: undefined });
    expect(input.scopeStatement).toBe(NO_SCOPE_STATEMENT);
    expect(input.scopeVersion).toBeUndefined();
    expect(input.phases.map((p) => p.name)).toEqual(['Phase A']);
    expect(input.challenges).toBeUndefined();
  });
});
