import path from 'node:path';
import { readTrafficLog, type TrafficEntry } from '../../sandbox/emulator';
import { formatViolations, validateTraffic } from '../../sandbox/contract/openapi-validator';
import { startHarness, type Harness } from '../sandbox/emulator-harness';

/**
 * Every emulated Jira v3 and Confluence v2 operation is called with a realistic request; the traffic log is then
 * checked against the official OpenAPI specs: every request, and every 2xx response, must be valid.
 */
let h: Harness;
let trafficFile: string;

const adf = (text: string): string => JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  h = await startHarness();
  trafficFile = path.join(h.dir, 'traffic.jsonl');
  await h.close({ keepDir: true });
  h = await startHarness({ dataDir: h.dir, trafficLogFile: trafficFile });

  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, as: 'member' | 'app' | 'projectAdmin' = 'member') => {
    const res = await h.call(method, url, body, as);
    if (res.statusCode >= 400) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return res;
  };
  const J = '/rest/api/3';
  await ok('GET', `${J}/myself`);
  await ok('GET', `${J}/user/bulk?maxResults=3&accountId=${encodeURIComponent('557058:sandbox-member')}&accountId=${encodeURIComponent('557058:sandbox-app-sms-navigator')}&accountId=unknown-account`);
  await ok('GET', `${J}/project/search?keys=SMS&keys=OPS&maxResults=10`);
  await ok('GET', `${J}/project/SMS`);
  await ok('GET', `${J}/project/OPS`);
  await ok('GET', `${J}/project/10000/role`, undefined, 'projectAdmin');
  await ok('GET', `${J}/project/10000/role/10002`, undefined, 'app');
  await ok('GET', `${J}/issuetype/project?projectId=10000`);
  await ok('GET', `${J}/issuetype/project?projectId=10001&level=1`);
  await ok('GET', `${J}/issue/createmeta/SMS/issuetypes`);
  await ok('GET', `${J}/issue/createmeta/SMS/issuetypes/10001`);
  await ok('GET', `${J}/issue/createmeta/OPS/issuetypes/10100`);
  const epic = (await ok('POST', `${J}/issue`, { fields: { project: { key: 'SMS' }, issuetype: { id: '10000' }, summary: 'Clause 8.6.1: incident management', labels: ['sms-navigator'], description: JSON.parse(adf('Epic for the clause.')) as unknown } })).json() as { key: string; id: string };
  const bulk = (await ok('POST', `${J}/issue/bulk`, {
    issueUpdates: [
      { fields: { project: { id: '10000' }, issuetype: { id: '10001' }, summary: 'Write the incident procedure', parent: { key: epic.key }, components: [{ id: '10105' }] }, properties: [{ key: 'sms-navigator-mapping', value: { clauses: ['8.6.1'], kinds: ['procedure'], phases: [] } }] },
      { fields: { project: { id: '10000' }, issuetype: { id: '10001' } } },
    ],
  })).json() as { issues: { key: string; id: string }[] };
  const child = bulk.issues[0] as { key: string; id: string };
  await ok('GET', `${J}/issue/${child.key}`);
  await ok('GET', `${J}/issue/${child.key}?fields=summary,parent,status,labels&properties=sms-navigator-mapping`);
  await ok('PUT', `${J}/issue/${child.key}`, { fields: { summary: 'Write and approve the incident procedure', labels: ['iso20000'] } });
  await ok('PUT', `${J}/issue/${child.key}?returnIssue=true`, { update: { labels: [{ add: 'reviewed' }] } });
  await ok('PUT', `${J}/issue/${child.key}/properties/sms-navigator-review`, { reviewed: true, by: ['557058:sandbox-member'] });
  await ok('GET', `${J}/issue/${child.key}/properties`);
  await ok('GET', `${J}/issue/${child.key}/properties/sms-navigator-review`);
  await ok('DELETE', `${J}/issue/${child.key}/properties/sms-navigator-review`);
  const transitions = (await ok('GET', `${J}/issue/${child.key}/transitions`)).json() as { transitions: { id: string; to: { statusCategory: { key: string } } }[] };
  const toDone = transitions.transitions.find((t) => t.to.statusCategory.key === 'done');
  await ok('POST', `${J}/issue/${child.key}/transitions`, { transition: { id: toDone?.id ?? 'none' } }, 'app');
  await ok('GET', `${J}/user/search?query=mo&maxResults=10`);
  const multi = await h.call('POST', `${J}/issue/properties/multi`, { issues: [{ issueID: Number(child.id), properties: { 'sms-navigator-mapping': { clauses: ['8.6.1', '8.6.3'], kinds: ['record'], phases: ['1'] } } }] }, 'app');
  expect(multi.statusCode).toBe(303);
  await ok('GET', multi.headers.location as string, undefined, 'app');
  const list = await h.call('POST', `${J}/issue/properties`, { entitiesIds: [10000, 10001], properties: { 'sms-navigator-seen': { at: '2026-11-20' } } }, 'app');
  expect(list.statusCode).toBe(303);
  await ok('POST', `${J}/search/jql`, { jql: 'project = SMS AND smsClause = "8.6.1" ORDER BY key', maxResults: 50, fields: ['summary', 'status', 'issuetype', 'parent', 'labels', 'created', 'updated', 'resolutiondate'], properties: ['sms-navigator-mapping'] });
  const firstPage = (await ok('POST', `${J}/search/jql`, { jql: 'project = SMS ORDER BY created DESC', maxResults: 20, fields: ['*all'] })).json() as { nextPageToken: string };
  await ok('POST', `${J}/search/jql`, { jql: 'project = SMS ORDER BY created DESC', maxResults: 20, fields: ['*all'], nextPageToken: firstPage.nextPageToken });
  await ok('POST', `${J}/search/jql`, { jql: 'project = SMS AND issuetype = Epic', maxResults: 100, fields: ['key'] });
  await ok('POST', `${J}/search/approximate-count`, { jql: 'project = SMS AND smsClause IS NOT EMPTY AND smsPlan IS EMPTY' });
  await ok('GET', `${J}/search/jql?jql=${encodeURIComponent(`parent = ${epic.key}`)}&fields=summary,status&maxResults=10&properties=sms-navigator-mapping`);
  await ok('GET', `${J}/mypermissions?projectId=10000&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER_PROJECTS`);
  await ok('GET', `${J}/mypermissions?projectKey=OPS&permissions=CREATE_ISSUES`);
  await ok('POST', `${J}/permissions/check`, { accountId: '557058:sandbox-member', globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001], issues: [10000] }] }, 'app');
  await ok('POST', `${J}/issueLink`, { type: { name: 'Relates' }, inwardIssue: { key: child.key }, outwardIssue: { key: 'SMS-2' } });
  await ok('GET', `${J}/issueLinkType`);

  const C = '/wiki/api/v2';
  await ok('GET', `${C}/spaces?keys=SMS`);
  await ok('GET', `${C}/pages?space-id=131073&title=${encodeURIComponent('Service Management System Home')}&body-format=atlas_doc_format`);
  const page = (await ok('POST', `${C}/pages`, { spaceId: '131073', status: 'current', title: 'SMS assessment 2026-11', parentId: '65537', body: { representation: 'atlas_doc_format', value: adf('Assessment results.') } })).json() as { id: string };
  await ok('GET', `${C}/pages/${page.id}?body-format=atlas_doc_format`);
  await ok('GET', `${C}/pages/${page.id}?body-format=storage`);
  await ok('PUT', `${C}/pages/${page.id}`, { id: page.id, status: 'current', title: 'SMS assessment 2026-11', body: { representation: 'atlas_doc_format', value: adf('Updated results.') }, version: { number: 2, message: 'Refreshed by SMS Navigator' } });
  await ok('GET', `${C}/pages/65537/children?limit=1`);
  const spacePages = await ok('GET', `${C}/spaces/131073/pages?status=current&sort=title&limit=1`);
  const nextPages = /<([^>]*)>;\s*rel="next"/.exec(spacePages.headers.link as string)?.[1];
  expect(nextPages).toMatch(/^\/wiki\/api\/v2\/spaces\/131073\/pages\?.*cursor=/);
  await ok('GET', nextPages as string);
  await ok('GET', `${C}/spaces/131073/pages?depth=root&sort=-title&limit=25`);
  const prop = (await ok('POST', `${C}/pages/${page.id}/properties`, { key: 'sms-navigator-report', value: { projectKey: 'SMS', generatedAt: '2026-11-20T12:00:00.000Z' } })).json() as { id: string };
  await ok('GET', `${C}/pages/${page.id}/properties?key=sms-navigator-report`);
  await ok('GET', `${C}/pages/${page.id}/properties/${prop.id}`);
  await ok('PUT', `${C}/pages/${page.id}/properties/${prop.id}`, { key: 'sms-navigator-report', value: { projectKey: 'SMS', generatedAt: '2026-11-21T12:00:00.000Z' }, version: { number: 2 } });
  await ok('DELETE', `${C}/pages/${page.id}/properties/${prop.id}`);
}, 30_000);

