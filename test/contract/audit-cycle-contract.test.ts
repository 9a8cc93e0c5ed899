import path from 'node:path';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import { readTrafficLog } from '../../sandbox/emulator';
import { formatViolations, validateTraffic } from '../../sandbox/contract/openapi-validator';
import { CORRECTIVE_ACTION_LABEL, CORRECTIVE_ACTION_PROPERTY_KEY } from '../../src/domain/audit';
import { FINDING_LABELS } from '../../src/domain/gap';
import { JiraClient } from '../../src/jira/jira-client';
import { AuditSamplingService } from '../../src/services/audit-sampling.service';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { ReviewPackService } from '../../src/services/review-pack.service';
import { startHarness, type Harness } from '../sandbox/emulator-harness';
import { aReviewPackInput, anAuditPlan } from '../builders/audit.builder';

/**
 * The audit cycle's product calls against the official OpenAPI specs: the id-only searches and the one PUT of
 * the audit sample (description with a task list and a mention, issue property in the same body), the review's
 * search (links and properties) and its page upsert. Every request, and every 2xx response, must be valid.
 */
jest.setTimeout(120_000);

let h: Harness;
let trafficFile: string;

beforeAll(async () => {
  h = await startHarness();
  trafficFile = path.join(h.dir, 'traffic.jsonl');
  await h.close({ keepDir: true });
  h = await startHarness({ dataDir: h.dir, trafficLogFile: trafficFile });
});

afterAll(async () => {
  await h.close();
});

it('sends only requests the specs allow and gets only responses they describe', async () => {
  const projectKey = h.emulator.seedLargeProject(8, { key: 'CON' }).projectKey;
  const api = createHttpProductApi(h.url, () => undefined);
  const jira = new JiraClient(api);
  const found: { id: string; key: string }[] = [];
  for await (const i of jira.searchJqlAll(`project = ${projectKey} ORDER BY key ASC`, { as: 'app', fields: ['key'] })) found.push(i);
  const [nc, ca, audit] = found as [{ id: string; key: string }, { id: string; key: string }, { id: string; key: string }];
  await jira.bulkSetIssuePropertyByList(found.slice(3).map((i) => i.id), { [MAPPING_PROPERTY_KEY]: { clauses: ['8.6.1'], kinds: ['record'], phases: [] } }, { as: 'app' });
  await jira.editIssue(nc.key, { update: { labels: [{ add: FINDING_LABELS.major_nc }] } }, { as: 'app' });
  await jira.editIssue(ca.key, { update: { labels: [{ add: CORRECTIVE_ACTION_LABEL }] } }, { as: 'app' });
  await jira.setIssueProperty(ca.key, CORRECTIVE_ACTION_PROPERTY_KEY, { nonconformityKey: nc.key, rootCause: 'r', action: 'a', dueDate: '2026-12-15', verification: null }, { as: 'app' });

  await new AuditSamplingService({ jira: new JiraClient(api) }, { as: 'app' }).drawAndRecord({
    projectKey,
    siteBaseUrl: 'https://example.atlassian.net',
    auditIssueKey: audit.key,
    plan: anAuditPlan({ scope: { clauses: ['8.6.1'], processes: [] } }),
    owners: [],
    request: { seed: 'contract', asOf: '2026-11-20T12:00:00.000Z', sizes: { '8.6.1': 3 } },
  });
  const { audits: _a, nonconformities: _n, actions: _c, previousActions: _p, ...stored } = aReviewPackInput({ projectKey });
  await new ReviewPackService({ jira: new JiraClient(api), confluence: new ConfluenceClient(api) }, { as: 'app' }).publish({ ...stored, spaceKey: 'SMS', parentId: '65537' });

  const entries = readTrafficLog(trafficFile);
  const report = await validateTraffic(entries);
  expect(formatViolations(report.invalid)).toBe('');
  const ops = entries.map((e) => `${e.method} ${e.path.split('?')[0]?.replace(/[A-Z]+-\d+/g, '{key}')}`);
  expect(ops).toEqual(expect.arrayContaining(['POST /rest/api/3/search/jql', 'PUT /rest/api/3/issue/{key}', 'POST /wiki/api/v2/pages']));
});
