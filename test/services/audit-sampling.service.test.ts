import { createHttpProductApi } from '../../sandbox/http-product-api';
import { AuditorNotIndependentError, type AuditPlan, type SampleRequest } from '../../src/domain/audit';
import { PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/epics/plan-item-property';
import { FINDING_LABELS } from '../../src/domain/gap';
import { ValidationError } from '../../src/domain/errors';
import { JiraClient } from '../../src/jira/jira-client';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { AUDIT_SAMPLE_PROPERTY_KEY, AuditSamplingService, sampleProperty } from '../../src/services/audit-sampling.service';
import { type Harness, startHarness } from '../sandbox/emulator-harness';
import { anAuditPlan } from '../builders/audit.builder';

jest.setTimeout(60_000);

const CLAUSES = ['8.6.1', '8.5.1.3', '9.2'] as const;
const AS_OF = '2026-11-20T12:00:00.000Z';

describe('AuditSamplingService against the sandbox', () => {
  let h: Harness;
  let jira: JiraClient;
  let service: AuditSamplingService;
  let projectKey: string;
  let keys: string[];
  const auditKey = (): string => keys[keys.length - 1] as string;
  const plan: AuditPlan = anAuditPlan({ scope: { clauses: [...CLAUSES], processes: [] }, auditor: '557058:auditor' });
  const request = (seed: string): SampleRequest => ({ seed, asOf: AS_OF, sizes: { '8.6.1': 6, '8.5.1.3': 4, '9.2': 3 } });

  beforeAll(async () => {
    h = await startHarness();
    const info = h.emulator.seedLargeProject(91, { key: 'AUD' });
    projectKey = info.projectKey;
    const api = createHttpProductApi(h.url, () => undefined);
    jira = new JiraClient(api);
    const found: { id: string; key: string }[] = [];
    for await (const i of jira.searchJqlAll(`project = ${projectKey} ORDER BY key ASC`, { as: 'app', fields: ['key'] })) found.push(i);
    keys = found.map((i) => i.key);
    // 90 issues mapped, 30 per clause; the last issue is the audit issue.
    for (let c = 0; c < CLAUSES.length; c += 1) {
      const ids = found.slice(0, 90).filter((_, n) => n % CLAUSES.length === c).map((i) => i.id);
      await jira.bulkSetIssuePropertyByList(ids, { [MAPPING_PROPERTY_KEY]: { clauses: [CLAUSES[c]], kinds: ['record'], phases: [] } }, { as: 'app' });
    }
    // Two findings and one plan work item among the 8.6.1 issues: never evidence.
    await jira.editIssue(keys[0] as string, { update: { labels: [{ add: FINDING_LABELS.major_nc }] } }, { as: 'app' });
    await jira.editIssue(keys[3] as string, { update: { labels: [{ add: FINDING_LABELS.observation }] } }, { as: 'app' });
    await jira.setIssueProperty(keys[6] as string, PLAN_ITEM_PROPERTY_KEY, { role: 'item', phaseId: 'phase-a', clauseId: '8.6.1' }, { as: 'app' });
    service = new AuditSamplingService({ jira: new JiraClient(api) }, { as: 'app' });
  });

  afterAll(async () => {
    await h.close();
  });

  it('draws the same sample twice from the same seed and records it in the audit issue in one write', async () => {
    const before = h.emulator.stats().calls;
    const first = await service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners: [], request: request('q4') });
    const calls = h.emulator.stats().calls - before;
    // One search per clause, 2 status, 3 age, findings, plan items; one PUT.
    expect(first.searches).toBe(CLAUSES.length + 7);
    expect(calls).toBe(first.searches + 1);
    expect(first.sample.clauses.map((c) => [c.clauseId, c.population, c.issueKeys.length])).toEqual([
      ['8.5.1.3', 30, 4],
      ['8.6.1', 27, 6],
      ['9.2', 30, 3],
    ]);
    const again = await service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners: [], request: request('q4') });
    expect(again.sample).toEqual(first.sample);
    const other = await service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners: [], request: request('q1') });
    expect(other.sample).not.toEqual(first.sample);

    const stored = await jira.getIssueProperty(auditKey(), AUDIT_SAMPLE_PROPERTY_KEY, { as: 'app' });
    expect(stored).toEqual(sampleProperty(other.sample, request('q1')));
    const issue = await jira.getIssue(auditKey(), { as: 'app', fields: ['description'] });
    const description = JSON.stringify(issue.fields.description);
    expect(description).toContain('"type":"taskList"');
    expect(description).toContain('Drawn with seed “q1”');
  });

  it('never draws findings or the plan’s work items', async () => {
    const r = await service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners: [], request: { ...request('x'), sizes: { '8.6.1': 50 } } });
    const drawn = r.sample.clauses[0]?.issueKeys ?? [];
    expect(drawn).toHaveLength(27);
    for (const k of [keys[0], keys[3], keys[6]]) expect(drawn).not.toContain(k);
  });

  it('refuses an auditor who owns an audited process, and sizes outside the scope, before any product call', async () => {
    const before = h.emulator.stats().calls;
    const owners = [{ unitId: '8.6.1' as const, owner: '557058:auditor' }];
    await expect(service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners, request: request('q4') })).rejects.toBeInstanceOf(AuditorNotIndependentError);
    await expect(
      service.drawAndRecord({ projectKey, siteBaseUrl: 'https://example.atlassian.net', auditIssueKey: auditKey(), plan, owners: [], request: { ...request('q4'), sizes: { '4.1': 2 } } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(h.emulator.stats().calls).toBe(before);
  });
});
