import { createHttpProductApi } from '../../sandbox/http-product-api';
import {
  AUDIT_LABEL,
  AUDIT_PLAN_PROPERTY_KEY,
  CORRECTIVE_ACTION_LABEL,
  CORRECTIVE_ACTION_PROPERTY_KEY,
  REVIEW_ACTION_LABEL,
} from '../../src/domain/audit';
import { FINDING_LABELS } from '../../src/domain/gap';
import { JiraClient } from '../../src/jira/jira-client';
import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { ReviewPackService, type PublishReviewRequest, reviewPageTitle } from '../../src/services/review-pack.service';
import { type Harness, startHarness } from '../sandbox/emulator-harness';
import { aReviewPackInput, anAuditPlan, verifiedEffective } from '../builders/audit.builder';

jest.setTimeout(60_000);

describe('ReviewPackService against the sandbox', () => {
  let h: Harness;
  let jira: JiraClient;
  let service: ReviewPackService;
  let projectKey: string;
  let keys: string[];
  const request = (): PublishReviewRequest => {
    const { audits: _a, nonconformities: _n, actions: _c, previousActions: _p, ...stored } = aReviewPackInput({ projectKey, periodStart: '2026-01-01' });
    return { ...stored, spaceKey: 'SMS', parentId: '65537' };
  };

  beforeAll(async () => {
    h = await startHarness();
    projectKey = h.emulator.seedLargeProject(12, { key: 'REV' }).projectKey;
    const api = createHttpProductApi(h.url, () => undefined);
    jira = new JiraClient(api);
    keys = [];
    for await (const i of jira.searchJqlAll(`project = ${projectKey} ORDER BY key ASC`, { as: 'app', fields: ['key'] })) keys.push(i.key);
    const [audit, major, action, reviewAction, observation] = keys as [string, string, string, string, string];
    const label = (key: string, l: string) => jira.editIssue(key, { update: { labels: [{ add: l }] } }, { as: 'app' });
    await label(audit, AUDIT_LABEL);
    await jira.setIssueProperty(audit, AUDIT_PLAN_PROPERTY_KEY, anAuditPlan({ start: '2026-10-01', end: '2026-10-03' }), { as: 'app' });
    await label(major, FINDING_LABELS.major_nc);
    await label(observation, FINDING_LABELS.observation);
    await label(action, CORRECTIVE_ACTION_LABEL);
    await label(reviewAction, REVIEW_ACTION_LABEL);
    for (const finding of [major, observation]) await jira.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key: finding }, outwardIssue: { key: audit } }, { as: 'app' });
    await jira.setIssueProperty(
      action,
      CORRECTIVE_ACTION_PROPERTY_KEY,
      { nonconformityKey: major, rootCause: 'No owner', action: 'Name an owner', dueDate: '2026-12-15', verification: null },
      { as: 'app' },
    );
    service = new ReviewPackService({ jira: new JiraClient(api), confluence: new ConfluenceClient(api) }, { as: 'app' });
  });

  afterAll(async () => {
    await h.close();
  });

  it('reads the audit cycle from one search and sorts it into audits, nonconformities, actions and review actions', async () => {
    const { data } = await service.readIssues(projectKey, '2026-01-01');
    expect(data.audits).toEqual([
      { auditKey: keys[0], title: anAuditPlan().title, start: '2026-10-01', end: '2026-10-03', clauseCount: 4, findings: { major_nc: 1, minor_nc: 0, observation: 1, opportunity_for_improvement: 0 } },
    ]);
    expect(data.nonconformities).toEqual([expect.objectContaining({ issueKey: keys[1], grade: 'major_nc', auditKey: keys[0] })]);
    expect(data.actions.map((a) => [a.issueKey, a.nonconformityKey])).toEqual([[keys[2], keys[1]]]);
    expect(data.previousActions.map((a) => a.issueKey)).toEqual([keys[3]]);
  });

  it('publishes the pack through the page upsert, then updates the same page, with few product calls', async () => {
    const before = h.emulator.stats().calls;
    const first = await service.publish(request());
    const calls = h.emulator.stats().calls - before;
    // One search page, then space, parent page, find by title, create.
    expect(calls).toBe(1 + 4);
    expect(first).toMatchObject({ created: true, title: reviewPageTitle(projectKey, '2026-11-26'), issuesRead: 5 });
    const res = await h.call('GET', `/wiki/api/v2/pages/${first.pageId}?body-format=atlas_doc_format`, undefined, 'siteAdmin');
    const body = JSON.stringify(res.json());
    expect(body).toContain('Open major nonconformities');
    expect(body).toContain(keys[1] as string);

    await jira.setIssueProperty(
      keys[2] as string,
      CORRECTIVE_ACTION_PROPERTY_KEY,
      { nonconformityKey: keys[1], rootCause: 'No owner', action: 'Name an owner', dueDate: '2026-12-15', verification: verifiedEffective() },
      { as: 'app' },
    );
    const again = await service.publish({ ...request(), knownPageId: first.pageId });
    expect(again).toMatchObject({ created: false, pageId: first.pageId, version: first.version + 1 });
    const updated = JSON.stringify((await h.call('GET', `/wiki/api/v2/pages/${first.pageId}?body-format=atlas_doc_format`, undefined, 'siteAdmin')).json());
    expect(updated).toContain('Closed: action verified as effective');
  });
});
