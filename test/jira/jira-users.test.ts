import { UpstreamError } from '../../src/domain/errors';
import { JiraClient, USERS_PER_BULK } from '../../src/jira/jira-client';
import { loadSpec } from '../../sandbox/specs';
import { FakeProductApi, recordingSleep, type FakeReply, type RecordedRequest } from './fake-product-api';
import { specProblems } from './spec-paths';

const noWait = () => ({ sleep: recordingSleep().sleep, random: () => 0 });

const user = (accountId: string, displayName: string) => ({ accountId, accountType: 'atlassian', active: true, displayName });

/** Answers /user/bulk like Jira: the asked ids it knows, one page of at most maxResults (default 10). */
function usersFake(known: Record<string, string>) {
  return (req: RecordedRequest): FakeReply => {
    const ids = req.query.getAll('accountId').filter((id) => known[id] !== undefined);
    const startAt = Number(req.query.get('startAt') ?? 0);
    const max = Number(req.query.get('maxResults') ?? 10);
    const values = ids.slice(startAt, startAt + max).map((id) => user(id, known[id] ?? ''));
    return { status: 200, body: { startAt, maxResults: max, total: ids.length, isLast: startAt + values.length >= ids.length, values } };
  };
}

describe('JiraClient.getUsersByAccountIds', () => {
  it('asks /user/bulk as the user with every id as a repeated accountId and maps id to display name', async () => {
    const api = new FakeProductApi([], usersFake({ 'a:1': 'Ann', 'b:2': 'Bo' }));
    const names = await new JiraClient(api, noWait()).getUsersByAccountIds(['a:1', 'b:2', 'a:1', '']);
    expect(names).toEqual({ 'a:1': 'Ann', 'b:2': 'Bo' });
    expect(api.requests).toHaveLength(1);
    const [req] = api.requests;
    expect(req?.pathname).toBe('/rest/api/3/user/bulk');
    expect(req?.query.getAll('accountId')).toEqual(['a:1', 'b:2']);
    expect(req?.query.get('maxResults')).toBe('2');
    expect(req?.as).toBe('user');
  });

  it('leaves out ids Jira does not return and makes no call for an empty list', async () => {
    const api = new FakeProductApi([], usersFake({ 'a:1': 'Ann' }));
    const client = new JiraClient(api, noWait());
    expect(await client.getUsersByAccountIds(['a:1', 'gone:9'])).toEqual({ 'a:1': 'Ann' });
    expect(await client.getUsersByAccountIds([])).toEqual({});
    expect(api.requests).toHaveLength(1);
  });

  it(`sends at most ${USERS_PER_BULK} ids per request`, async () => {
    const known = Object.fromEntries(Array.from({ length: 230 }, (_, i) => [`id:${i}`, `User ${i}`]));
    const api = new FakeProductApi([], usersFake(known));
    const names = await new JiraClient(api, noWait()).getUsersByAccountIds(Object.keys(known));
    expect(Object.keys(names)).toHaveLength(230);
    expect(names['id:229']).toBe('User 229');
    expect(api.requests.map((r) => r.query.getAll('accountId').length)).toEqual([100, 100, 30]);
  });

  it('follows startAt when Jira returns a chunk over several pages', async () => {
    const known = { 'a:1': 'Ann', 'b:2': 'Bo', 'c:3': 'Cy' };
    const fake = usersFake(known);
    // A Jira that caps every page at 2 users whatever maxResults says.
    const api = new FakeProductApi([], (req) => {
      req.query.set('maxResults', '2');
      return fake(req);
    });
    const names = await new JiraClient(api, noWait()).getUsersByAccountIds(['a:1', 'b:2', 'c:3']);
    expect(names).toEqual(known);
    expect(api.requests.map((r) => r.query.get('startAt'))).toEqual(['0', '2']);
  });

  it('rejects an answer of the wrong shape', async () => {
    const api = new FakeProductApi([{ status: 200, body: { values: [{ displayName: 'No id' }] } }]);
    await expect(new JiraClient(api, noWait()).getUsersByAccountIds(['a:1'])).rejects.toBeInstanceOf(UpstreamError);
  });

  it('sends only what the official spec declares for GET /user/bulk', async () => {
    const api = new FakeProductApi([], usersFake({ 'a:1': 'Ann' }));
    await new JiraClient(api, noWait()).getUsersByAccountIds(['a:1', 'b:2']);
    expect(specProblems(loadSpec('jira'), api.requests)).toEqual([]);
  });
});
