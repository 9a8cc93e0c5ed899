import { ISSUE_ROLE_RULE_TEXT, issueRole } from '../../src/domain/gap';
import { PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/epics';
import { buildGapReportAdf } from '../../src/domain/report';
import { EVIDENCE_PROPERTIES, reportIssuesJql } from '../../src/services/gap-report.service';
import { readReportIssue, toReportInput } from '../../src/domain/report/report-sources';
import { buildServices } from '../../src/wiring';
import { toClauseViews } from '../../src/services/gap-report-view';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { FakeProductApi } from '../jira/fake-product-api';
import { plainText } from '../domain/report/validate-adf';

// The evidence rule (src/domain/gap/issue-roles.ts): the work items "Create in Jira" made carry the clause
// mapping AND the plan-item property; they are planned work, never evidence.
const NOW = new Date('2026-11-20T10:00:00.000Z');

function rawIssue(key: string, category: string, clauses: string[], planItem?: { clauseId: string | null; role: 'epic' | 'item' }) {
  return {
    id: key.replace('SMS-', '1000'),
    key,
    fields: { summary: `Summary of ${key}`, updated: '2026-11-01T00:00:00.000+0000', labels: [], status: { statusCategory: { key: category } } },
    properties: {
      [MAPPING_PROPERTY_KEY]: { clauses, kinds: ['record'], phases: ['phase-1'] },
      ...(planItem ? { [PLAN_ITEM_PROPERTY_KEY]: { planId: 'main', phaseId: 'phase-1', subsetId: '8.6', ...planItem } } : {}),
    },
  };
}

describe('planned work is not evidence', () => {
  it('the rule: finding first, then planned work, else evidence', () => {
    expect(issueRole({ hasFindingLabel: false, isPlanItem: true })).toBe('planned_work');
    expect(issueRole({ hasFindingLabel: true, isPlanItem: true })).toBe('finding');
    expect(issueRole({ hasFindingLabel: false, isPlanItem: false })).toBe('evidence');
    expect(ISSUE_ROLE_RULE_TEXT).toContain('planned work, not evidence');
  });

  it('reads a plan work item as planned work of its clause, not as evidence', () => {
    const read = readReportIssue(rawIssue('SMS-300', 'new', ['8.6.1'], { clauseId: '8.6.1', role: 'item' }));
    expect(read.evidence).toBeUndefined();
    expect(read.plannedWork).toEqual({ issueKey: 'SMS-300', summary: 'Summary of SMS-300', statusCategory: 'new', clauses: ['8.6.1'] });
  });

  it('the report search asks for the plan-item property, so telling them apart costs no extra call', () => {
    expect(EVIDENCE_PROPERTIES).toContain(PLAN_ITEM_PROPERTY_KEY);
    expect(reportIssuesJql('10000')).toContain('smsClause IS NOT EMPTY');
  });

  it('to-do work items from "Create in Jira" leave the proposed results as they were and show as implementation work', async () => {
    const api = new FakeProductApi([
      {
        status: 200,
        body: {
          issues: [
            rawIssue('SMS-300', 'new', ['8.6.1'], { clauseId: '8.6.1', role: 'item' }),
            rawIssue('SMS-301', 'done', ['8.6.2'], { clauseId: '8.6.2', role: 'item' }),
            rawIssue('SMS-302', 'new', ['8.6.3'], { clauseId: '8.6.3', role: 'item' }),
            rawIssue('SMS-9', 'done', ['8.6.3']),
          ],
          isLast: true,
        },
      },
    ]);
    const service = buildServices({ api, store: new InMemoryKvStore(), queue: { push: async () => 'q' }, now: () => NOW, log: () => undefined }).gapReport;
    const data = await service.collect('10000', { as: 'user' });
    expect(api.requests).toHaveLength(1);
    const analysis = service.analyse(data);
    const byId = new Map(analysis.clauses.map((c) => [c.clauseId, c]));
    // Without the rule, SMS-300 (to do) made 8.6.1 "Nonconformant (proposed)".
    expect(byId.get('8.6.1')).toMatchObject({ result: 'not_assessed', ruleId: 'no-evidence', evidence: [] });
    expect(byId.get('8.6.2')).toMatchObject({ result: 'not_assessed', evidence: [] });
    expect(byId.get('8.6.3')).toMatchObject({ result: 'conformant', ruleId: 'all-done-current' });
    expect(byId.get('8.6.3')?.evidence.map((e) => e.issueKey)).toEqual(['SMS-9']);
    expect(analysis.evidenceCount).toBe(1);

    const rows = new Map(toClauseViews(analysis, [], 'SMS').map((r) => [r.clauseId, r]));
    expect(rows.get('8.6.1')?.plannedWork).toEqual([{ issueKey: 'SMS-300', summary: 'Summary of SMS-300', statusCategory: 'new', done: false }]);
    expect(rows.get('8.6.2')?.plannedWork).toEqual([{ issueKey: 'SMS-301', summary: 'Summary of SMS-301', statusCategory: 'done', done: true }]);

    const adf = buildGapReportAdf(toReportInput(data, analysis, { siteBaseUrl: 'https://example.atlassian.net', projectKey: 'SMS', projectName: 'SMS', previous: undefined }));
    const text = plainText(adf);
    expect(text).toContain('Implementation work');
    expect(text).toContain('1 open, 0 done');
    expect(text).toContain('0 open, 1 done');
    expect(text).toContain('Work items created by the plan ("Create in Jira") are planned work, not evidence');
  });
});
