import { JiraClient } from '../../src/jira/jira-client';
import { loadSpec } from '../../sandbox/specs';
import { FakeProductApi, recordingSleep, type FakeReply, type RecordedRequest } from './fake-product-api';
import { matchSpecPath, specProblems } from './spec-paths';

/** Plausible Jira answers by route, enough for every client method to run to the end. */
function jiraFake(req: RecordedRequest): FakeReply {
  const p = req.pathname;
  if (p === '/rest/api/3/mypermissions') return { status: 200, body: { permissions: { BROWSE_PROJECTS: { havePermission: true } } } };
  if (/\/project\/[^/]+\/role$/.test(p)) return { status: 200, body: { Admins: 'https://x/rest/api/3/project/1/role/10002' } };
  if (/\/project\/[^/]+\/role\/[^/]+$/.test(p)) return { status: 200, body: { id: 10002, name: 'Admins', actors: [] } };
  if (/\/project\/[^/]+$/.test(p)) return { status: 200, body: { id: '10000', key: 'SMS', name: 'SMS' } };
  if (p === '/rest/api/3/issuetype/project') return { status: 200, body: [{ id: '1', name: 'Epic', hierarchyLevel: 1 }] };
  if (p.includes('/issue/createmeta/')) return { status: 200, body: { startAt: 0, maxResults: 200, total: 0, fields: [] } };
  if (p === '/rest/api/3/issue/bulk') return { status: 201, body: { issues: [{ id: '1', key: 'SMS-1' }], errors: [] } };
  if (p === '/rest/api/3/issue') return { status: 201, body: { id: '1', key: 'SMS-1' } };
  if (p === '/rest/api/3/search/approximate-count') return { status: 200, body: { count: 153 } };
  if (p === '/rest/api/3/search/jql') return { status: 200, body: { issues: [{ id: '1', key: 'SMS-1', fields: {} }], isLast: true } };
  if (p === '/rest/api/3/issue/properties/multi' || p === '/rest/api/3/issue/properties') {
    return { status: 303, headers: { location: '/rest/api/3/task/5' } };
  }
  if (p.startsWith('/rest/api/3/task/')) return { status: 200, body: { id: '5', status: 'COMPLETE' } };
  if (p.includes('/properties/')) return req.method === 'GET' ? { status: 200, body: { key: 'k', value: 1 } } : { status: 204 };
  if (p === '/rest/api/3/issueLink') return { status: 201 };
  if (p === '/rest/api/3/user/bulk') return { status: 200, body: { isLast: true, values: [{ accountId: 'a:1', displayName: 'Ann' }] } };
  if (/\/issue\/[^/]+$/.test(p)) return req.method === 'GET' ? { status: 200, body: { id: '1', key: 'SMS-1', fields: {} } } : { status: 204 };
  return { status: 599, body: `unrouted ${req.method} ${p}` };
}

describe('JiraClient against the official Jira v3 spec', () => {
  it('matches templated paths, preferring literal segments', () => {
    const spec = loadSpec('jira') as { paths: Record<string, unknown> };
    expect(matchSpecPath(spec, '/rest/api/3/issue/properties')).toBe('/rest/api/3/issue/properties');
    expect(matchSpecPath(spec, '/rest/api/3/issue/SMS-1')).toBe('/rest/api/3/issue/{issueIdOrKey}');
    expect(matchSpecPath(spec, '/rest/api/3/no/such/thing')).toBeUndefined();
  });

  it('flags a deprecated or unknown path, an unknown method, query parameter or body property', () => {
    const req = (method: string, path: string, body?: unknown): RecordedRequest => {
      const [pathname = '', q = ''] = path.split('?');
      return { as: 'user', product: 'jira', method, path, pathname, query: new URLSearchParams(q), body };
    };
    const problems = specProblems(loadSpec('jira'), [
      req('GET', '/rest/api/3/search'),
      req('GET', '/rest/api/3/no-such-thing'),
      req('PATCH', '/rest/api/3/issue/SMS-1'),
      req('GET', '/rest/api/3/mypermissions?projectKey=SMS&permission=X'),
      req('POST', '/rest/api/3/search/jql', { jql: 'x', startAt: 0 }),
      req('POST', '/rest/api/3/issue/properties/multi', { issues: [] }),
    ]);
    expect(problems).toEqual([
      'GET /rest/api/3/search: GET /rest/api/3/search is deprecated',
      'GET /rest/api/3/no-such-thing: no such path in the spec',
      'PATCH /rest/api/3/issue/SMS-1: /rest/api/3/issue/{issueIdOrKey} has no PATCH',
      'GET /rest/api/3/mypermissions?projectKey=SMS&permission=X: query parameter permission is not declared for /rest/api/3/mypermissions',
      'POST /rest/api/3/search/jql: body property startAt is not declared for /rest/api/3/search/jql',
    ]);
  });

  it('sends only paths, methods, query parameters and body properties the spec declares', async () => {
    const api = new FakeProductApi([], jiraFake);
    const c = new JiraClient(api, { sleep: recordingSleep().sleep });
    await c.getMyPermissions('10000', ['BROWSE_PROJECTS']);
    await c.getProjectRoles('10000');
    await c.getProjectRoleActorIds('10000', '10002');
    await c.getProject('SMS');
    await c.getIssueTypesForProject('10000');
    await c.getCreateFields('10000', '10001');
    await c.createIssue({ fields: { summary: 'x' } });
    await c.createIssuesBulk([{ fields: { summary: 'x' } }]);
    await c.getIssue('SMS-1', { fields: ['summary'], properties: ['p'] });
    await c.getIssuesByKeys(['SMS-1']);
    await c.editIssue('SMS-1', { fields: { summary: 'y' } });
    await c.getIssueProperty('SMS-1', 'p');
    await c.setIssueProperty('SMS-1', 'p', { a: 1 });
    await c.deleteIssueProperty('SMS-1', 'p');
    await c.setIssuePropertiesMulti([{ issueId: '1', properties: { p: 1 } }]);
    await c.bulkSetIssuePropertyByList(['1'], { p: 1 });
    await c.searchJql('project = SMS', { properties: ['p'], nextPageToken: 't' });
    expect(await c.approximateCount('project = SMS')).toBe(153);
    expect(await c.anyIssueMatches('project = SMS')).toBe(true);
    await c.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key: 'SMS-1' }, outwardIssue: { key: 'SMS-2' } });
    await c.getUsersByAccountIds(['a:1', 'b:2']);

    const seen = new Set(api.requests.map((r) => `${r.method} ${r.pathname}`));
    expect(seen.size).toBeGreaterThanOrEqual(15);
    expect(specProblems(loadSpec('jira'), api.requests)).toEqual([]);
  });
});
