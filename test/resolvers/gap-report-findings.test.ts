import { toSettingsView } from '../../src/storage/settings-repository';
import { FINDING_LABELS } from '../../src/domain/gap';
import { readReportIssue } from '../../src/domain/report/report-sources';
import { buildServices } from '../../src/wiring';
import { toClauseViews, toGapReportView } from '../../src/services/gap-report-view';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { NC_CLOSURE_PROPERTY_KEY } from '../../src/domain/audit';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { FakeProductApi } from '../jira/fake-product-api';

// Audit findings in the gap report service: read from the report's one search (labels + mapping property),
// kept out of the evidence, and shown per clause in the Gap report view.
const NOW = new Date('2026-11-20T10:00:00.000Z');

function rawIssue(key: string, labels: unknown, category: string, clauses: string[], extra: Record<string, unknown> = {}) {
  return {
    id: key.replace('SMS-', '1000'),
    key,
    fields: { summary: `Summary of ${key}`, updated: '2026-11-01T00:00:00.000+0000', labels, status: { statusCategory: { key: category } } },
    properties: { [MAPPING_PROPERTY_KEY]: { clauses, kinds: ['record'], phases: [] }, ...extra },
  };
}

const VERIFIED = { [NC_CLOSURE_PROPERTY_KEY]: { actionKey: 'SMS-99', verifiedAt: '2026-11-10T00:00:00.000Z', verifiedBy: 'someone' } };

describe('readReportIssue with finding labels', () => {
  it('reads a mapped issue with a finding label as a finding of each clause, not as evidence', () => {
    const read = readReportIssue(rawIssue('SMS-4', ['audit', FINDING_LABELS.major_nc], 'indeterminate', ['8.7.1', '9.1']));
    expect(read.evidence).toBeUndefined();
    expect(read.findings).toEqual([
      { id: 'SMS-4', grade: 'major_nc', clauseId: '8.7.1', open: true, summary: 'Summary of SMS-4' },
      { id: 'SMS-4', grade: 'major_nc', clauseId: '9.1', open: true, summary: 'Summary of SMS-4' },
    ]);
  });

  it('keeps a mapped issue without a finding label (or with unreadable labels) as evidence', () => {
    for (const labels of [['audit'], 'not-a-list', undefined]) {
      const read = readReportIssue(rawIssue('SMS-5', labels, 'done', ['8.6.1']));
      expect(read.findings).toEqual([]);
      expect(read.evidence).toMatchObject({ issueKey: 'SMS-5', clauses: ['8.6.1'], statusCategory: 'done' });
    }
  });

  it('reads a nonconformity as closed only once a corrective action on it is verified effective; a done status alone keeps it open', () => {
    expect(readReportIssue(rawIssue('SMS-6', [FINDING_LABELS.minor_nc], 'done', ['8.5.1.3'])).findings.map((f) => f.open)).toEqual([true]);
    expect(readReportIssue(rawIssue('SMS-6', [FINDING_LABELS.minor_nc], 'new', ['8.5.1.3'], VERIFIED)).findings.map((f) => f.open)).toEqual([false]);
    expect(readReportIssue(rawIssue('SMS-7', [FINDING_LABELS.observation], 'done', ['8.5.1.3'])).findings.map((f) => f.open)).toEqual([false]);
  });
});

describe('GapReportService with findings', () => {
  it('asks for labels in its one search and turns open findings into warnings, a proposal and view rows', async () => {
    const api = new FakeProductApi([
      {
        status: 200,
        body: {
          issues: [
            rawIssue('SMS-1', ['sms-major-nc'], 'new', ['8.7.1']),
            rawIssue('SMS-2', ['sms-observation', 'audit'], 'indeterminate', ['8.7.1']),
            rawIssue('SMS-3', ['sms-minor-nc'], 'done', ['9.3'], VERIFIED),
            rawIssue('SMS-9', [], 'done', ['8.7.1']),
          ],
          isLast: true,
        },
      },
    ]);
    const service = buildServices({ api, store: new InMemoryKvStore(), queue: { push: async () => 'q' }, now: () => NOW, log: () => undefined }).gapReport;
    const data = await service.collect('10000', { as: 'user' });
    expect(api.requests).toHaveLength(1);
    expect((api.requests[0]?.body as { fields: string[] }).fields).toEqual(['summary', 'status', 'updated', 'labels', 'assignee', 'project']);

    const analysis = service.analyse(data);
    const availability = analysis.clauses.find((c) => c.clauseId === '8.7.1');
    expect(availability).toMatchObject({ result: 'nonconformant', ruleId: 'open-major-nc' });
    expect(availability?.evidence.map((e) => e.issueKey)).toEqual(['SMS-9']);
    expect(availability?.warnings.find((w) => w.code === 'open_nonconformity')?.message).toBe('1 open nonconformity (1 major, 0 minor): SMS-1.');
    expect(analysis.clauses.find((c) => c.clauseId === '9.3')?.openFindings).toEqual([]);

    const row = toClauseViews(analysis, [], 'SMS').find((c) => c.clauseId === '8.7.1');
    expect(row?.findings).toEqual([
      { issueKey: 'SMS-1', summary: 'Summary of SMS-1', grade: 'major_nc', gradeTitle: 'Major nonconformity' },
      { issueKey: 'SMS-2', summary: 'Summary of SMS-2', grade: 'observation', gradeTitle: 'Observation' },
    ]);
    const view = toGapReportView({
      projectKey: 'SMS',
      analysis,
      data,
      canEdit: false,
      publication: undefined,
      settings: toSettingsView('10000', undefined),
      people: {},
    });
    expect(view.openFindingCount).toBe(2);
    expect(view.findingLabels.map((l) => l.label)).toEqual(['sms-major-nc', 'sms-minor-nc', 'sms-observation', 'sms-ofi']);
    expect(view.findingConvention).toContain('not in a Done status');
    expect(view.findingConvention).toContain('verified as effective');
  });
});