afterAll(async () => {
  await h.close();
});

describe('emulator contract (official OpenAPI specs)', () => {
  it('sends only valid requests and valid 2xx responses for every emulated operation', async () => {
    const entries = readTrafficLog(trafficFile);
    const report = await validateTraffic(entries);
    expect(formatViolations(report.invalid)).toBe('');
    expect(report.invalid).toHaveLength(0);
    const operations = new Set(entries.map((e) => `${e.method} ${e.path.replace(/\/\d+(?=\/|$)/g, '/{id}').replace(/[A-Z]+-\d+/g, '{key}')}`));
    expect(operations.size).toBeGreaterThanOrEqual(35);
    expect(report.responsesValidated).toBeGreaterThanOrEqual(35);
  }, 30_000);

  it('catches deliberately wrong requests and responses', async () => {
    const wrong: TrafficEntry[] = [
      { method: 'POST', path: '/rest/api/3/search/jql', query: {}, requestBody: { jql: 'project = SMS', maxResults: 'ten' }, status: 400, responseBody: null },
      { method: 'POST', path: '/rest/api/3/issue/bulk', query: {}, requestBody: { issueUpdates: 'not a list' }, status: 400, responseBody: null },
      { method: 'GET', path: '/rest/api/3/search/jql', query: { jql: 'project = SMS', maxResults: 'lots' }, requestBody: null, status: 400, responseBody: null },
      { method: 'POST', path: '/wiki/api/v2/pages', query: {}, requestBody: { status: 'current', title: 'No space' }, status: 400, responseBody: null },
      { method: 'POST', path: '/rest/api/3/search/jql', query: {}, requestBody: { jql: 'project = SMS' }, status: 200, responseBody: { issues: 'none', isLast: 'yes' } },
      { method: 'GET', path: '/rest/api/3/not-an-api', query: {}, requestBody: null, status: 404, responseBody: null },
    ];
    const report = await validateTraffic(wrong);
    expect(report.invalid.map((v) => [v.index, v.kind])).toEqual([
      [0, 'request'],
      [1, 'request'],
      [2, 'request'],
      [3, 'request'],
      [4, 'response'],
      [5, 'unknown-operation'],
    ]);
  }, 30_000);
});
